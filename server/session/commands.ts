import { defineCommand } from "../commands/registry";

export const sessionCommands = [
  defineCommand({
    name: "session.rename",
    permission: "facilitator",
    rate: { perSecond: 1, burst: 3 },
    overRate: "reject",
    async run(ctx, { title }) {
      await ctx.room.services.store.renameSession(ctx.room.state.code, title);
      ctx.room.state.title = title;
    },
  }),
  defineCommand({
    name: "session.end",
    permission: "facilitator",
    rate: { perSecond: 1, burst: 1 },
    overRate: "reject",
    async run(ctx) {
      await ctx.room.services.store.endSession(ctx.room.state.code, ctx.now);
      ctx.room.state.ended = true;
      ctx.room.closeAll();
    },
  }),
  defineCommand({
    name: "session.profile",
    permission: "anyone",
    rate: { perSecond: 1, burst: 5 },
    overRate: "reject",
    run(ctx, { name, color }) {
      if (name !== undefined) ctx.person.name = name;
      if (color !== undefined) ctx.person.color = color;
    },
  }),
];
