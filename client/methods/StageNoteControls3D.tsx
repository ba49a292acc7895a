import { useRef } from "react";
import type { ThreeEvent } from "@react-three/fiber";
import { NOTE_SIZE_CM } from "../../shared/boards/basics";
import { useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { Label3D } from "../text/Label3D";
import { captureGrab, releaseGrab } from "../space/pointer-grab";
import { useNoteStageActions } from "./StageNoteActions";

/**
 * TRIZ's note actions on a 3D note: "we already do this" and "I'll take this on", as toggles in the
 * note's top strip (the text box leaves it free). They are meshes, so a mouse, a controller's ray and
 * a tracked hand's pinch all press them, and they send the same commands as the 2D buttons (a ticked
 * box: the note is tagged, or is the action we took on; pressing again undoes it). Shown
 * only when noteStageActions offers them: the server refuses the rest anyway.
 */

const NOTE_M = NOTE_SIZE_CM / 100;
const HALF = NOTE_M / 2;
const MARGIN = 0.01;
const CHIP_H = 0.04;
const BOX = 0.022;
/** Kept free at the strip's right end for the vote's badge and our dots (client/boards/Boards3D). */
const CORNER = 0.07;
/** Noto Sans's mean advance per character, in ems: enough to keep a label on one line. */
const ADVANCE_EM = 0.56;
const MAX_FONT = 0.026;
/** How far a mouse or finger may move between press and release and still press (as isStillClick). */
const STILL_PX = 6;

/** Where a pointer is on the screen; a controller's or hand's ray has none (and is always still). */
function screenAt(event: ThreeEvent<PointerEvent>): { x: number; y: number } {
  const native = event.nativeEvent as Partial<PointerEvent> | undefined;
  return { x: native?.clientX ?? 0, y: native?.clientY ?? 0 };
}

function Toggle({
  name,
  label,
  pressed,
  width,
  y,
  onPress,
}: {
  name: string;
  label: string;
  pressed: boolean;
  width: number;
  y: number;
  onPress: () => void;
}) {
  const left = -HALF + MARGIN;
  const textWidth = width - BOX - 0.03;
  const fontSize = Math.min(MAX_FONT, textWidth / (label.length * ADVANCE_EM));
  // Pressed on release over the toggle, as a note is (client/boards/board-drag.ts): a touch screen's
  // tap gives no click event here. A press is neither the start of dragging the note nor a click on
  // it, and a mouse or finger that slid away before letting go pressed nothing. The pointer is held
  // (as a note holds it) so its release always comes here.
  const down = useRef<{ pointerId: number; x: number; y: number } | null>(null);
  const onPointerDown = (event: ThreeEvent<PointerEvent>) => {
    event.stopPropagation();
    captureGrab(event);
    down.current = { pointerId: event.pointerId, ...screenAt(event) };
  };
  const onPointerUp = (event: ThreeEvent<PointerEvent>) => {
    const start = down.current;
    if (!start || start.pointerId !== event.pointerId) return;
    event.stopPropagation();
    releaseGrab(event);
    down.current = null;
    const end = screenAt(event);
    if (Math.hypot(end.x - start.x, end.y - start.y) <= STILL_PX) onPress();
  };
  const onPointerCancel = (event: ThreeEvent<PointerEvent>) => {
    if (down.current?.pointerId !== event.pointerId) return;
    releaseGrab(event);
    down.current = null;
  };
  // The click that follows must not reach the board behind (a new note there) nor the note.
  const onClick = (event: ThreeEvent<MouseEvent>) => event.stopPropagation();
  return (
    // The handlers are on the group: a ray meets the label or the box before the chip under them.
    <group
      position={[0, y, 0.004]}
      onPointerDown={onPointerDown}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerCancel}
      onClick={onClick}
    >
      <mesh name={name} position={[left + width / 2, 0, 0]}>
        <planeGeometry args={[width, CHIP_H]} />
        <meshBasicMaterial color={pressed ? "#1b5e20" : "#1d3b53"} />
      </mesh>
      {/* A check box, ticked when the toggle is on: troika's fonts have no check mark. */}
      <mesh position={[left + 0.01 + BOX / 2, 0, 0.001]}>
        <planeGeometry args={[BOX, BOX]} />
        <meshBasicMaterial color="#ffffff" />
      </mesh>
      {pressed && (
        <mesh position={[left + 0.01 + BOX / 2, 0, 0.002]}>
          <planeGeometry args={[BOX * 0.6, BOX * 0.6]} />
          <meshBasicMaterial color="#1b5e20" />
        </mesh>
      )}
      <Label3D
        position={[left + 0.02 + BOX, 0, 0.001]}
        fontSize={fontSize}
        maxWidth={textWidth}
        color="#ffffff"
        anchorX="left"
        anchorY="middle"
        bold={pressed}
      >
        {label}
      </Label3D>
    </group>
  );
}

export function StageNoteControls3D({
  noteId,
  boardId,
  corner,
}: {
  noteId: string;
  boardId: string;
  /** A vote's badge or dots sit in the strip's right corner: leave it free. */
  corner: boolean;
}) {
  const t = useT();
  const connection = useConnection();
  const { tagged, mine, canTag, canOwn } = useNoteStageActions(noteId, boardId);
  if (!canTag && !canOwn) return null;
  const width = NOTE_M - 2 * MARGIN - (corner ? CORNER : 0);
  const top = HALF - MARGIN / 2 - CHIP_H / 2;
  return (
    <group name={`stage-actions:${noteId}`}>
      {canTag && (
        <Toggle
          name={`stage-tag:${noteId}`}
          label={t("stages.tag")}
          pressed={tagged}
          width={width}
          y={top}
          onPress={() => connection.send("boards.tagNote", { noteId })}
        />
      )}
      {canOwn && (
        <Toggle
          name={`stage-own:${noteId}`}
          label={t("stages.own")}
          pressed={mine}
          width={width}
          // Both at once (a plan of one's own may allow it): the second just under the note.
          y={canTag ? -HALF - CHIP_H / 2 - 0.005 : top}
          onPress={() => connection.send("boards.ownNote", { noteId })}
        />
      )}
    </group>
  );
}
