import { defineCommand } from "../commands/registry";

export const handsCommands = [
  defineCommand({
    name: "hands.raise",
    permission: "member",
    rate: { perSecond: 2, burst: 4 },
    overRate: "reject",
    run(ctx, { raised }) {
      if (raised && ctx.person.handRaisedAt === 0) ctx.person.handRaisedAt = ctx.now;
      else if (!raised) ctx.person.handRaisedAt = 0;
    },
  }),
  defineCommand({
    name: "hands.lower",
    permission: "facilitator",
    rate: { perSecond: 5, burst: 10 },
    overRate: "reject",
    run(ctx, { id }) {
      if (id === "*") {
        for (const person of ctx.room.state.people.values()) person.handRaisedAt = 0;
        return;
      }
      const person = ctx.room.state.people.get(id);
      if (!person) return { error: "not_found" };
      person.handRaisedAt = 0;
    },
  }),
];
