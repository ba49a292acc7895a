import { useEffect, useRef, useState } from "react";
import { useFrame } from "@react-three/fiber";
import { Container, Text } from "@react-three/uikit";
import { Vector3, type Group } from "three";
import { TOPIC_TITLE_MAX } from "../../shared/methods/marketplace-limits";
import { LAB } from "../../shared/space/layout";
import { zoneDisplayName } from "../../shared/zones/names";
import { closeNoteDialog } from "../boards/note-dialog";
import { useT } from "../i18n/locale";
import { closeMarketDialog, useMarketDialog, type MarketDialog } from "../methods/market-dialog";
import { carriedDraft, cellOpenTo, cleanTopicTitle } from "../methods/market-moves";
import { clearMethodsRefusal, useMethodsStore } from "../methods/methods-store";
import { useConnection } from "../session/connection-context";
import { useSelf, useSessionStore } from "../session/session-store";
import { useZonesStore } from "../zones/zones-store";
import { MENU_FONT_FAMILIES, MSDF_FAMILY } from "./fonts/msdf-fonts";
import { COLORS, MenuButton, PIXEL, type MenuButtons } from "./menu-parts";
import { charsLeft, initialKeyboard, pressKey, type KeyboardKey, type KeyboardState } from "./note-keyboard";
import { KeyRows } from "./VRNoteKeyboard";
import { useVRMenu } from "./vr-rig";

/** As the note keyboard: in front of the eyes, below them, kept this side of the wall. */
const IN_FRONT_M = 0.5;
const NEAREST_M = 0.3;
const CLEAR_OF_WALL_M = 0.12;
const BELOW_EYES_M = 0.28;
const WALL = LAB.marketWall;

/** The open keyboard's text, for the inspector (client/space/inspector.ts); null while closed. */
export const topicDraft: { text: string | null } = { text: null };

const sendable = (text: string) => cleanTopicTitle(text, TOPIC_TITLE_MAX) !== null;

type Open = Exclude<MarketDialog["open"], null>;

function TopicKeyboard({ open, buttons }: { open: Extract<Open, { kind: "post" }>; buttons: MenuButtons }) {
  const t = useT();
  const connection = useConnection();
  const market = useMethodsStore((s) => s.state?.market ?? null);
  const zones = useZonesStore((s) => s.zones);
  const [keyboard, setKeyboard] = useState<KeyboardState>(() =>
    initialKeyboard(market ? carriedDraft(market, useMarketDialog.getState().draft) : ""),
  );
  useEffect(() => {
    topicDraft.text = keyboard.text;
    return () => {
      topicDraft.text = null;
    };
  }, [keyboard.text]);
  const letter = market?.zones.find((z) => z.id === open.zone)?.letter;
  const known = zones.find((z) => z.id === open.zone);
  const where = t("methods.market.cellName", {
    n: open.slot + 1,
    zone: zoneDisplayName(known ?? (letter ? { name: "", letter } : undefined), t),
  });
  const submit = () => {
    const title = cleanTopicTitle(keyboard.text, TOPIC_TITLE_MAX);
    if (!title) return;
    clearMethodsRefusal();
    connection.send("methods.market.post", { slot: open.slot, zone: open.zone, title });
    // Kept for the next keyboard in case the server refuses it (the cell taken meanwhile).
    useMarketDialog.setState({ open: null, draft: title });
  };
  const press = (key: KeyboardKey) => {
    const result = pressKey(keyboard, key, TOPIC_TITLE_MAX, sendable);
    setKeyboard(result.state);
    if (result.submit) submit();
  };
  const ok = sendable(keyboard.text);
  return (
    <>
      <Text fontSize={20} fontWeight={700} color={COLORS.text} width="100%" wordBreak="break-word">
        {`${t("methods.market.topicLabel")} · ${where}`}
      </Text>
      <Container backgroundColor="#ffffff" borderRadius={6} padding={12} minHeight={64} width="100%">
        <Text fontSize={20} color={COLORS.text} width="100%" wordBreak="break-word">
          {`${keyboard.text}|`}
        </Text>
      </Container>
      <Container flexDirection="row" justifyContent="flex-end">
        <Text fontSize={14} color={COLORS.muted}>
          {t("boards.charsLeft", { count: charsLeft(keyboard.text, TOPIC_TITLE_MAX) })}
        </Text>
      </Container>
      <KeyRows prefix="market" buttons={buttons} keyboard={keyboard} sendable={ok} onPress={press} />
      <Container flexDirection="row" justifyContent="flex-end" gap={8}>
        <MenuButton
          id="market.cancel"
          buttons={buttons}
          label={t("methods.market.cancel")}
          onSelect={closeMarketDialog}
        />
        <MenuButton
          id="market.submit"
          buttons={buttons}
          label={t("methods.market.post")}
          pressed={ok}
          disabled={!ok}
          onSelect={submit}
        />
      </Container>
    </>
  );
}

/** A facilitator names a topic's note-taker: the participants here, as the HTML card's list. */
function TakerPicker({ topic, buttons }: { topic: string; buttons: MenuButtons }) {
  const t = useT();
  const connection = useConnection();
  const title = useMethodsStore((s) => s.state?.market?.topics.find((tp) => tp.id === topic)?.title ?? "");
  const people = useSessionStore((s) => s.people);
  const candidates = Object.values(people)
    .filter((p) => p.role === "participant" && p.connected)
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <Text fontSize={20} fontWeight={700} color={COLORS.text} width="100%" wordBreak="break-word">
        {t("methods.market.nameTaker", { topic: title })}
      </Text>
      {candidates.length === 0 && (
        <Text fontSize={16} color={COLORS.muted} width="100%" wordBreak="break-word">
          {t("methods.market.nobodyToName")}
        </Text>
      )}
      <Container flexDirection="row" flexWrap="wrap" gap={6} width="100%">
        {candidates.map((person) => (
          <MenuButton
            key={person.id}
            id={`market.taker.${person.id}`}
            buttons={buttons}
            label={person.name}
            onSelect={() => {
              clearMethodsRefusal();
              connection.send("methods.market.noteTaker", { topic, person: person.id });
              closeMarketDialog();
            }}
          />
        ))}
      </Container>
      <Container flexDirection="row" justifyContent="flex-end">
        <MenuButton
          id="market.cancel"
          buttons={buttons}
          label={t("methods.market.cancel")}
          onSelect={closeMarketDialog}
        />
      </Container>
    </>
  );
}

const tmp = { head: new Vector3(), forward: new Vector3() };

/**
 * The marketplace's panels in a headset: the keyboard to write a topic for the free cell pointed at on
 * the wall (client/methods/MarketWall3D.tsx), and a facilitator's list to name a note-taker from. Drawn
 * like the note keyboard (uikit, in front of the eyes, this side of the wall), since HTML is not drawn
 * in an immersive session; they send the same messages as the HTML card.
 */
export function VRMarketPanel({ buttons }: { buttons: MenuButtons }) {
  const open = useMarketDialog((s) => s.open);
  const market = useMethodsStore((s) => s.state?.market ?? null);
  const self = useSelf();
  const anchor = useRef<Group>(null);
  const placedFor = useRef<MarketDialog["open"]>(null);

  useFrame(({ camera }) => {
    const group = anchor.current;
    if (!group || !open || placedFor.current === open) return;
    placedFor.current = open;
    group.visible = true;
    camera.getWorldPosition(tmp.head);
    const forward = camera.getWorldDirection(tmp.forward).setY(0).normalize();
    const normal = { x: Math.sin(WALL.yaw), z: Math.cos(WALL.yaw) };
    const toWall = (WALL.x - tmp.head.x) * normal.x + (WALL.z - tmp.head.z) * normal.z;
    const along = forward.x * normal.x + forward.z * normal.z;
    const ahead = along !== 0 ? toWall / along : Infinity;
    const distance = ahead > 0 ? Math.max(NEAREST_M, Math.min(IN_FRONT_M, ahead - CLEAR_OF_WALL_M)) : IN_FRONT_M;
    group.position
      .copy(tmp.head)
      .addScaledVector(forward, distance)
      .setY(tmp.head.y - BELOW_EYES_M);
    group.lookAt(tmp.head);
  });

  const member = self?.role === "participant" || self?.role === "facilitator";
  // Nothing to do any more: the marketplace closed, the topic went, or (posting) the cell was taken
  // before anything was typed; once typing, the post is sent and the server's refusal says why.
  const usable =
    open !== null &&
    market !== null &&
    member &&
    !market.closed &&
    (open.kind === "post"
      ? cellOpenTo(market, open, { member }) || topicDraft.text !== null
      : self?.role === "facilitator" && market.topics.some((tp) => tp.id === open.topic));
  useEffect(() => {
    if (open && !usable) closeMarketDialog();
  }, [open, usable]);
  // One panel at a time in front of the eyes: the menu and a note's keyboard make way.
  const opened = open !== null;
  useEffect(() => {
    if (!opened) return;
    useVRMenu.setState({ open: false });
    closeNoteDialog();
  }, [opened]);
  // Taking the headset off drops what was asked for: it is not waiting on the next session.
  useEffect(() => closeMarketDialog, []);
  if (!usable) return null;
  const key = open.kind === "post" ? `post:${open.slot}:${open.zone}` : `taker:${open.topic}`;
  return (
    <group ref={anchor} name="vr-market-panel" visible={placedFor.current === open}>
      <Container
        key={key}
        pixelSize={PIXEL}
        fontFamilies={MENU_FONT_FAMILIES}
        fontFamily={MSDF_FAMILY}
        flexDirection="column"
        gap={10}
        padding={16}
        borderRadius={18}
        backgroundColor={COLORS.panel}
        width={open.kind === "post" ? undefined : 460}
      >
        {open.kind === "post" ? (
          <TopicKeyboard open={open} buttons={buttons} />
        ) : (
          <TakerPicker topic={open.topic} buttons={buttons} />
        )}
      </Container>
    </group>
  );
}
