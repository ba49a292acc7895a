import { z } from "zod";
import type { BoardPlacement } from "../boards/geometry";
import {
  BOARDS_MAX,
  docIdSchema,
  newBoardDoc,
  notesOfBoard,
  openVoteOf,
  type BoardsDoc,
  type DocChange,
} from "../boards/model";
import type { Capture } from "./plan";

/**
 * What a step's capture does to the boards when the step begins, as pure rules: the board(s) its
 * writing goes on (a new one put up in the plenary, each group's board, an earlier step's boards or a
 * named board), and a private writing round started on them when the plan says "private". The round's
 * anonymity is the plan's "anonymous" (an open step writes with names: anonymity needs the round).
 * At the next step the rounds are revealed; Back takes down a board nobody wrote on.
 */

/**
 * Spots in the plenary for a step's new board, tried in order: on the circle's west, east and north
 * sides, each facing its centre, clear of the zones, the stage, the note wall and the harvest wall.
 */
export const CAPTURE_PLACEMENTS: readonly BoardPlacement[] = [
  { x: -650, z: 100, yaw: 90, width: 400, height: 180 },
  { x: 650, z: 100, yaw: -90, width: 400, height: 180 },
  { x: 0, z: -650, yaw: 0, width: 400, height: 180 },
];

/** What a step's capture did, kept with the step (for the reveal at the next step, and for Back). */
export const captureRecordSchema = z.object({
  /** The board the step put up, if it did. */
  boardId: docIdSchema.nullable(),
  /** The boards the step started a private round on. */
  rounds: z.array(docIdSchema).max(BOARDS_MAX),
  /** A stage's own boards, one in each group's zone (stages.ts); absent in older runs. */
  boards: z.array(docIdSchema).max(BOARDS_MAX).optional(),
});
export type CaptureRecord = z.infer<typeof captureRecordSchema>;

/** The boards a step could write on, as the room has them now. */
export interface CaptureBoards {
  /** The board of each group's zone in this step (none when everyone is together). */
  groups: readonly string[];
  /** The room's note wall, for a step without groups. */
  wall: string | null;
  /** The board an earlier step put up, when this step keeps writing on that step's board. */
  earlier: string | null;
  /** Where a stage's own group boards go (stages.ts), one per group's zone; absent otherwise. */
  own?: readonly (BoardPlacement & { zoneId: string })[];
}

/** A free spot for a new plenary board: one with no board standing within a metre of its centre. */
function freePlacement(doc: BoardsDoc): BoardPlacement | null {
  const boards = [...doc.boards.values()];
  return CAPTURE_PLACEMENTS.find((spot) => boards.every((b) => Math.hypot(b.x - spot.x, b.z - spot.z) >= 100)) ?? null;
}

/** Opens a step's capture: the changes to make and what to keep for later. Null when the step captures nothing. */
export function openCapture(
  doc: BoardsDoc,
  capture: Capture | null,
  boards: CaptureBoards,
  now: number,
  newId: () => string,
): { changes: DocChange[]; record: CaptureRecord; boardIds: string[] } | null {
  if (!capture) return null;
  const changes: DocChange[] = [];
  const rounds: string[] = [];
  const round = capture.writing === "private" ? { anonymous: capture.names === "anonymous", startedAt: now } : null;
  const together = boards.wall ? [boards.wall] : [];
  const groupsOrWall = boards.groups.length > 0 ? [...boards.groups] : together;
  let boardId: string | null = null;
  let own: string[] = [];
  let targets: string[];
  const { board } = capture;
  if (board.kind === "new" && board.where === "plenary") {
    const spot = doc.boards.size < BOARDS_MAX ? freePlacement(doc) : null;
    if (spot) {
      const created = newBoardDoc(doc, { id: newId(), title: board.title, preset: "custom", zoneId: "", ...spot }, now);
      changes.push({ kind: "board", id: created.id, value: { ...created, round } });
      if (round) rounds.push(created.id);
      boardId = created.id;
      targets = [created.id];
    } else {
      // No room for another board: the note wall takes the writing rather than the step failing.
      targets = together;
    }
  } else if (board.kind === "new" && boards.own && boards.own.length > 0) {
    targets = [];
    // A copy, so each new board is ordered after the one before it.
    const growing = { ...doc, boards: new Map(doc.boards) };
    for (const spot of boards.own) {
      if (growing.boards.size >= BOARDS_MAX) break;
      const created = {
        ...newBoardDoc(growing, { id: newId(), title: board.title, preset: "custom", ...spot }, now),
        round,
      };
      growing.boards.set(created.id, created);
      changes.push({ kind: "board", id: created.id, value: created });
      if (round) rounds.push(created.id);
      targets.push(created.id);
    }
    own = [...targets];
    if (targets.length === 0) targets = groupsOrWall;
  } else if (board.kind === "board") {
    targets = doc.boards.has(board.boardId) ? [board.boardId] : groupsOrWall;
  } else if (board.kind === "step" && boards.earlier && doc.boards.has(boards.earlier)) {
    targets = [boards.earlier];
  } else {
    // Each group's own board; an earlier step's group boards are the same zones' boards (the tablecloths).
    targets = groupsOrWall;
  }
  for (const id of round ? targets.filter((t) => !own.includes(t)) : []) {
    const target = doc.boards.get(id);
    // A round already running (or a vote) is the facilitator's: the step does not take it over.
    if (!target || target.round || openVoteOf(doc, id)) continue;
    changes.push({ kind: "board", id, value: { ...target, round } });
    rounds.push(id);
  }
  return { changes, record: { boardId, rounds, ...(own.length > 0 ? { boards: own } : {}) }, boardIds: targets };
}

/** The next step begins: the rounds this capture started and that still run are revealed. */
export function revealCapture(doc: BoardsDoc, record: CaptureRecord | null | undefined, now: number): DocChange[] {
  const changes: DocChange[] = [];
  for (const id of record?.rounds ?? []) {
    const board = doc.boards.get(id);
    if (!board?.round) continue;
    const rounds = [...board.rounds, { ...board.round, revealedAt: now }].slice(-200);
    changes.push({ kind: "board", id, value: { ...board, round: null, rounds } });
    for (const note of notesOfBoard(doc, id)) {
      if (note.hidden) changes.push({ kind: "note", id: note.id, value: { ...note, hidden: false, updatedAt: now } });
    }
  }
  return changes;
}

/**
 * Back: the board the step put up comes down if nobody wrote on it, and a round nobody wrote in is
 * called off. Anything written stays, on its board and in its round, for the facilitator to reveal.
 */
export function undoCapture(doc: BoardsDoc, record: CaptureRecord | null | undefined): DocChange[] {
  if (!record) return [];
  const changes: DocChange[] = [];
  for (const id of record.rounds) {
    const board = doc.boards.get(id);
    if (!board?.round || id === record.boardId || record.boards?.includes(id)) continue;
    const since = board.round.startedAt;
    if (notesOfBoard(doc, id).some((note) => note.createdAt >= since)) continue;
    changes.push({ kind: "board", id, value: { ...board, round: null } });
  }
  for (const id of [record.boardId, ...(record.boards ?? [])]) {
    if (id && doc.boards.has(id) && notesOfBoard(doc, id).length === 0)
      changes.push({ kind: "board", id, value: null });
  }
  return changes;
}
