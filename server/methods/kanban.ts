import { defineRecordType } from "../storage/records";
import { kanbanSchema, openKanban, type Kanban, type TopicSource } from "../../shared/methods/kanban";
import type { MethodsRun } from "../../shared/methods/run";
import { notesOfBoard } from "../../shared/boards/basics";
import { tally } from "../../shared/boards/votes";
import type { BoardsDoc } from "../../shared/boards/model";
import type { RoomApi } from "../commands/registry";
import { boardsRuntimeOf } from "../boards/module";
import { boardPutUpBy } from "./boards";

/**
 * The room's Lean Coffee board (shared/methods/kanban.ts holds the rules): kept in memory and in its
 * own record, stored before any move or thumb is acknowledged, so a restart loses none.
 */
export const kanbanRecord = defineRecordType({ kind: "methods.kanban", schema: kanbanSchema });
export const KANBAN_ID = "kanban";

const boards = new WeakMap<RoomApi, Kanban>();

export function kanbanOf(room: RoomApi): Kanban | null {
  return boards.get(room) ?? null;
}

export function restoreKanban(room: RoomApi, board: Kanban): void {
  boards.set(room, board);
}

/** Stores `next` as the board (null drops it); memory changes only once it is durable. */
export async function commitKanban(room: RoomApi, next: Kanban | null, now: number): Promise<boolean> {
  try {
    if (next) await room.saveRecord(kanbanRecord.encode(KANBAN_ID, next, now));
    else if (boards.has(room)) await room.deleteRecord(kanbanRecord.kind, KANBAN_ID);
  } catch (error) {
    console.error("lean coffee board not saved:", error instanceof Error ? error.message : error);
    return false;
  }
  if (next) boards.set(room, next);
  else boards.delete(room);
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
 * The board the run now calls for: a fresh one when its last step is a Lean Coffee step just entered
 * (the topics from the board its capture keeps writing on), none when Back went before that step (or a
 * new plan), else the one there is (kept after the step, to be read and exported).
 */
export function kanbanForRun(room: RoomApi, current: Kanban | null, run: MethodsRun): Kanban | null {
  const last = run.entries.length - 1;
  if (current && current.entry > last) return null;
  const entry = run.entries[last];
  const step = entry && run.plan?.steps[entry.step];
  if (!entry || step?.mechanic?.kind !== "kanban" || current?.entry === last) return current;
  const doc = boardsRuntimeOf(room)?.doc;
  const boardId = boardPutUpBy(run, step.capture?.board) ?? entry.capture?.boardId ?? null;
  return openKanban(last, step.mechanic, doc && boardId ? votedTopics(doc, boardId) : []);
}

export const kanbanIsCurrent = (board: Kanban, run: MethodsRun): boolean => board.entry === run.entries.length - 1;
