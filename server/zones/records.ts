import { z } from "zod";
import { defineRecordType } from "../storage/records";
import type { RoomApi } from "../commands/registry";
import type { ZoneState } from "../../shared/zones/state";
import { ZONE_COLORS, ZONE_LIMITS } from "../../shared/zones/geometry";
import { timerSchema } from "../timers/records";

/** One zone as stored: its layout, its task and its countdown (its chat is not kept). */
export const zoneRecord = defineRecordType({
  kind: "zone",
  schema: z.object({
    name: z.string().max(ZONE_LIMITS.nameMax),
    letter: z.string().max(4),
    x: z.number().finite(),
    z: z.number().finite(),
    radius: z.number().finite().min(ZONE_LIMITS.minRadius).max(ZONE_LIMITS.maxRadius),
    color: z.enum(ZONE_COLORS),
    capacity: z.number().int().min(0).max(ZONE_LIMITS.maxCapacity),
    locked: z.boolean(),
    task: z.string().max(ZONE_LIMITS.taskMax),
    timer: timerSchema,
  }),
});

/** The order of the zones (the map's order is what every panel lists), and that the layout exists at all. */
export const zoneLayoutRecord = defineRecordType({
  kind: "zone-layout",
  schema: z.object({ order: z.array(z.string()) }),
});

export const ZONE_LAYOUT_ID = "layout";

export function zoneToRecord(zone: ZoneState) {
  const timer = zone.work.timer;
  return {
    name: zone.name,
    letter: zone.letter,
    x: zone.x,
    z: zone.z,
    radius: zone.radius,
    color: zone.color as (typeof ZONE_COLORS)[number],
    capacity: zone.capacity,
    locked: zone.locked,
    task: zone.work.task,
    timer: {
      status: timer.status as "idle" | "running" | "paused" | "done",
      durationMs: timer.durationMs,
      remainingMs: timer.remainingMs,
      stampedAt: timer.stampedAt,
    },
  };
}

export function saveZone(room: RoomApi, zone: ZoneState, now: number): Promise<void> {
  return room.saveRecord(zoneRecord.encode(zone.id, zoneToRecord(zone), now));
}

export function saveZoneLayout(room: RoomApi, now: number): Promise<void> {
  return room.saveRecord(zoneLayoutRecord.encode(ZONE_LAYOUT_ID, { order: [...room.state.zones.keys()] }, now));
}
