import {
  castThumb,
  countThumbs,
  finishTopic,
  startNext,
  type Kanban,
  type KanbanResult,
} from "../../shared/methods/kanban";
import { defineCommand, type CommandContext, type CommandOutcome } from "../commands/registry";
import { commitKanban, kanbanIsCurrent, kanbanOf } from "./kanban";
import { runOf, tellEveryone } from "./runtime";

/**
 * Lean Coffee's messages: the facilitator starts the next topic, ends the one under discussion or
 * counts its thumbs; anyone taking part shows a thumb. Each change is stored before it is
 * acknowledged or told.
 */

async function apply(ctx: CommandContext, change: (board: Kanban) => KanbanResult): Promise<CommandOutcome> {
  const board = kanbanOf(ctx.room);
  // After the step the board is only read: moving or voting on it would rewrite what was decided.
  if (!board || !kanbanIsCurrent(board, runOf(ctx.room))) return { error: "not_found", detail: "methods.kanban.none" };
  const result = change(board);
  if (!result.ok) return { error: "invalid_payload", detail: result.key };
  if (!(await commitKanban(ctx.room, board.entry, result.board, ctx.now))) return { error: "storage_failed" };
  tellEveryone(ctx.room);
}

export const kanbanCommands = [
  defineCommand({
    name: "methods.kanban.move",
    permission: "facilitator",
    // Pressed by hand, once a topic; the burst lets a facilitator skip through a few topics.
    rate: { perSecond: 2, burst: 10 },
    overRate: "reject",
    run(ctx, { action, topic }) {
      return apply(ctx, (board) => {
        if (action === "next") return startNext(board, topic, ctx.now);
        return action === "done" ? finishTopic(board, topic, ctx.now) : countThumbs(board, topic, ctx.now);
      });
    },
  }),
  defineCommand({
    name: "methods.kanban.thumb",
    permission: "member",
    // One thumb a round; the burst leaves room for changing one's mind.
    rate: { perSecond: 2, burst: 6 },
    overRate: "reject",
    run(ctx, { topic, round, thumb }) {
      if (ctx.person.role !== "participant" && ctx.person.role !== "facilitator") {
        return Promise.resolve({ error: "forbidden", detail: "methods.kanban.participantsOnly" });
      }
      return apply(ctx, (board) => castThumb(board, ctx.privateData.uid, topic, round, thumb));
    },
  }),
];
