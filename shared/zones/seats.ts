import { zoneBoardPlacement } from "../boards/geometry";
import { isWalkable, type Circle } from "../space/layout";

/**
 * Where the server puts people when it moves them (send-out; recall and summon are in gather.ts): standing spots at least
 * a body apart, each facing what they came for (a zone's board, a facilitator). Pure, so the tests can check every spot.
 */
export interface Seat {
  x: number;
  z: number;
  /** Rotation about +y; 0 looks towards -z (see shared/movement/pose-codec.ts). */
  yaw: number;
}

/** Distance kept between two people's centres. */
export const SEAT_SPACING = 0.8;

/** The yaw with which someone at `from` looks at `target`. */
export function facing(from: { x: number; z: number }, target: { x: number; z: number }): number {
  return Math.atan2(from.x - target.x, from.z - target.z);
}

/** Nobody is placed closer than this to the board they face, m: room to read it and to step up to it. */
export const BOARD_STANDOFF = 2.2;

/**
 * Spots inside a zone for the people sent there: in arcs in front of the zone's board, the middle of
 * each arc first, everyone facing the board. A group arrives looking at its work and across the arc at
 * each other, not at the zone's sign with the board behind them (or behind the side panel). Spots stay
 * well inside the zone's edge, so nobody lands in the hysteresis band; when the zone is too small for
 * everyone, the last people share the first spots rather than being left out.
 */
export function zoneSeats(zone: Circle, count: number): Seat[] {
  if (count <= 0) return [];
  const placement = zoneBoardPlacement(zone);
  const board = { x: placement.x / 100, z: placement.z / 100 };
  // The arcs open towards the zone's centre; seats nearest that line come first on each arc.
  const ahead = Math.atan2(zone.x - board.x, zone.z - board.z);
  const limit = zone.radius - 0.5;
  const seats: Seat[] = [];
  for (let ring = BOARD_STANDOFF; ring <= 2 * zone.radius && seats.length < count; ring += SEAT_SPACING) {
    const slots = Math.max(1, Math.floor((2 * Math.PI * ring) / SEAT_SPACING));
    const arc: { seat: Seat; off: number }[] = [];
    for (let i = 0; i < slots; i++) {
      const angle = ahead + (i / slots) * 2 * Math.PI;
      const x = board.x + Math.sin(angle) * ring;
      const z = board.z + Math.cos(angle) * ring;
      if (Math.hypot(x - zone.x, z - zone.z) > limit || !isWalkable(x, z)) continue;
      const off = Math.min(i, slots - i);
      arc.push({ seat: { x, z, yaw: facing({ x, z }, board) }, off });
    }
    arc.sort((a, b) => a.off - b.off);
    for (const { seat } of arc) if (seats.length < count) seats.push(seat);
  }
  for (let i = 0; seats.length < count; i++) seats.push(seats[i % Math.max(1, seats.length)] ?? { ...zone, yaw: 0 });
  return seats;
}

/**
 * A spot in a zone for someone who arrives after its group was sent there (a late joiner placed in a
 * running step's group): the first of the zone's seats, in the order a send-out fills them, that is at
 * least a body away from everyone already standing in the zone, so the group stays where it is.
 */
export function arrivalSeat(zone: Circle, occupied: readonly { x: number; z: number }[]): Seat {
  const seats = zoneSeats(zone, occupied.length + 12);
  const free = seats.find((seat) =>
    occupied.every((p) => Math.hypot(p.x - seat.x, p.z - seat.z) >= SEAT_SPACING * 0.9),
  );
  return free ?? seats[occupied.length % seats.length]!;
}
