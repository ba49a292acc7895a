import { z } from "zod";
import { defineRecordType } from "../storage/records";
import type { RoomApi } from "../commands/registry";
import type { StoredRecord } from "../storage/store";
import { HYBRID_LIMITS, TABLE_SLOTS } from "../../shared/hybrid/rules";
import type { PhysicalRoomState } from "../../shared/hybrid/state";

/** A physical room as stored: the facilitator's part only (who sits there is presence, not kept). */
export const physicalRoomRecord = defineRecordType({
  kind: "physical-room",
  schema: z.object({
    name: z.string().min(1).max(HYBRID_LIMITS.nameMax),
    seats: z.number().int().min(HYBRID_LIMITS.minSeats).max(HYBRID_LIMITS.maxSeats),
    slot: z
      .number()
      .int()
      .min(0)
      .max(TABLE_SLOTS.length - 1),
    /** Keeps the facilitator's order across restarts. */
    addedAt: z.number().finite(),
  }),
});
export type StoredPhysicalRoom = ReturnType<typeof physicalRoomRecord.decode> & { id: string };

export function savePhysicalRoom(room: RoomApi, physical: PhysicalRoomState, addedAt: number, now: number) {
  return room.saveRecord(
    physicalRoomRecord.encode(
      physical.id,
      { name: physical.name, seats: physical.seats, slot: physical.slot, addedAt },
      now,
    ),
  );
}

/** The stored rooms, oldest first; an unreadable record is skipped, never the whole session. */
export function storedPhysicalRooms(records: readonly StoredRecord[]): StoredPhysicalRoom[] {
  const rooms: StoredPhysicalRoom[] = [];
  for (const record of records) {
    if (record.kind !== physicalRoomRecord.kind) continue;
    try {
      rooms.push({ id: record.id, ...physicalRoomRecord.decode(record) });
    } catch (error) {
      console.error(`physical room ${record.id} unreadable, skipped:`, error instanceof Error ? error.message : error);
    }
  }
  return rooms.sort((a, b) => a.addedAt - b.addedAt);
}

/**
 * That a person took part from a physical room, kept for the exports ("in the room" beside their
 * named notes). One per person and room, by their session uid; the name is the one they joined with.
 */
export const attendanceRecord = defineRecordType({
  kind: "hybrid-attendance",
  schema: z.object({
    uid: z.string().max(64),
    name: z.string().max(80),
    room: z.string().max(HYBRID_LIMITS.nameMax),
    as: z.enum(["seat", "device"]),
  }),
});

export function storedAttendance(records: readonly StoredRecord[]): ReturnType<typeof attendanceRecord.decode>[] {
  const out: ReturnType<typeof attendanceRecord.decode>[] = [];
  for (const record of records) {
    if (record.kind !== attendanceRecord.kind) continue;
    try {
      out.push(attendanceRecord.decode(record));
    } catch (error) {
      console.error(`attendance ${record.id} unreadable, skipped:`, error instanceof Error ? error.message : error);
    }
  }
  return out;
}
