import { create } from "zustand";
import type { SessionConnection } from "../session/connection";
import type { BoardView, NoteView } from "./boards-store";

/**
 * A note being written on a board (at a spot, or without one: the first free spot), or an existing one
 * being edited (opened from 3D, or from the in-VR menu).
 */
export type NoteDialogState =
  { kind: "new"; boardId: string; x?: number; y?: number } | { kind: "edit"; boardId: string; noteId: string } | null;

export const useNoteDialog = create<{ open: NoteDialogState }>(() => ({ open: null }));

export function openNoteDialog(state: Exclude<NoteDialogState, null>): void {
  useNoteDialog.setState({ open: state });
}

export function closeNoteDialog(): void {
  useNoteDialog.setState({ open: null });
}

/**
 * Sends what the open dialog wrote (a new note, at its spot when it has one, or the edit) and closes
 * it: one way for the desktop dialog and the VR keyboard alike.
 */
export function submitNoteDialog(
  connection: Pick<SessionConnection, "send">,
  open: Exclude<NoteDialogState, null>,
  draft: { text: string; color: number },
): void {
  if (open.kind === "new") {
    const at = open.x !== undefined && open.y !== undefined ? { x: open.x, y: open.y } : {};
    connection.send("boards.addNote", { boardId: open.boardId, ...draft, ...at });
  } else connection.send("boards.editNote", { noteId: open.noteId, ...draft });
  closeNoteDialog();
}

/**
 * What the dialog says about who will see the note: a new note in a private round (anonymous or
 * not), or an existing note that is still private or was written anonymously; nothing otherwise.
 */
export function privacyNotice(
  of: { round: BoardView["round"] } | { note: Pick<NoteView, "hidden" | "anonymous"> | undefined },
): "boards.dialog.private" | "boards.dialog.privateAnonymous" | "boards.dialog.anonymous" | null {
  if ("round" in of) {
    if (of.round === "") return null;
    return of.round === "anonymous" ? "boards.dialog.privateAnonymous" : "boards.dialog.private";
  }
  if (!of.note) return null;
  if (of.note.hidden) return of.note.anonymous ? "boards.dialog.privateAnonymous" : "boards.dialog.private";
  return of.note.anonymous ? "boards.dialog.anonymous" : null;
}
