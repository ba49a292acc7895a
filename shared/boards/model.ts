import { z } from "zod";
import type { ErrorCode } from "../protocol/errors";
import {
  BOARD_MAX_CM,
  BOARD_MIN_CM,
  BOARD_TITLE_MAX,
  CLUSTER_TITLE_MAX,
  NOTE_COLORS,
  NOTE_TEXT_MAX,
  NOTES_PER_BOARD_MAX,
  VOTE_LIMITS,
} from "./basics";

export {
  ballotId,
  BOARD_BOTTOM_M,
  BOARD_MAX_CM,
  BOARD_MIN_CM,
  BOARD_TITLE_MAX,
  BOARDS_MAX,
  CLUSTER_TITLE_MAX,
  CLUSTERS_PER_BOARD_MAX,
  clustersOfBoard,
  NOTE_COLORS,
  NOTE_SIZE_CM,
  NOTE_TEXT_MAX,
  noteHex,
  NOTES_PER_BOARD_MAX,
  NOTES_PER_PERSON_PER_BOARD_MAX,
  notesOfBoard,
  openVoteOf,
  VOTE_LIMITS,
  votesOfBoard,
} from "./basics";

/**
 * The group's work as a document: boards, the notes and clusters on them, and the dot votes run on
 * them. These are the shapes the server keeps, stores (one record each) and reasons about; the
 * schema state in state.ts is only their projection for clients, filtered per viewer.
 *
 * Units: a board's place in the lab is in centimetres and whole degrees (like poses, integers that
 * survive a round trip through storage unchanged); positions on a board are centimetres from its
 * top-left corner, x to the right and y down, and name the centre of a note.
 */

/** Ids the server makes: 12 url-safe characters. Zone ids are someone else's and stay opaque strings. */
export const docIdSchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/);
export const zoneIdSchema = z
  .string()
  .max(32)
  .regex(/^[A-Za-z0-9_-]*$/);

const cm = z.number().int().min(-32767).max(32767);

export const privateRoundSchema = z.object({
  anonymous: z.boolean(),
  startedAt: z.number(),
});
export type PrivateRound = z.infer<typeof privateRoundSchema>;

export const boardDocSchema = z.object({
  id: docIdSchema,
  /** "" shows a default name in each reader's language (see `preset`). */
  title: z.string().max(BOARD_TITLE_MAX),
  /** Where the board came from, for its default name: the note wall, a zone, or added by hand. */
  preset: z.enum(["wall", "zone", "custom"]),
  /** "" stands in the plenary (everyone sees its notes); otherwise only that zone's members and facilitators. */
  zoneId: zoneIdSchema,
  x: cm,
  z: cm,
  /** Degrees about +y; 0 faces +z. */
  yaw: z.number().int().min(-180).max(180),
  width: z.number().int().min(BOARD_MIN_CM.width).max(BOARD_MAX_CM.width),
  height: z.number().int().min(BOARD_MIN_CM.height).max(BOARD_MAX_CM.height),
  locked: z.boolean(),
  /** Participants may group notes into clusters (facilitators always may). */
  clustering: z.boolean(),
  /** The private writing round running now, if any. */
  round: privateRoundSchema.nullable(),
  /** Earlier rounds, for the export's timings. */
  rounds: z.array(privateRoundSchema.extend({ revealedAt: z.number() })).max(200),
  order: z.number().int(),
  createdAt: z.number(),
});
export type BoardDoc = z.infer<typeof boardDocSchema>;

export const noteDocSchema = z.object({
  id: docIdSchema,
  boardId: docIdSchema,
  text: z.string().max(NOTE_TEXT_MAX),
  color: z
    .number()
    .int()
    .min(0)
    .max(NOTE_COLORS.length - 1),
  x: cm,
  y: cm,
  /** "" when the note is in no cluster. */
  clusterId: z.string().max(32),
  /** Stable, per-session identity of the author (see shared/boards/identity note in the server). */
  authorUid: z.string().max(64),
  authorName: z.string().max(80),
  /** Written in a private round that has not been revealed: only its author sees it. */
  hidden: z.boolean(),
  /** Written in an anonymous round: nobody but the author learns who wrote it, ever. */
  anonymous: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type NoteDoc = z.infer<typeof noteDocSchema>;

export const clusterDocSchema = z.object({
  id: docIdSchema,
  boardId: docIdSchema,
  title: z.string().max(CLUSTER_TITLE_MAX),
  /** Top-left corner and size on the board, cm. */
  x: cm,
  y: cm,
  width: z.number().int().min(0).max(BOARD_MAX_CM.width),
  height: z.number().int().min(0).max(BOARD_MAX_CM.height),
  createdAt: z.number(),
});
export type ClusterDoc = z.infer<typeof clusterDocSchema>;

export const voteResultSchema = z.object({
  noteId: docIdSchema,
  /** The note's text when the vote ended, so results survive the note's later deletion. */
  text: z.string().max(NOTE_TEXT_MAX),
  count: z.number().int().min(0),
  /** 1 is best; equal counts share a rank (1, 2, 2, 4). */
  rank: z.number().int().min(1),
  /** Display names of those who placed dots, most dots first; empty in an anonymous vote. */
  voters: z.array(z.string().max(80)),
});
export type VoteResult = z.infer<typeof voteResultSchema>;

export const voteDocSchema = z.object({
  id: docIdSchema,
  boardId: docIdSchema,
  perPerson: z.number().int().min(VOTE_LIMITS.perPerson.min).max(VOTE_LIMITS.perPerson.max),
  maxPerNote: z.number().int().min(VOTE_LIMITS.maxPerNote.min).max(VOTE_LIMITS.maxPerNote.max),
  anonymous: z.boolean(),
  startedAt: z.number(),
  /** When the vote closes by itself; null when the facilitator ends it. */
  endsAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  /** The ballot: the notes one may vote for, fixed when the vote starts. */
  noteIds: z.array(docIdSchema).max(NOTES_PER_BOARD_MAX),
  /** Filled in when the vote ends, best first. */
  results: z.array(voteResultSchema).nullable(),
});
export type VoteDoc = z.infer<typeof voteDocSchema>;

/** One person's dots in one vote. Its id is `${voteId}.${uid}`. */
export const ballotDocSchema = z.object({
  voteId: docIdSchema,
  uid: z.string().max(64),
  name: z.string().max(80),
  dots: z.record(z.string(), z.number().int().min(1).max(VOTE_LIMITS.maxPerNote.max)),
  updatedAt: z.number(),
});
export type BallotDoc = z.infer<typeof ballotDocSchema>;

/** The whole document of one session's boards, keyed by id. */
export interface BoardsDoc {
  boards: Map<string, BoardDoc>;
  notes: Map<string, NoteDoc>;
  clusters: Map<string, ClusterDoc>;
  votes: Map<string, VoteDoc>;
  /** Keyed by `ballotId(voteId, uid)`. */
  ballots: Map<string, BallotDoc>;
}

export function emptyDoc(): BoardsDoc {
  return { boards: new Map(), notes: new Map(), clusters: new Map(), votes: new Map(), ballots: new Map() };
}

/**
 * A board as every board starts, whoever puts it up (a facilitator, a new zone, a method's harvest):
 * unlocked, without clustering or a round, listed after every board there is.
 */
export function newBoardDoc(
  doc: BoardsDoc,
  board: Pick<BoardDoc, "id" | "title" | "preset" | "zoneId" | "x" | "z" | "yaw" | "width" | "height">,
  now: number,
): BoardDoc {
  return {
    ...board,
    locked: false,
    clustering: false,
    round: null,
    rounds: [],
    order: Math.max(0, ...[...doc.boards.values()].map((b) => b.order + 1)),
    createdAt: now,
  };
}

/** The kinds of document record, named as they are stored. */
export type DocKind = "board" | "note" | "cluster" | "vote" | "ballot";

/** One change to the document: a record created or replaced (`value`), or deleted (`null`). */
export type DocChange =
  | { kind: "board"; id: string; value: BoardDoc | null }
  | { kind: "note"; id: string; value: NoteDoc | null }
  | { kind: "cluster"; id: string; value: ClusterDoc | null }
  | { kind: "vote"; id: string; value: VoteDoc | null }
  | { kind: "ballot"; id: string; value: BallotDoc | null };

const COLLECTION: Record<DocKind, keyof BoardsDoc> = {
  board: "boards",
  note: "notes",
  cluster: "clusters",
  vote: "votes",
  ballot: "ballots",
};

/** Applies changes in order and returns what they replaced, so `applyChanges(doc, undo)` reverts them. */
export function applyChanges(doc: BoardsDoc, changes: readonly DocChange[]): DocChange[] {
  const undo: DocChange[] = [];
  for (const change of changes) {
    const map = doc[COLLECTION[change.kind]] as Map<string, unknown>;
    undo.unshift({ kind: change.kind, id: change.id, value: map.get(change.id) ?? null } as DocChange);
    if (change.value === null) map.delete(change.id);
    else map.set(change.id, change.value);
  }
  return undo;
}

/** Who is acting, as the rules need to know them. */
export interface Actor {
  /** Stable identity within the session (survives reconnects and server restarts). */
  uid: string;
  name: string;
  role: "facilitator" | "participant" | "observer" | string;
  /** The zone the person stands in ("" is the plenary). */
  zone: string;
}

/** What every board rule is given: the document, who acts, the time, and a maker of fresh ids. */
export interface RuleContext {
  doc: BoardsDoc;
  actor: Actor;
  now: number;
  /** Makes a fresh id for a new record. */
  newId(): string;
}

export type RuleResult = { changes: DocChange[] } | { error: ErrorCode; detail?: string };
