import { z } from "zod";
import { defineRecordType } from "../storage/records";
import type { RoomApi } from "../commands/registry";
import type { ZoneState } from "../../shared/zones/state";
import type { StoredRecord } from "../storage/store";
import { DISPLAY_NAME_MAX } from "../../shared/protocol/common";
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

/**
 * One "send to zones", kept for the session's record (exports list them): when, for how long, the
 * task, and who went where, by the names they had then.
 */
export const breakoutRecord = defineRecordType({
  kind: "breakout",
  schema: z.object({
    at: z.number().finite(),
    seconds: z.number().int().positive().nullable(),
    task: z.string().max(ZONE_LIMITS.taskMax).nullable(),
    groups: z.array(
      z.object({
        zone: z.string(),
        people: z.array(z.string().max(DISPLAY_NAME_MAX)),
        /** The group's own task, when it had one (sends before these were kept have none). */
        task: z.string().max(ZONE_LIMITS.taskMax).optional(),
      }),
    ),
  }),
});

export type StoredZone = ReturnType<typeof zoneRecord.decode> & { id: string };

/**
 * The stored zones in their stored order (zones missing from the order come last), or null when the
 * session has no zone layout yet. One unreadable record is skipped, never the whole session.
 */
export function storedZones(records: readonly StoredRecord[]): StoredZone[] | null {
  const layout = records.find((r) => r.kind === zoneLayoutRecord.kind && r.id === ZONE_LAYOUT_ID);
  if (!layout) return null;
  const stored = new Map<string, StoredRecord>();
  for (const record of records) if (record.kind === zoneRecord.kind) stored.set(record.id, record);
  let order: string[];
  try {
    order = zoneLayoutRecord.decode(layout).order;
  } catch (error) {
    console.error("zone layout unreadable, using stored order:", error instanceof Error ? error.message : error);
    order = [];
  }
  const zones: StoredZone[] = [];
  for (const id of new Set([...order.filter((id) => stored.has(id)), ...stored.keys()])) {
    try {
      zones.push({ id, ...zoneRecord.decode(stored.get(id)!) });
    } catch (error) {
      console.error(`zone ${id} unreadable, skipped:`, error instanceof Error ? error.message : error);
    }
  }
  return zones;
}

/** The stored breakouts, oldest first; an unreadable one is skipped. */
export function storedBreakouts(records: readonly StoredRecord[]): ReturnType<typeof breakoutRecord.decode>[] {
  const breakouts: ReturnType<typeof breakoutRecord.decode>[] = [];
  for (const record of records) {
    if (record.kind !== breakoutRecord.kind) continue;
    try {
      breakouts.push(breakoutRecord.decode(record));
    } catch (error) {
      console.error(`breakout ${record.id} unreadable, skipped:`, error instanceof Error ? error.message : error);
    }
  }
  return breakouts.sort((a, b) => a.at - b.at);
}
