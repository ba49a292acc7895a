import { defineCommand } from "../commands/registry";

export const peopleCommands = [
  defineCommand({
    name: "people.remove",
    permission: "facilitator",
    rate: { perSecond: 2, burst: 5 },
    overRate: "reject",
    run(ctx, { id }) {
      if (!ctx.room.state.people.has(id)) return { error: "not_found" };
      // Removing oneself would strand the session without its host by accident; "Leave" is for that.
      if (id === ctx.client.sessionId) return { error: "invalid_payload", detail: "self" };
      ctx.room.removePerson(id, "removed");
    },
  }),
  defineCommand({
    name: "people.setRole",
    permission: "facilitator",
    rate: { perSecond: 2, burst: 5 },
    overRate: "reject",
    run(ctx, { id, role }) {
      const target = ctx.room.state.people.get(id);
      if (!target) return { error: "not_found" };
      if (target.role === "observer") return { error: "invalid_payload", detail: "observer" };
      // A facilitator cannot step themselves down and leave the room with nobody in charge.
      if (id === ctx.client.sessionId) return { error: "invalid_payload", detail: "self" };
      const from = target.role;
      if (from === role) return;
      target.role = role;
      ctx.room.personChangedRole(id, from, role);
    },
  }),
];
