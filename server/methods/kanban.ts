import { defineRecordType } from "../storage/records";
import type { StoredRecord } from "../storage/store";
import {
  kanbanBoardsFor,
  kanbanSchema,
  openKanban,
  shownKanban,
  type Kanban,
  type TopicSource,
} from "../../shared/methods/kanban";
import type { MethodsRun } from "../../shared/methods/run";
import { notesOfBoard } from "../../shared/boards/basics";
import { holdVote, reopenHeldVote, tally } from "../../shared/boards/votes";
import type { BoardsDoc } from "../../shared/boards/model";
import type { RoomApi } from "../commands/registry";
import { boardsRuntimeOf } from "../boards/module";
import { boardPutUpBy, commitBoards } from "./boards";

/**
 * The room's Lean Coffee boards (shared/methods/kanban.ts holds the rules), one for each Lean Coffee
 * step that has run: kept in memory and each in a record of its own, stored before any move or thumb
 * is acknowledged, so a restart loses none.
 */
export const kanbanRecord = defineRecordType({ kind: "methods.kanban", schema: kanbanSchema });

/** A board's record is named by its step's entry, so two Lean Coffee rounds keep two boards. */
export const kanbanRecordId = (entry: number) => `entry-${entry}`;
/** Where a server from before rounds had boards of their own kept its one board. */
const LEGACY_ID = "kanban";

interface RoomBoards {
  byEntry: Map<number, Kanban>;
  /** Entries whose board was read from the legacy record: it goes when the board is next stored. */
  legacy: Set<number>;
  /** The room's syncs one after another, each on the run as it is by then (see `syncKanbans`). */
  queue: Promise<unknown>;
}

const rooms = new WeakMap<RoomApi, RoomBoards>();

function boardsOf(room: RoomApi): RoomBoards {
  let boards = rooms.get(room);
  if (!boards) {
    boards = { byEntry: new Map(), legacy: new Set(), queue: Promise.resolve() };
    rooms.set(room, boards);
  }
  return boards;
}

/** Every Lean Coffee board of the run, in step order. */
export function kanbansOf(room: RoomApi): Kanban[] {
  return [...boardsOf(room).byEntry.values()].sort((a, b) => a.entry - b.entry);
}

/** The board people see and the facilitator moves: the latest step's. */
export function kanbanOf(room: RoomApi): Kanban | null {
  return shownKanban(kanbansOf(room));
}

/** Takes the stored boards back after a restart (records of other kinds are ignored). */
export function restoreKanbans(room: RoomApi, records: readonly StoredRecord[]): void {
  const boards = boardsOf(room);
  for (const record of records) {
    if (record.kind !== kanbanRecord.kind) continue;
    try {
      const board = kanbanRecord.decode(record);
      boards.byEntry.set(board.entry, board);
      if (record.id === LEGACY_ID) boards.legacy.add(board.entry);
    } catch (error) {
      console.error("lean coffee board unreadable:", error instanceof Error ? error.message : error);
    }
  }
}

/** Stores `next` as the board of `entry` (null drops it); memory changes only once it is durable. */
export async function commitKanban(room: RoomApi, entry: number, next: Kanban | null, now: number): Promise<boolean> {
  const boards = boardsOf(room);
  try {
    if (next) await room.saveRecord(kanbanRecord.encode(kanbanRecordId(entry), next, now));
    else if (boards.byEntry.has(entry) && !boards.legacy.has(entry)) {
      await room.deleteRecord(kanbanRecord.kind, kanbanRecordId(entry));
    }
    if (boards.legacy.has(entry)) await room.deleteRecord(kanbanRecord.kind, LEGACY_ID);
  } catch (error) {
    console.error("lean coffee board not saved:", error instanceof Error ? error.message : error);
    return false;
  }
  boards.legacy.delete(entry);
  if (next) boards.byEntry.set(entry, next);
  else boards.byEntry.delete(entry);
  return true;
}

/**
 * The topics on a board with their dots: from its latest vote (counted when it ended, or as the ballots
 * stand while it is still open); a topic nobody voted for has none. Notes still private are not topics.
 */
export function votedTopics(doc: BoardsDoc, boardId: string): TopicSource[] {
  const vote = [...doc.votes.values()]
    .filter((v) => v.boardId === boardId)
    .sort((a, b) => b.startedAt - a.startedAt)[0];
  const results = vote
    ? (vote.results ??
      tally(
        vote,
        [...doc.ballots.values()].filter((b) => b.voteId === vote.id),
        doc.notes,
      ))
    : [];
  const dots = new Map(results.map((r) => [r.noteId, r.count]));
  return notesOfBoard(doc, boardId)
    .filter((note) => !note.hidden && note.text.trim() !== "")
    .map((note) => ({ id: note.id, text: note.text, votes: dots.get(note.id) ?? 0, createdAt: note.createdAt }));
}

/**
 * Brings the boards in line with the run: Back before a Lean Coffee step drops its board and opens the
 * dot vote that step ended again; a Lean Coffee step just entered ends the open dot vote on its topics
 * (the board its capture keeps writing on) and queues them by that vote's final count. The vote ends
 * and the queue is read in one turn, so no dot can land between the count and the queue. Syncs run one
 * after another, each on `currentRun()` as it is when its turn comes: a Back and a Next pressed in
 * quick succession (or a joiner placed meanwhile) each find the boards the one before left.
 */
export function syncKanbans(room: RoomApi, currentRun: () => MethodsRun, now: number): Promise<void> {
  const boards = boardsOf(room);
  const turn = boards.queue.then(() => syncNow(room, boards, currentRun(), now));
  boards.queue = turn.catch(() => undefined);
  return turn;
}

async function syncNow(room: RoomApi, boards: RoomBoards, run: MethodsRun, now: number): Promise<void> {
  const { drop, open } = kanbanBoardsFor([...boards.byEntry.keys()], run);
  for (const entry of drop.sort((a, b) => b - a)) {
    const held = boards.byEntry.get(entry)?.heldVote;
    if (!(await commitKanban(room, entry, null, now))) console.error("lean coffee board not dropped with the step");
    const doc = boardsRuntimeOf(room)?.doc;
    if (held && doc && !(await commitBoards(room, reopenHeldVote(doc, held, now)))) {
      console.error("lean coffee: the dot vote not reopened");
    }
  }
  if (open === null) return;
  const entry = run.entries[open]!;
  const step = run.plan!.steps[entry.step]!;
  if (step.mechanic?.kind !== "kanban") return;
  const doc = boardsRuntimeOf(room)?.doc;
  const boardId = boardPutUpBy(run, step.capture?.board) ?? entry.capture?.boardId ?? null;
  const hold = doc && boardId ? holdVote(doc, boardId, now) : null;
  // Applied to the document at once (stored after), so the count below is the final one.
  const closing = hold ? commitBoards(room, hold.changes) : Promise.resolve(true);
  const board = openKanban(open, step.mechanic, doc && boardId ? votedTopics(doc, boardId) : [], hold?.held ?? null);
  const [stored, closed] = await Promise.all([commitKanban(room, open, board, now), closing]);
  if (!stored) console.error("lean coffee board not changed with the step");
  if (!closed) console.error("lean coffee: the dot vote not ended with the step");
}

export const kanbanIsCurrent = (board: Kanban, run: MethodsRun): boolean => board.entry === run.entries.length - 1;
