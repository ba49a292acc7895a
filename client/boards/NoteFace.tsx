import { NOTE_SIZE_CM, noteHex } from "../../shared/boards/basics";
import { NOTE_LINE_EM, NOTE_TEXT_BOX_CM, noteTextSize } from "../../shared/boards/geometry";
import { Label3D } from "../text/Label3D";
import type { NoteView } from "./boards-store";

const NOTE_M = NOTE_SIZE_CM / 100;
const BOX = {
  width: NOTE_TEXT_BOX_CM.width / 100,
  authorY: NOTE_TEXT_BOX_CM.authorY / 100,
  authorSize: NOTE_TEXT_BOX_CM.authorSize / 100,
};

/**
 * What a note shows on a 3D board: the paper, its text as large as the text box allows (see
 * noteTextSize: short notes read from the plenary), and its author in the strip at the bottom.
 * The top strip is left to the vote's badge and dots.
 */
export function NoteFace({
  note,
  mark = "",
}: {
  note: Pick<NoteView, "text" | "color" | "hidden" | "authorName" | "anonymous">;
  /** Words after the author in the bottom strip (a method's mark on the note: TRIZ's tag or owner). */
  mark?: string;
}) {
  const strip = [note.anonymous ? "" : note.authorName, mark].filter(Boolean).join(" · ");
  return (
    <>
      <mesh>
        <planeGeometry args={[NOTE_M, NOTE_M]} />
        <meshLambertMaterial color={noteHex(note.color)} transparent={note.hidden} opacity={note.hidden ? 0.7 : 1} />
      </mesh>
      <Label3D
        position={[0, 0, 0.002]}
        fontSize={noteTextSize(note.text) / 100}
        maxWidth={BOX.width}
        overflowWrap="break-word"
        color="#1b2a38"
        anchorX="center"
        anchorY="middle"
        textAlign="center"
        lineHeight={NOTE_LINE_EM}
      >
        {note.text}
      </Label3D>
      {strip && (
        <Label3D
          position={[0, BOX.authorY, 0.002]}
          fontSize={BOX.authorSize}
          maxWidth={BOX.width}
          color="#4a5b6b"
          anchorX="center"
          anchorY="middle"
        >
          {strip}
        </Label3D>
      )}
    </>
  );
}
