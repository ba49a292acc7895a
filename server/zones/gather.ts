import { followProblem, leadChange, returnPlan, summonPlan, inPlenaryCircle } from "../../shared/zones/gather";
import { floorSpot } from "../../shared/movement/pose-codec";
import { defineCommand, type RoomApi } from "../commands/registry";
import { applyPlacements, gatherContext } from "./context";

const MOVE_RATE = { perSecond: 1, burst: 5 };

/** Nobody follows anyone any more (the leader stopped, changed or left). */
export function stopFollowing(room: RoomApi): void {
  room.state.facilitation.followLeader = "";
  for (const person of room.state.people.values()) person.following = "";
}

/** Brings `ids` back to the plenary's seats (shared/zones/gather.ts decides where). */
export function bringToPlenary(room: RoomApi, ids: readonly string[]): void {
  applyPlacements(room, returnPlan(gatherContext(room), { ids }));
}

/** True when a person stands inside the plenary circle. */
export function standsInPlenary(room: RoomApi, id: string): boolean {
  const person = room.state.people.get(id);
  return person !== undefined && inPlenaryCircle(floorSpot(person.pose));
}

/** Gathering people: summon them round the facilitator, or ask them to follow. */
export const gatherCommands = [
  defineCommand({
    name: "zones.summon",
    permission: "facilitator",
    rate: MOVE_RATE,
    overRate: "reject",
    run(ctx) {
      applyPlacements(ctx.room, summonPlan(gatherContext(ctx.room), { leader: ctx.client.sessionId }));
    },
  }),
  defineCommand({
    name: "zones.lead",
    permission: "facilitator",
    rate: MOVE_RATE,
    overRate: "reject",
    run(ctx, { active }) {
      const { facilitation } = ctx.room.state;
      const change = leadChange(facilitation.followLeader, ctx.client.sessionId, active);
      if (!change) return;
      if (change.stopEveryone) stopFollowing(ctx.room);
      facilitation.followLeader = change.followLeader;
    },
  }),
  defineCommand({
    name: "zones.follow",
    permission: "member",
    rate: MOVE_RATE,
    overRate: "reject",
    run(ctx, { leader }) {
      const problem = followProblem(ctx.room.state.facilitation.followLeader, ctx.client.sessionId, leader);
      if (problem) return problem;
      ctx.person.following = leader;
    },
  }),
];
