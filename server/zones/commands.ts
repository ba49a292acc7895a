import { randomInt } from "node:crypto";
import { decodePose } from "../../shared/movement/pose-codec";
import { IDLE_TIMER, startTimer } from "../../shared/timers/timer";
import {
  ZONE_COLORS,
  ZONE_LIMITS,
  findFreeSpot,
  nextZoneLetter,
  roundCm,
  zoneGeometryProblem,
  type PlacedZone,
} from "../../shared/zones/geometry";
import { seatsInFront, zoneSeats } from "../../shared/zones/seats";
import { ZoneState, ZoneWorkState } from "../../shared/zones/state";
import { defineCommand, type CommandContext, type CommandOutcome, type RoomApi } from "../commands/registry";
import type { ZoneShape } from "../session/module";
import { writeTimer } from "../timers/write";
import { updateAllMemberships, zoneShapes } from "./membership";
import { bringToPlenary, inPlenaryCircle, isParticipant } from "./placement";
import { breakoutRecord, saveZone, saveZoneLayout, zoneRecord } from "./records";
import { syncAllZoneViews } from "./views";

const DEFAULT_RADIUS = 3;
const EDIT_RATE = { perSecond: 10, burst: 20 };
const MOVE_RATE = { perSecond: 1, burst: 5 };

function geometryError(zone: PlacedZone, room: RoomApi): CommandOutcome {
  const problem = zoneGeometryProblem(zone, zoneShapes(room));
  if (!problem) return undefined;
  return problem === "outside_floor"
    ? { error: "zone_outside_floor" }
    : { error: "zone_overlaps", detail: problem.replace("overlaps_", "") };
}

/** A fresh zone id: short, url-safe, unguessable enough not to collide within a session. */
function newZoneId(room: RoomApi): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  for (;;) {
    let id = "z";
    for (let i = 0; i < 6; i++) id += alphabet[randomInt(alphabet.length)];
    if (!room.state.zones.has(id)) return id;
  }
}

/** Makes a zone state object (public part and its private work) from stored or default values. */
export function buildZone(
  id: string,
  value: Omit<ReturnType<typeof zoneRecord.decode>, "task" | "timer"> & {
    task?: string;
    timer?: Parameters<typeof writeTimer>[1];
  },
): ZoneState {
  const zone = new ZoneState();
  zone.id = id;
  zone.name = value.name;
  zone.letter = value.letter;
  zone.x = value.x;
  zone.z = value.z;
  zone.radius = value.radius;
  zone.color = value.color;
  zone.capacity = value.capacity;
  zone.locked = value.locked;
  zone.work = new ZoneWorkState();
  zone.work.task = value.task ?? "";
  writeTimer(zone.work.timer, value.timer ?? IDLE_TIMER);
  return zone;
}

function shapeOf(zone: ZoneShape): ZoneShape {
  return { x: zone.x, z: zone.z, radius: zone.radius };
}

/**
 * Everything that follows a change to the zones' layout: who is where, who sees what, what is
 * stored, and what follows the zone (its board).
 */
async function afterLayoutChange(
  ctx: CommandContext,
  id: string,
  before: ZoneShape | null,
  changed: ZoneState | null,
): Promise<void> {
  updateAllMemberships(ctx.room);
  syncAllZoneViews(ctx.room);
  if (changed) await saveZone(ctx.room, changed, ctx.now);
  await ctx.room.zoneLayoutChanged(id, before, changed && shapeOf(changed));
}

/** The zones to act on: one by id, or all with "*". */
function targets(room: RoomApi, target: string): ZoneState[] | null {
  if (target === "*") return [...room.state.zones.values()];
  const zone = room.state.zones.get(target);
  return zone ? [zone] : null;
}

export const zonesCommands = [
  defineCommand({
    name: "zones.create",
    permission: "facilitator",
    rate: EDIT_RATE,
    overRate: "reject",
    async run(ctx, input) {
      const { zones } = ctx.room.state;
      if (zones.size >= ZONE_LIMITS.maxZones) return { error: "too_many_zones" };
      const radius = roundCm(input.radius ?? DEFAULT_RADIUS);
      let spot: { x: number; z: number } | null;
      if (input.x !== undefined && input.z !== undefined) spot = { x: roundCm(input.x), z: roundCm(input.z) };
      else if (input.x !== undefined || input.z !== undefined) return { error: "invalid_payload", detail: "x and z" };
      else spot = findFreeSpot(zoneShapes(ctx.room), radius);
      if (!spot) return { error: "too_many_zones" };
      const id = newZoneId(ctx.room);
      const problem = geometryError({ id, ...spot, radius }, ctx.room);
      if (problem) return problem;
      const usedColors = new Set([...zones.values()].map((zone) => zone.color));
      const zone = buildZone(id, {
        name: input.name ?? "",
        letter: nextZoneLetter([...zones.values()].map((zone) => zone.letter)),
        ...spot,
        radius,
        color:
          input.color ?? ZONE_COLORS.find((c) => !usedColors.has(c)) ?? ZONE_COLORS[zones.size % ZONE_COLORS.length]!,
        capacity: input.capacity ?? 0,
        locked: false,
      });
      zones.set(id, zone);
      await afterLayoutChange(ctx, id, null, zone);
      await saveZoneLayout(ctx.room, ctx.now);
    },
  }),
  defineCommand({
    name: "zones.update",
    permission: "facilitator",
    rate: EDIT_RATE,
    overRate: "reject",
    async run(ctx, { id, ...change }) {
      const zone = ctx.room.state.zones.get(id);
      if (!zone) return { error: "not_found" };
      const shape = {
        id,
        x: change.x !== undefined ? roundCm(change.x) : zone.x,
        z: change.z !== undefined ? roundCm(change.z) : zone.z,
        radius: change.radius !== undefined ? roundCm(change.radius) : zone.radius,
      };
      const before = shapeOf(zone);
      const moved = shape.x !== zone.x || shape.z !== zone.z || shape.radius !== zone.radius;
      if (moved) {
        const problem = geometryError(shape, ctx.room);
        if (problem) return problem;
      }
      if (change.name !== undefined) zone.name = change.name;
      if (change.color !== undefined) zone.color = change.color;
      if (change.capacity !== undefined) zone.capacity = change.capacity;
      if (change.locked !== undefined) zone.locked = change.locked;
      zone.x = shape.x;
      zone.z = shape.z;
      zone.radius = shape.radius;
      if (moved) await afterLayoutChange(ctx, id, before, zone);
      else await saveZone(ctx.room, zone, ctx.now);
    },
  }),
  defineCommand({
    name: "zones.remove",
    permission: "facilitator",
    rate: EDIT_RATE,
    overRate: "reject",
    async run(ctx, { id }) {
      const zone = ctx.room.state.zones.get(id);
      if (!zone) return { error: "not_found" };
      const before = shapeOf(zone);
      ctx.room.state.zones.delete(id);
      await afterLayoutChange(ctx, id, before, null);
      await ctx.room.deleteRecord(zoneRecord.kind, id);
      await saveZoneLayout(ctx.room, ctx.now);
    },
  }),
  defineCommand({
    name: "zones.task",
    permission: "facilitator",
    rate: EDIT_RATE,
    overRate: "reject",
    async run(ctx, { target, text }) {
      const zones = targets(ctx.room, target);
      if (!zones) return { error: "not_found" };
      for (const zone of zones) zone.work.task = text;
      await Promise.all(zones.map((zone) => saveZone(ctx.room, zone, ctx.now)));
    },
  }),
  defineCommand({
    name: "zones.send",
    permission: "facilitator",
    rate: MOVE_RATE,
    overRate: "reject",
    async run(ctx, { groups, task, seconds }) {
      const { zones, people } = ctx.room.state;
      const seenZones = new Set<string>();
      const seenPeople = new Set<string>();
      for (const group of groups) {
        const zone = zones.get(group.zone);
        if (!zone) return { error: "not_found", detail: group.zone };
        if (seenZones.has(group.zone)) return { error: "invalid_payload", detail: "zone twice" };
        seenZones.add(group.zone);
        for (const id of group.people) {
          const person = people.get(id);
          if (!person) return { error: "not_found", detail: "person" };
          if (person.role === "observer") return { error: "invalid_payload", detail: "observer" };
          if (seenPeople.has(id)) return { error: "invalid_payload", detail: "person twice" };
          seenPeople.add(id);
        }
        // The facilitator's send overrides a lock (it is their decision), but never a capacity.
        if (zone.capacity > 0 && group.people.length > zone.capacity) return { error: "zone_full", detail: zone.id };
      }
      ctx.room.state.facilitation.recallEndsAt = 0;
      for (const group of groups) {
        const zone = zones.get(group.zone)!;
        zone.ready = false;
        if (task !== undefined) zone.work.task = task;
        if (seconds !== undefined) writeTimer(zone.work.timer, startTimer(seconds * 1000, ctx.now));
        const seats = zoneSeats(zone, group.people.length);
        group.people.forEach((id, i) => {
          const seat = seats[i]!;
          // Someone following the facilitator would otherwise walk straight back out of their zone.
          people.get(id)!.following = "";
          ctx.room.placePerson(id, seat.x, seat.z, seat.yaw);
        });
      }
      await Promise.all(groups.map((group) => saveZone(ctx.room, zones.get(group.zone)!, ctx.now)));
      const names = (ids: readonly string[]) => ids.map((id) => people.get(id)?.name ?? "");
      await ctx.room.saveRecord(
        breakoutRecord.encode(
          `${ctx.now.toString(36)}-${randomInt(1 << 30).toString(36)}`,
          {
            at: ctx.now,
            seconds: seconds ?? null,
            task: task ?? null,
            groups: groups.map((group) => ({ zone: group.zone, people: names(group.people) })),
          },
          ctx.now,
        ),
      );
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
      if (inPlenaryCircle(ctx.room, ctx.client.sessionId)) return;
      bringToPlenary(ctx.room, [ctx.client.sessionId]);
    },
  }),
  defineCommand({
    name: "zones.summon",
    permission: "facilitator",
    rate: MOVE_RATE,
    overRate: "reject",
    run(ctx) {
      const { pose } = ctx.person;
      const leader = decodePose([pose.x, pose.y, pose.z, pose.yaw, pose.pitch]);
      const ids = [...ctx.room.state.people.keys()].filter(
        (id) => id !== ctx.client.sessionId && isParticipant(ctx.room, id),
      );
      const seats = seatsInFront(leader, ids.length, zoneShapes(ctx.room), ctx.person.zone);
      ids.forEach((id, i) => {
        const seat = seats[i]!;
        ctx.room.placePerson(id, seat.x, seat.z, seat.yaw);
      });
    },
  }),
  defineCommand({
    name: "zones.lead",
    permission: "facilitator",
    rate: MOVE_RATE,
    overRate: "reject",
    run(ctx, { active }) {
      const { facilitation } = ctx.room.state;
      if (active) {
        if (facilitation.followLeader !== ctx.client.sessionId) stopFollowing(ctx.room);
        facilitation.followLeader = ctx.client.sessionId;
      } else if (facilitation.followLeader === ctx.client.sessionId) {
        stopFollowing(ctx.room);
      }
    },
  }),
  defineCommand({
    name: "zones.follow",
    permission: "member",
    rate: MOVE_RATE,
    overRate: "reject",
    run(ctx, { leader }) {
      if (leader !== "" && leader !== ctx.room.state.facilitation.followLeader) return { error: "not_found" };
      if (leader === ctx.client.sessionId) return { error: "invalid_payload", detail: "self" };
      ctx.person.following = leader;
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

/** Nobody follows anyone any more (the leader stopped, changed or left). */
export function stopFollowing(room: RoomApi): void {
  room.state.facilitation.followLeader = "";
  for (const person of room.state.people.values()) person.following = "";
}

/**
 * Ends a breakout: every participant still outside the plenary circle is brought back, the zones'
 * countdowns are cleared and their ready flags lowered. Tasks stay, for whoever wants to reread them.
 */
export async function finishRecall(room: RoomApi, now: number): Promise<void> {
  room.state.facilitation.recallEndsAt = 0;
  const ids = [...room.state.people.keys()].filter((id) => isParticipant(room, id) && !inPlenaryCircle(room, id));
  bringToPlenary(room, ids);
  const zones = [...room.state.zones.values()];
  for (const zone of zones) {
    zone.ready = false;
    writeTimer(zone.work.timer, IDLE_TIMER);
  }
  await Promise.all(zones.map((zone) => saveZone(room, zone, now)));
}
