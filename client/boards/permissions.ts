import type { PersonView } from "../session/session-store";
import type { BoardView, MineView, NoteView } from "./boards-store";

/**
 * What the interface offers to whom. These mirror shared/boards/rules.ts so that buttons appear
 * only where they will work; the server checks everything again and decides.
 */
export function isFacilitator(self: PersonView | undefined): boolean {
  return self?.role === "facilitator";
}

export function mayWrite(board: BoardView, self: PersonView | undefined): boolean {
  if (!self || self.role === "observer") return false;
  return board.contentsVisible;
}

export function mayCluster(board: BoardView, self: PersonView | undefined): boolean {
  if (isFacilitator(self)) return true;
  return board.clustering && !board.locked && mayWrite(board, self);
}

export function mayEdit(note: NoteView, self: PersonView | undefined, mine: MineView): boolean {
  if (!self || self.role === "observer") return false;
  return isFacilitator(self) || mine.notes.has(note.id);
}

export function mayMove(note: NoteView, board: BoardView, self: PersonView | undefined, mine: MineView): boolean {
  if (!mayWrite(board, self)) return false;
  if (isFacilitator(self) || !board.locked) return true;
  return mine.notes.has(note.id) && note.clusterId === "";
}
