import { defineCommand } from "../commands/registry";
import { timelineReaction } from "../timeline/recorder";

export const reactionsCommands = [
  defineCommand({
    name: "reaction.send",
    permission: "member",
    // A reaction a second is plenty; a burst lets someone tap a few in a row.
    rate: { perSecond: 1, burst: 3 },
    overRate: "reject",
    run(ctx, { kind }) {
      const message = { id: ctx.client.sessionId, kind };
      for (const client of ctx.room.clients) client.send("reaction.shown", message);
      timelineReaction(ctx.room, ctx.client.sessionId, kind, ctx.now);
    },
  }),
];
