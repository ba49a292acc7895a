import type { Client } from "@colyseus/core";
import { defineRecordType } from "../storage/records";
import {
  checkStageWrite,
  emptyMarks,
  marksOfNotes,
  ownableBoards,
  readOnlyBoards,
  stageMarksSchema,
  stageViewFor,
  taggableBoards,
  toggleOwner,
  toggleTag,
  type MarkResult,
  type StageMarks,
  type StageView,
} from "../../shared/methods/stages";
import type { MethodsRun } from "../../shared/methods/run";
import { defineCommand, type CommandContext, type CommandOutcome, type RoomApi } from "../commands/registry";
import type { ClientPrivate } from "../commands/dispatch";
import { boardsRuntimeOf } from "../boards/module";
import { addBoardWriteGuard, boardsWrittenOn } from "../boards/guards";
import { seesNote, visibleNotes } from "../../shared/boards/visibility";
import { runOf, tellEveryone } from "./runtime";

/**
 * Stages unlocked in turn, on the server (the rules are in shared/methods/stages.ts): an earlier
 * stage's boards refuse people's writes, and TRIZ's tags and owners are kept in a record of their own,
 * stored before anyone is told.
 */
export const stageMarksRecord = defineRecordType({ kind: "methods.stages", schema: stageMarksSchema });
export const STAGE_MARKS_ID = "marks";

const marksByRoom = new WeakMap<RoomApi, StageMarks>();

export function stageMarksOf(room: RoomApi): StageMarks {
  return marksByRoom.get(room) ?? emptyMarks();
}

export function restoreStageMarks(room: RoomApi, marks: StageMarks): void {
  marksByRoom.set(room, marks);
}

/** Refuses people's writes on an earlier stage's boards while a later stage runs. */
export function guardStageBoards(room: RoomApi): void {
  addBoardWriteGuard(room, (doc, _actor, changes) =>
    checkStageWrite(readOnlyBoards(runOf(room)), boardsWrittenOn(doc, changes)),
  );
}

/**
 * What one person is told of the stages: only marks of notes they can see, by the boards' own
 * visibility rule (another group's zone board, or a note still private, is not there for them).
 */
export function stagesFor(room: RoomApi, run: MethodsRun, client: Client): StageView | null {
  const runtime = boardsRuntimeOf(room);
  const uid = (client.userData as ClientPrivate | undefined)?.uid ?? "";
  const actor = runtime?.actorOf(client.sessionId);
  const seen = new Set(runtime && actor ? visibleNotes(runtime.doc, actor).map((note) => note.id) : []);
  return stageViewFor(run, marksOfNotes(stageMarksOf(room), seen), uid);
}

async function mark(
  ctx: CommandContext,
  noteId: string,
  change: (marks: StageMarks, noteBoard: string | null) => MarkResult,
): Promise<CommandOutcome> {
  if (ctx.person.role !== "participant" && ctx.person.role !== "facilitator") return { error: "forbidden" };
  const runtime = boardsRuntimeOf(ctx.room);
  const note = runtime?.doc.notes.get(noteId);
  const board = note && runtime?.doc.boards.get(note.boardId);
  const actor = runtime?.actorOf(ctx.client.sessionId);
  // A note someone may not see (another group's board, a private round's) is not there for them.
  const visible = note && board && actor && seesNote(note, board, actor);
  const before = stageMarksOf(ctx.room);
  const result = change(before, visible ? note.boardId : null);
  if ("error" in result) return result;
  // In memory at once, so the next mark is checked against this one; put back should storing fail.
  marksByRoom.set(ctx.room, result.marks);
  try {
    await ctx.room.saveRecord(stageMarksRecord.encode(STAGE_MARKS_ID, result.marks, ctx.now));
  } catch (error) {
    console.error("stage marks not saved:", error instanceof Error ? error.message : error);
    if (marksByRoom.get(ctx.room) === result.marks) marksByRoom.set(ctx.room, before);
    return { error: "storage_failed" };
  }
  tellEveryone(ctx.room);
}

const RATE = { perSecond: 4, burst: 12 };

export const stageCommands = [
  defineCommand({
    name: "boards.tagNote",
    permission: "member",
    rate: RATE,
    overRate: "reject",
    run: (ctx, { noteId }) =>
      mark(ctx, noteId, (marks, board) => toggleTag(marks, noteId, board, taggableBoards(runOf(ctx.room)))),
  }),
  defineCommand({
    name: "boards.ownNote",
    permission: "member",
    rate: RATE,
    overRate: "reject",
    run: (ctx, { noteId }) =>
      mark(ctx, noteId, (marks, board) =>
        toggleOwner(marks, noteId, board, ownableBoards(runOf(ctx.room)), {
          uid: ctx.privateData.uid,
          name: ctx.person.name,
        }),
      ),
  }),
];
