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
