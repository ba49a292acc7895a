/**
 * The hybrid room's rules: a physical meeting room that takes part in the session as a table in the
 * lab, with one seat per person in the room and one room device (the laptop carrying the room's
 * microphone and speaker) at its centre. Pure: no clock, no randomness, no network; the server runs
 * them on its state and the client draws from the same geometry.
 */

export const HYBRID_LIMITS = {
  /** Tables the lab has floor for (see TABLE_SLOTS). */
  maxRooms: 4,
  minSeats: 1,
  /** A large meeting room; more would not fit around one table without overlapping the zones. */
  maxSeats: 16,
  nameMax: 40,
} as const;

/**
 * Where tables stand, in the order they are taken: the free floor between the west and east zones,
 * then either side of the screen's audience (the note wall's floor stays free for the boards). Clear of the plenary circle, the stage and the lab's default zones, so a
 * table never makes its seated people members of a zone by accident.
 */
export const TABLE_SLOTS: readonly { x: number; z: number }[] = [
  { x: -10.5, z: 1.5 },
  { x: 10.5, z: 1.5 },
  { x: -4.6, z: -8.6 },
  { x: 4.6, z: -8.6 },
];

/** Metres between two neighbours' seats along the ring: a chair's width with elbow room. */
const SEAT_PITCH = 0.65;
/** Seats ring the table this far out from its edge (where a person sits). */
const SEAT_OUTSET = 0.45;

/** Radius of the ring of seats, m: wide enough for `seats` chairs, never a tiny table. */
export function seatRingRadius(seats: number): number {
  return Math.max(1.1, (Math.max(1, seats) * SEAT_PITCH) / (2 * Math.PI));
}

/** Radius of the table top, m. */
export function tableRadius(seats: number): number {
  return seatRingRadius(seats) - SEAT_OUTSET;
}

export interface SeatSpot {
  x: number;
  z: number;
  /** Facing the table's centre; 0 looks towards -z (see shared/movement/pose-codec.ts). */
  yaw: number;
}

/** Where seat `index` of a table at (x, z) with `seats` seats is, facing the table. */
export function seatSpot(table: { x: number; z: number }, seats: number, index: number): SeatSpot {
  const angle = (index / Math.max(1, seats)) * Math.PI * 2;
  const r = seatRingRadius(seats);
  const x = table.x + Math.sin(angle) * r;
  const z = table.z + Math.cos(angle) * r;
  return { x, z, yaw: Math.atan2(x - table.x, z - table.z) };
}

/** The first table slot no room uses, or null when every slot is taken. */
export function freeSlot(used: Iterable<number>): number | null {
  const taken = new Set(used);
  for (let slot = 0; slot < TABLE_SLOTS.length && slot < HYBRID_LIMITS.maxRooms; slot++) {
    if (!taken.has(slot)) return slot;
  }
  return null;
}

/** The lowest free seat of a table (people fill a room from seat 0 round), or null when all are taken. */
export function assignSeat(occupied: Iterable<number>, seats: number): number | null {
  const taken = new Set(occupied);
  for (let seat = 0; seat < seats; seat++) if (!taken.has(seat)) return seat;
  return null;
}

export type HybridRefusal = "physical_room_not_found" | "physical_room_full" | "room_device_taken";

/**
 * New seat numbers after the facilitator changes a room's seat count: people keep their seat when it
 * still exists, the others move to the lowest free seats in the order they sat down. Refused when
 * more people sit in the room than the new count holds (nobody is pushed out of a room they are in).
 */
export function reseat(
  seated: ReadonlyMap<string, number>,
  seats: number,
): { ok: true; seated: Map<string, number> } | { ok: false; reason: "physical_room_full" } {
  if (seated.size > seats) return { ok: false, reason: "physical_room_full" };
  const next = new Map<string, number>();
  const moving: string[] = [];
  for (const [id, seat] of seated) {
    if (seat < seats) next.set(id, seat);
    else moving.push(id);
  }
  for (const id of moving) next.set(id, assignSeat(next.values(), seats)!);
  return { ok: true, seated: next };
}

/** What a join needs to know of a physical room. */
export interface RoomForJoin {
  seats: number;
  seatedCount: number;
  /** Session id of the room device, or "" for none. */
  device: string;
}

/**
 * Whether someone may join `room` as a seat or as its room device. Only one room device per room: a
 * second one is refused rather than replacing the first, because any phone choosing the wrong option
 * would otherwise silently cut the whole room's microphone and speaker off the session. (A device
 * that lost its network keeps its place and reconnects to it; a facilitator can remove a stale one.)
 */
export function checkHybridJoin(room: RoomForJoin | undefined, as: "seat" | "device"): HybridRefusal | null {
  if (!room) return "physical_room_not_found";
  if (as === "device") return room.device !== "" ? "room_device_taken" : null;
  return room.seatedCount >= room.seats ? "physical_room_full" : null;
}

/** Where a person takes part from, as the People panel and the exports count it. */
export type Whereabouts = "room" | "remote";

/**
 * How many take part from a physical room and how many remotely, so a facilitator sees at a glance
 * who might be dominating. The room device is equipment, not a person, and observers are not counted.
 */
export function countWhereabouts(
  people: Iterable<{ id: string; role: string }>,
  inRoom: (id: string) => boolean,
  isDevice: (id: string) => boolean,
): { room: number; remote: number } {
  let room = 0;
  let remote = 0;
  for (const person of people) {
    if (person.role === "observer" || person.role === "coach" || isDevice(person.id)) continue;
    if (inRoom(person.id)) room++;
    else remote++;
  }
  return { room, remote };
}
