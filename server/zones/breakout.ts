import { IDLE_TIMER, startTimer } from "../../shared/timers/timer";
import { planBreakout } from "../../shared/zones/breakout";
import { stillOut } from "../../shared/zones/gather";
import { defineCommand, type RoomApi } from "../commands/registry";
import { writeTimer } from "../timers/write";
import { applyPlacements, breakoutContext, gatherContext, serverRandom } from "./context";
import { bringToPlenary, standsInPlenary } from "./gather";
import { breakoutRecord, saveZone } from "./records";

const MOVE_RATE = { perSecond: 1, burst: 5 };

/**
 * Ends a breakout: every participant still outside the plenary circle is brought back, the zones'
 * countdowns are cleared and their ready flags lowered. Tasks stay, for whoever wants to reread them.
 */
export async function finishRecall(room: RoomApi, now: number): Promise<void> {
  room.state.facilitation.recallEndsAt = 0;
  bringToPlenary(room, stillOut(gatherContext(room)));
  const zones = [...room.state.zones.values()];
  for (const zone of zones) {
    zone.ready = false;
    writeTimer(zone.work.timer, IDLE_TIMER);
  }
  await Promise.all(zones.map((zone) => saveZone(room, zone, now)));
}

/** A breakout: sending groups out to their zones, the groups saying they are done, and recalling them. */
export const breakoutCommands = [
  defineCommand({
    name: "zones.send",
    permission: "facilitator",
    rate: MOVE_RATE,
    overRate: "reject",
    async run(ctx, input) {
      const { room } = ctx;
      const plan = planBreakout({ ...breakoutContext(room), now: ctx.now, random: serverRandom }, input);
      if ("error" in plan) return plan.error;
      room.state.facilitation.recallEndsAt = 0;
      const zones = plan.zones.map((id) => room.state.zones.get(id)!);
      for (const zone of zones) {
        zone.ready = false;
        const task = plan.tasks.get(zone.id);
        if (task !== undefined) zone.work.task = task;
        if (plan.seconds !== undefined) writeTimer(zone.work.timer, startTimer(plan.seconds * 1000, ctx.now));
      }
      // Someone following the facilitator would otherwise walk straight back out of their zone.
      for (const { id } of plan.placements) room.state.people.get(id)!.following = "";
      applyPlacements(room, plan.placements);
      await Promise.all(zones.map((zone) => saveZone(room, zone, ctx.now)));
      const { id, ...record } = plan.record;
      await room.saveRecord(breakoutRecord.encode(id, record, ctx.now));
    },
  }),
  defineCommand({
    name: "zones.recall",
    permission: "facilitator",
    rate: MOVE_RATE,
    overRate: "reject",
    async run(ctx, { graceSeconds }) {
      if (graceSeconds > 0) {
        ctx.room.state.facilitation.recallEndsAt = ctx.now + graceSeconds * 1000;
        return;
      }
      await finishRecall(ctx.room, ctx.now);
    },
  }),
  defineCommand({
    name: "zones.cancelRecall",
    permission: "facilitator",
    rate: MOVE_RATE,
    overRate: "reject",
    run(ctx) {
      if (ctx.room.state.facilitation.recallEndsAt === 0) return { error: "no_recall" };
      ctx.room.state.facilitation.recallEndsAt = 0;
    },
  }),
  defineCommand({
    name: "zones.return",
    permission: "member",
    rate: MOVE_RATE,
    overRate: "reject",
    run(ctx) {
      if (ctx.room.state.facilitation.recallEndsAt === 0) return { error: "no_recall" };
      if (standsInPlenary(ctx.room, ctx.client.sessionId)) return;
      bringToPlenary(ctx.room, [ctx.client.sessionId]);
    },
  }),
  defineCommand({
    name: "zones.ready",
    permission: "member",
    rate: { perSecond: 2, burst: 4 },
    overRate: "reject",
    run(ctx, { ready }) {
      const zone = ctx.room.state.zones.get(ctx.person.zone);
      if (!zone) return { error: "not_in_zone" };
      zone.ready = ready;
    },
  }),
];
