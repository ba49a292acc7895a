import { useEffect, useRef, useState } from "react";
import { useFrame } from "@react-three/fiber";
import { Container, Text } from "@react-three/uikit";
import { Vector3, type Group } from "three";
import { NOTE_COLORS } from "../../shared/boards/basics";
import { useBoardsStore, sortedBoards, type BoardView } from "../boards/boards-store";
import { useBoardTitle } from "../boards/names";
import {
  closeNoteDialog,
  openNoteDialog,
  privacyNotice,
  submitNoteDialog,
  useNoteDialog,
  type NoteDialogState,
} from "../boards/note-dialog";
import { mayEdit, mayWrite } from "../boards/permissions";
import { useT } from "../i18n/locale";
import { closeMarketDialog } from "../methods/market-dialog";
import { useLocalPlayer } from "../movement/local-player";
import { useConnection } from "../session/connection-context";
import { useSelf } from "../session/session-store";
import { MENU_FONT_FAMILIES, MSDF_FAMILY } from "./fonts/msdf-fonts";
import { COLORS, MenuButton, PIXEL, type MenuButtons } from "./menu-parts";
import {
  KEY_ROWS,
  charsLeft,
  initialKeyboard,
  isSendable,
  keyChar,
  keyId,
  pressKey,
  type KeyboardKey,
  type KeyboardState,
} from "./note-keyboard";
import { useVRMenu } from "./vr-rig";

/** The keyboard opens this far in front of the eyes, and this far below them (a desk's slope). */
const IN_FRONT_M = 0.5;
/** Standing close to the board, the keyboard comes nearer so that it stays in front of the board. */
const NEAREST_M = 0.3;
const CLEAR_OF_BOARD_M = 0.12;
const BELOW_EYES_M = 0.28;
const KEY = { width: 38, height: 42, gap: 5, wide: 64 } as const;

const KEY_LABELS = {
  space: "xr.keyboard.space",
  backspace: "xr.keyboard.backspace",
  shift: "xr.keyboard.shift",
  enter: "xr.keyboard.enter",
} as const;

/**
 * The board a "New note" goes to: the nearest one of the area the person stands in (their zone's, or
 * the plenary's), else the nearest they may write on at all. Facilitators may write on every board,
 * but a note written in the plenary belongs on the plenary's wall.
 */
export function useNearestWritableBoard(): BoardView | undefined {
  const boards = useBoardsStore((s) => s.boards);
  const self = useSelf();
  const player = useLocalPlayer();
  const writable = sortedBoards(boards).filter((board) => mayWrite(board, self));
  const distance = (board: BoardView) => Math.hypot(board.x / 100 - player.x, board.z / 100 - player.z);
  const nearest = (list: BoardView[]) => list.sort((a, b) => distance(a) - distance(b))[0];
  return nearest(writable.filter((board) => board.zoneId === (self?.zone ?? ""))) ?? nearest(writable);
}

/** The open keyboard's text, for the inspector (client/space/inspector.ts); null while closed. */
export const noteDraft: { text: string | null } = { text: null };

/** Opens the keyboard for a new note on a board; the server puts it on the first free spot. */
export function openVRNote(board: BoardView): void {
  useVRMenu.setState({ open: false });
  openNoteDialog({ kind: "new", boardId: board.id });
}

function Keyboard({
  open,
  board,
  buttons,
}: {
  open: Exclude<NoteDialogState, null>;
  board: BoardView;
  buttons: MenuButtons;
}) {
  const t = useT();
  const connection = useConnection();
  const boardTitle = useBoardTitle();
  const note = open.kind === "edit" ? board.notes.find((n) => n.id === open.noteId) : undefined;
  const [keyboard, setKeyboard] = useState<KeyboardState>(() => initialKeyboard(note?.text ?? ""));
  const [color, setColor] = useState(note?.color ?? 0);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const sendable = isSendable(keyboard.text);
  // The same line the desktop dialog shows: who will see this note.
  const privacy = privacyNotice(open.kind === "new" ? { round: board.round } : { note });
  useEffect(() => {
    noteDraft.text = keyboard.text;
    return () => {
      noteDraft.text = null;
    };
  }, [keyboard.text]);

  const submit = () => {
    if (!isSendable(keyboard.text)) return;
    submitNoteDialog(connection, open, { text: keyboard.text.trim(), color });
  };
  const press = (key: KeyboardKey) => {
    const result = pressKey(keyboard, key);
    setKeyboard(result.state);
    if (result.submit) submit();
  };

  return (
    <Container
      pixelSize={PIXEL}
      fontFamilies={MENU_FONT_FAMILIES}
      fontFamily={MSDF_FAMILY}
      flexDirection="column"
      gap={10}
      padding={16}
      borderRadius={18}
      backgroundColor={COLORS.panel}
    >
      <Text fontSize={20} fontWeight={700} color={COLORS.text}>
        {`${t(open.kind === "new" ? "boards.newNote" : "boards.editNote")} · ${boardTitle(board)}`}
      </Text>
      {privacy && (
        <Text fontSize={16} color={COLORS.text} width="100%" wordBreak="break-word">
          {t(privacy)}
        </Text>
      )}
      <Container
        backgroundColor={NOTE_COLORS[color]?.hex ?? NOTE_COLORS[0].hex}
        borderRadius={6}
        padding={12}
        minHeight={96}
        width="100%"
      >
        {/* The bar marks where the next letter goes (a trailing space would otherwise be invisible). */}
        <Text fontSize={20} color={COLORS.text} width="100%" wordBreak="break-word">
          {`${keyboard.text}|`}
        </Text>
      </Container>
      <Container flexDirection="row" justifyContent="space-between" alignItems="center">
        <Container flexDirection="row" gap={KEY.gap}>
          {NOTE_COLORS.map((swatch, index) => (
            <MenuButton
              key={swatch.hex}
              id={`note.color.${index}`}
              buttons={buttons}
              label={color === index ? "•" : " "}
              swatch={swatch.hex}
              pressed={color === index}
              width={KEY.width + 6}
              height={KEY.height - 8}
              onSelect={() => setColor(index)}
            />
          ))}
        </Container>
        <Text fontSize={14} color={COLORS.muted}>
          {t("boards.charsLeft", { count: charsLeft(keyboard.text) })}
        </Text>
      </Container>
      <KeyRows prefix="note" buttons={buttons} keyboard={keyboard} sendable={sendable} onPress={press} />
      <Container flexDirection="row" justifyContent="space-between" gap={8}>
        {note ? (
          <MenuButton
            id="note.delete"
            buttons={buttons}
            danger
            label={t(confirmDelete ? "boards.confirmDeleteNote" : "boards.delete")}
            onSelect={() => {
              if (!confirmDelete) return setConfirmDelete(true);
              connection.send("boards.removeNote", { noteId: note.id });
              closeNoteDialog();
            }}
          />
        ) : (
          <Container />
        )}
        <Container flexDirection="row" gap={8}>
          <MenuButton id="note.cancel" buttons={buttons} label={t("boards.cancel")} onSelect={closeNoteDialog} />
          <MenuButton
            id="note.submit"
            buttons={buttons}
            label={t(open.kind === "new" ? "boards.add" : "boards.save")}
            pressed={sendable}
            disabled={!sendable}
            onSelect={submit}
          />
        </Container>
      </Container>
    </Container>
  );
}

/**
 * The keyboard's keys (KEY_ROWS), each a panel button named `${prefix}.key.${keyId}` for the
 * inspector; Enter is greyed out while the text cannot be sent.
 */
export function KeyRows({
  prefix,
  buttons,
  keyboard,
  sendable,
  onPress,
}: {
  prefix: string;
  buttons: MenuButtons;
  keyboard: KeyboardState;
  sendable: boolean;
  onPress(key: KeyboardKey): void;
}) {
  const t = useT();
  const keyLabel = (key: KeyboardKey) => (key.kind === "char" ? keyChar(key, keyboard.shift) : t(KEY_LABELS[key.kind]));
  return (
    <>
      {KEY_ROWS.map((row, index) => (
        <Container key={index} flexDirection="row" justifyContent="center" gap={KEY.gap}>
          {row.map((key) => (
            <MenuButton
              key={keyId(key)}
              id={`${prefix}.key.${keyId(key)}`}
              buttons={buttons}
              label={keyLabel(key)}
              fontSize={key.kind === "char" ? 20 : 15}
              pressed={key.kind === "shift" && keyboard.shift}
              disabled={key.kind === "enter" && !sendable}
              width={key.kind === "char" ? KEY.width : key.kind === "space" ? undefined : KEY.wide}
              flexGrow={key.kind === "space" ? 1 : undefined}
              height={KEY.height}
              onSelect={() => onPress(key)}
            />
          ))}
        </Container>
      ))}
    </>
  );
}

const tmp = { head: new Vector3(), forward: new Vector3() };

/**
 * Writing and editing sticky notes in a headset: the same note dialog state the desktop uses (opened by
 * pointing at a board or one's own note and pulling the trigger, or from the menu's "New note"), drawn
 * as a uikit panel with a keyboard, since HTML dialogs are not drawn inside an immersive session.
 * It opens in front of the eyes, tilted like a desk, and stays there while the person types.
 */
export function VRNoteKeyboard({ buttons }: { buttons: MenuButtons }) {
  const open = useNoteDialog((s) => s.open);
  const board = useBoardsStore((s) => (open ? s.boards[open.boardId] : undefined));
  const self = useSelf();
  const mine = useBoardsStore((s) => s.mine);
  const anchor = useRef<Group>(null);
  const placedFor = useRef<NoteDialogState>(null);

  useFrame(({ camera }) => {
    const group = anchor.current;
    if (!group || !open || placedFor.current === open) return;
    placedFor.current = open;
    group.visible = true;
    camera.getWorldPosition(tmp.head);
    const forward = camera.getWorldDirection(tmp.forward).setY(0).normalize();
    let distance = IN_FRONT_M;
    if (board) {
      // How far the eyes are from the board's plane along the view: keep the keyboard this side of it.
      const yaw = (board.yaw * Math.PI) / 180;
      const normal = { x: Math.sin(yaw), z: Math.cos(yaw) };
      const toBoard = (board.x / 100 - tmp.head.x) * normal.x + (board.z / 100 - tmp.head.z) * normal.z;
      const along = forward.x * normal.x + forward.z * normal.z;
      const ahead = along !== 0 ? toBoard / along : Infinity;
      if (ahead > 0) distance = Math.max(NEAREST_M, Math.min(IN_FRONT_M, ahead - CLEAR_OF_BOARD_M));
    }
    group.position
      .copy(tmp.head)
      .addScaledVector(forward, distance)
      .setY(tmp.head.y - BELOW_EYES_M);
    group.lookAt(tmp.head);
  });

  const note = open?.kind === "edit" ? board?.notes.find((n) => n.id === open.noteId) : undefined;
  // Nothing to write on any more (the board went away, the note was deleted, or its zone was left).
  const usable =
    open !== null &&
    board !== undefined &&
    (open.kind === "new" ? mayWrite(board, self) : note !== undefined && mayEdit(note, self, mine));
  useEffect(() => {
    if (open && !usable) closeNoteDialog();
  }, [open, usable]);
  // One keyboard at a time: a note's takes over from the marketplace's (client/xr/VRMarketPanel.tsx).
  const opened = open !== null;
  useEffect(() => {
    if (opened) closeMarketDialog();
  }, [opened]);
  if (!usable) return null;
  const draftKey = open.kind === "new" ? `new:${open.boardId}` : `edit:${open.noteId}`;
  return (
    <group ref={anchor} name="vr-note-keyboard" visible={placedFor.current === open}>
      <Keyboard key={draftKey} open={open} board={board} buttons={buttons} />
    </group>
  );
}
