import type { Actor } from "./model";

/**
 * Who may do what on a board, written once over facts both sides have. The server derives them from
 * the stored document (rules.ts); the client from what the room told it (client/boards/permissions.ts),
 * so a button shows exactly where the server will accept its message, and a new role (a coach) is
 * refused in one place.
 */
export interface BoardFacts {
  locked: boolean;
  clustering: boolean;
  /** The board's notes reach this person: its zone, the plenary, or they facilitate. */
  contentsVisible: boolean;
}

export interface NoteFacts {
  /** Written by this person. */
  own: boolean;
  clusterId: string;
  /** The note reaches this person (a private round's note reaches only its author). */
  visible: boolean;
}

type Role = Actor["role"];

export const facilitates = (role: Role | undefined): boolean => role === "facilitator";

/** Takes part in the work; observers and coaches watch. */
export const takesPart = (role: Role | undefined): boolean => role === "facilitator" || role === "participant";

/** May write notes on the board: someone taking part who can see its contents. */
export function mayWriteOn(board: BoardFacts, role: Role | undefined): boolean {
  return takesPart(role) && board.contentsVisible;
}

/** May make, change and fill clusters: facilitators always; participants when allowed and unlocked. */
export function mayClusterOn(board: BoardFacts, role: Role | undefined): boolean {
  if (facilitates(role)) return true;
  return board.clustering && !board.locked && mayWriteOn(board, role);
}

/** May change a note's text or colour, or delete it: its author or a facilitator. */
export function mayEditNote(note: NoteFacts, role: Role | undefined): boolean {
  return note.visible && takesPart(role) && (facilitates(role) || note.own);
}

/**
 * May drag a note: anyone who may write on the board, except that a locked board keeps everyone but
 * facilitators away from other people's notes and from the clusters.
 */
export function mayMoveNote(note: NoteFacts, board: BoardFacts, role: Role | undefined): boolean {
  if (!note.visible || !mayWriteOn(board, role)) return false;
  if (facilitates(role) || !board.locked) return true;
  return note.own && note.clusterId === "";
}
