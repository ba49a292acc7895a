import type { BoardsDoc, ClusterDoc, NoteDoc, VoteDoc } from "./model";

/**
 * The part of the boards model the room's views need, free of zod: limits, colours and lookups in
 * the document. model.ts holds the schemas and re-exports all of this; the client imports from here
 * so that zod is not downloaded to show the boards (the server validates every change).
 */

/** Longest note text, in characters: a sticky note holds a thought, not a paragraph. */
export const NOTE_TEXT_MAX = 140;
export const BOARD_TITLE_MAX = 60;
export const CLUSTER_TITLE_MAX = 60;
/**
 * A note is a square of this side on every board (cm): large enough that a short note's text can be
 * read from the plenary (see noteTextSize in geometry.ts for the measure).
 */
export const NOTE_SIZE_CM = 36;
export const NOTES_PER_BOARD_MAX = 300;
export const NOTES_PER_PERSON_PER_BOARD_MAX = 40;
export const CLUSTERS_PER_BOARD_MAX = 40;
export const BOARDS_MAX = 24;
export const BOARD_MIN_CM = { width: 120, height: 80 } as const;
export const BOARD_MAX_CM = { width: 1000, height: 240 } as const;
/** Every board stands with its lower edge this high above the floor. */
export const BOARD_BOTTOM_M = 0.6;

/** Note colours: pale enough for dark text, different enough to tell apart, each with a name to say aloud. */
export const NOTE_COLORS = [
  { hex: "#fde68a", nameKey: "boards.color.yellow" },
  { hex: "#fbcfe8", nameKey: "boards.color.pink" },
  { hex: "#bfdbfe", nameKey: "boards.color.blue" },
  { hex: "#bbf7d0", nameKey: "boards.color.green" },
  { hex: "#fed7aa", nameKey: "boards.color.orange" },
  { hex: "#ddd6fe", nameKey: "boards.color.purple" },
] as const;

export function noteHex(color: number): string {
  return NOTE_COLORS[color]?.hex ?? NOTE_COLORS[0].hex;
}

export const VOTE_LIMITS = {
  perPerson: { min: 1, max: 20 },
  maxPerNote: { min: 1, max: 20 },
  /** Seconds; 0 is no limit. */
  duration: { min: 10, max: 3 * 3600 },
} as const;

export function ballotId(voteId: string, uid: string): string {
  return `${voteId}.${uid}`;
}

export function notesOfBoard(doc: BoardsDoc, boardId: string): NoteDoc[] {
  return [...doc.notes.values()].filter((n) => n.boardId === boardId);
}

export function clustersOfBoard(doc: BoardsDoc, boardId: string): ClusterDoc[] {
  return [...doc.clusters.values()].filter((c) => c.boardId === boardId);
}

export function votesOfBoard(doc: BoardsDoc, boardId: string): VoteDoc[] {
  return [...doc.votes.values()].filter((v) => v.boardId === boardId).sort((a, b) => a.startedAt - b.startedAt);
}

export function openVoteOf(doc: BoardsDoc, boardId: string): VoteDoc | undefined {
  return votesOfBoard(doc, boardId).find((v) => v.endedAt === null);
}
