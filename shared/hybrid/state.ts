import { schema, t, type SchemaType } from "@colyseus/schema";

/**
 * A physical meeting room taking part in the session: a table in the lab. Its name, seat count and
 * place are the facilitator's document (stored); who sits where and which laptop is its room device
 * are presence (never stored: after a restart people rejoin and are seated again).
 */
export const PhysicalRoomState = schema(
  {
    id: t.string(),
    name: t.string(),
    seats: t.uint8(),
    /** Which of the lab's table places it stands on (shared/hybrid/rules.ts TABLE_SLOTS). */
    slot: t.uint8(),
    /** The table's centre, metres (from the slot; sent so clients need not know the slot table). */
    x: t.float32(),
    z: t.float32(),
    /** Session id → seat index, for everyone sitting in the room; assigned by the server. */
    seated: t.map("uint8"),
    /** Session id of the room device (the room's microphone and speaker), or "" for none. */
    device: t.string().default(""),
  },
  "PhysicalRoom",
);
export type PhysicalRoomState = SchemaType<typeof PhysicalRoomState>;
