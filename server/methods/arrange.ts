import type { Client } from "@colyseus/core";
import { ZONE_LIMITS } from "../../shared/zones/geometry";
import { planBreakout } from "../../shared/zones/breakout";
import { arrivalSeat } from "../../shared/zones/seats";
import { IDLE_TIMER, startTimer, TIMER_LIMITS } from "../../shared/timers/timer";
import { currentStepEndsAt, type MethodsRun } from "../../shared/methods/run";
import type { RoomApi } from "../commands/registry";
import type { ClientPrivate } from "../commands/dispatch";
import { writeTimer } from "../timers/write";
import { applyPlacements, breakoutContext, serverRandom } from "../zones/context";
import { finishRecall } from "../zones/commands";
import { breakoutRecord, saveZone } from "../zones/records";
import { zonesOfEntries } from "../../shared/methods/choreography";
import { zoneIdsOf } from "./boards";

/** Groups that could not be sent out because the room has too few breakout zones (facilitators are told). */
export interface ZonesShort {
  groups: number;
  zones: number;
}

const shortages = new WeakMap<RoomApi, ZonesShort>();
/** The zones the current step's groups are in, so Extend can move their clocks too. */
const inUse = new WeakMap<RoomApi, string[]>();

export const zonesShortOf = (room: RoomApi): ZonesShort | null => shortages.get(room) ?? null;

const uidOf = (client: Client) => (client.userData as ClientPrivate | undefined)?.uid;

/** Whole seconds left in the current step, within what a zone's countdown can hold. */
function secondsLeft(run: MethodsRun, now: number): number {
  const endsAt = currentStepEndsAt(run) ?? now;
  const seconds = Math.ceil((endsAt - now) / 1000);
  return Math.min(TIMER_LIMITS.maxMs / 1000, Math.max(TIMER_LIMITS.minMs / 1000, seconds));
}

/**
 * Puts the room where the current step wants it, as the facilitator's own send-out and recall do: each
 * group in a breakout zone of its own, seated facing each other, with the step's prompt as the zone's
 * task and the step's time on its clock; everyone back in the plenary for an all-together step. A solo
 * step leaves people where they are. With too few zones the groups stay formed (the Now card names
 * them) and facilitators are told how many zones are missing.
 */
export async function arrangeRoom(room: RoomApi, run: MethodsRun, now: number): Promise<void> {
  shortages.delete(room);
  inUse.delete(room);
  const entry = run.entries.at(-1);
  const step = entry && run.plan?.steps[entry.step];
  if (!entry || !step) return;
  if (step.grouping.kind === "everyone") {
    // Open Space's slots: people walk to the topics they choose (the law of two feet); nobody is recalled.
    if (step.mechanic?.kind !== "marketplace") await finishRecall(room, now);
    return;
  }
  if (step.grouping.kind === "solo") return;

  const sessionOf = new Map<string, string>();
  for (const client of room.clients) {
    const uid = uidOf(client);
    if (uid && room.state.people.get(client.sessionId)?.role === "participant") sessionOf.set(uid, client.sessionId);
  }
  const zoneIds = zoneIdsOf(room);
  // Meeting rooms' tables stay where they are: only the remote people's groups need zones.
  const sent = entry.groups.length - entry.tableGroups;
  if (sent > zoneIds.length) {
    shortages.set(room, { groups: sent, zones: zoneIds.length });
    return;
  }
  // Each group in the zone the method gives it: a four where most of it stood as pairs, a table where
  // its host stays (shared/methods/choreography.ts).
  const zoneOfGroup = zonesOfEntries(run.plan!, run.entries, zoneIds).at(-1)!;
  const groups = entry.groups
    .map((group, i) => ({ zone: zoneOfGroup[i], people: group.flatMap((uid) => sessionOf.get(uid) ?? []) }))
    .filter((g): g is { zone: string; people: string[] } => g.zone !== null && g.people.length > 0);
  const zones = zoneIds.map((id) => room.state.zones.get(id)!);
  const task = step.prompt.slice(0, ZONE_LIMITS.taskMax);
  const seconds = secondsLeft(run, now);
  const plan = planBreakout({ ...breakoutContext(room), now, random: serverRandom }, { groups, task, seconds });
  if ("error" in plan) {
    // A zone too small for its group: counted as missing room, which the facilitator can fix the same way.
    shortages.set(room, { groups: sent, zones: zones.length });
    return;
  }
  room.state.facilitation.recallEndsAt = 0;
  const used = new Set(plan.zones);
  for (const zone of zones) {
    zone.ready = false;
    if (used.has(zone.id)) {
      zone.work.task = task;
      writeTimer(zone.work.timer, startTimer(seconds * 1000, now));
    } else {
      // A zone this step does not use (a pair merged into a four elsewhere) stops counting down.
      writeTimer(zone.work.timer, IDLE_TIMER);
    }
  }
  for (const { id } of plan.placements) room.state.people.get(id)!.following = "";
  applyPlacements(room, plan.placements);
  inUse.set(room, plan.zones);
  await Promise.all(zones.map((zone) => saveZone(room, zone, now)));
  const { id, ...record } = plan.record;
  await room.saveRecord(breakoutRecord.encode(id, record, now));
}

/** After Extend: the zones of the current step's groups count down to the step's new end. */
export async function extendZoneClocks(room: RoomApi, run: MethodsRun, now: number): Promise<void> {
  const zones = (inUse.get(room) ?? []).flatMap((id) => room.state.zones.get(id) ?? []);
  const seconds = secondsLeft(run, now);
  for (const zone of zones) writeTimer(zone.work.timer, startTimer(seconds * 1000, now));
  await Promise.all(zones.map((zone) => saveZone(room, zone, now)));
}

/**
 * Someone placed in a group after the step moved the room (a late joiner) walks into their group's zone,
 * as the send-out would have put them, without moving anyone already there. Nothing happens when the
 * step has no zones (all together, solo, too few zones) or the group sits at a meeting room's table.
 */
export function placeArrivalInZone(room: RoomApi, run: MethodsRun, uid: string, sessionId: string): void {
  const entry = run.entries.at(-1);
  const step = entry && run.plan?.steps[entry.step];
  const person = room.state.people.get(sessionId);
  if (!entry || !step || !person || shortages.has(room)) return;
  if (step.grouping.kind === "everyone" || step.grouping.kind === "solo") return;
  const at = entry.groups.findIndex((group) => group.includes(uid));
  const zoneId = at < 0 ? null : zonesOfEntries(run.plan!, run.entries, zoneIdsOf(room)).at(-1)![at];
  const zone = zoneId ? room.state.zones.get(zoneId) : undefined;
  if (!zone) return;
  const occupied = [...room.state.people.values()]
    .filter((p) => p !== person && p.zone === zone.id)
    .map((p) => ({ x: p.pose.x / 100, z: p.pose.z / 100 }));
  person.following = "";
  applyPlacements(room, [{ id: sessionId, ...arrivalSeat(zone, occupied) }]);
}
