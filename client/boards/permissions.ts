import type { PersonView } from "../session/session-store";
import type { BoardView, MineView, NoteView } from "./boards-store";
import {
  facilitates,
  mayClusterOn,
  mayEditNote,
  mayMoveNote,
  mayWriteOn,
  type NoteFacts,
} from "../../shared/boards/permissions";

/**
 * What the interface offers to whom: shared/boards/permissions.ts decides, over what the room told
 * us. A board's `contentsVisible` is the server's word; a note we hold reaches us; whether it is ours
 * comes from our private "mine" list. The server checks everything again and decides.
 */
export function isFacilitator(self: PersonView | undefined): boolean {
  return facilitates(self?.role);
}

function noteFacts(note: NoteView, mine: MineView): NoteFacts {
  return { own: mine.notes.has(note.id), clusterId: note.clusterId, visible: true };
}

export function mayWrite(board: BoardView, self: PersonView | undefined): boolean {
  return mayWriteOn(board, self?.role);
}

export function mayCluster(board: BoardView, self: PersonView | undefined): boolean {
  return mayClusterOn(board, self?.role);
}

export function mayEdit(note: NoteView, self: PersonView | undefined, mine: MineView): boolean {
  return mayEditNote(noteFacts(note, mine), self?.role);
}

export function mayMove(note: NoteView, board: BoardView, self: PersonView | undefined, mine: MineView): boolean {
  return mayMoveNote(noteFacts(note, mine), board, self?.role);
}
