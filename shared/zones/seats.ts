import { isWalkable, type Circle } from "../space/layout";

/**
 * Where the server puts people when it moves them (send-out; recall and summon are in gather.ts): standing spots at least
 * a body apart, each facing what they came for. Pure, so the tests can check every spot.
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

/**
 * Spots on rings round a circle's centre, innermost ring first, each facing the centre. `accept`
 * filters out spots that would not do (not walkable, in the wrong zone).
 */
function ringSeats(
  centre: { x: number; z: number },
  firstRing: number,
  ringStep: number,
  maxRing: number,
  count: number,
  accept: (x: number, z: number) => boolean,
): Seat[] {
  const seats: Seat[] = [];
  for (let ring = firstRing; ring <= maxRing && seats.length < count; ring += ringStep) {
    const slots = Math.max(1, Math.floor((2 * Math.PI * ring) / SEAT_SPACING));
    // Half a slot of turn per ring keeps consecutive rings from lining up behind each other.
    const turn = (ring / ringStep) * (Math.PI / slots);
    for (let i = 0; i < slots && seats.length < count; i++) {
      const angle = turn + (i / slots) * 2 * Math.PI;
      const x = centre.x + Math.sin(angle) * ring;
      const z = centre.z + Math.cos(angle) * ring;
      if (!accept(x, z)) continue;
      seats.push({ x, z, yaw: facing({ x, z }, centre) });
    }
  }
  return seats;
}

/**
 * Spots inside a zone for the people sent there, on rings well inside its edge (so nobody lands in the
 * hysteresis band) and facing its centre. When the zone is too small for everyone, the last people
 * share the innermost spots rather than being left out.
 */
export function zoneSeats(zone: Circle, count: number): Seat[] {
  if (count <= 0) return [];
  const inner = Math.min(1, zone.radius * 0.4);
  const seats = ringSeats(zone, inner, SEAT_SPACING, zone.radius - 0.5, count, (x, z) => isWalkable(x, z));
  for (let i = 0; seats.length < count; i++) seats.push(seats[i % Math.max(1, seats.length)] ?? { ...zone, yaw: 0 });
  return seats;
}
