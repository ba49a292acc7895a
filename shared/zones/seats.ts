import { LAB, isWalkable, type Circle } from "../space/layout";
import { zoneAt, type ZoneShape } from "./membership";

/**
 * Where the server puts people when it moves them (send-out, recall, summon): standing spots at least
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

function facing(from: { x: number; z: number }, target: { x: number; z: number }): number {
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

/**
 * Spots round the plenary circle for a recall: rings from inside the circle outwards, skipping any
 * spot that is not walkable or lies in (or near the edge of) a breakout zone, so a recalled person is
 * in the plenary. Crowds larger than the circle continue on rings just outside it.
 */
export function plenarySeats(count: number, zones: readonly ZoneShape[]): Seat[] {
  if (count <= 0) return [];
  const { plenary } = LAB;
  const clearOfZones = (x: number, z: number) =>
    isWalkable(x, z) && zones.every((zone) => Math.hypot(x - zone.x, z - zone.z) > zone.radius + 0.6);
  const seats = ringSeats(plenary, plenary.radius - 2.8, SEAT_SPACING, 14, count, clearOfZones);
  for (let i = 0; seats.length < count; i++) seats.push(seats[i % Math.max(1, seats.length)] ?? { ...plenary, yaw: 0 });
  return seats;
}

/**
 * Spots in front of a person for "summon to me": arcs 1.6 m and further away, within ±70° of where
 * they look, facing them. Spots in the same zone as the summoner come first, so a summon does not
 * scatter people across a zone's edge; if there are not enough, any walkable spot will do.
 */
export function seatsInFront(leader: Seat, count: number, zones: readonly ZoneShape[], leaderZone: string): Seat[] {
  if (count <= 0) return [];
  const candidates: Seat[] = [];
  for (let distance = 1.6; distance <= 12 && candidates.length < count * 4; distance += SEAT_SPACING) {
    const span = (140 * Math.PI) / 180;
    const slots = Math.max(1, Math.floor((span * distance) / SEAT_SPACING));
    for (let i = 0; i < slots; i++) {
      // Alternate right and left from the middle, so a small group stands straight ahead.
      const k = i === 0 ? 0 : (i % 2 === 1 ? 1 : -1) * Math.ceil(i / 2);
      const angle = leader.yaw + (k * span) / Math.max(1, slots);
      // yaw 0 looks towards -z.
      const x = leader.x - Math.sin(angle) * distance;
      const z = leader.z - Math.cos(angle) * distance;
      if (!isWalkable(x, z)) continue;
      candidates.push({ x, z, yaw: facing({ x, z }, leader) });
    }
  }
  const sameZone = candidates.filter((seat) => zoneAt(zones, seat.x, seat.z) === leaderZone);
  const seats = [...sameZone, ...candidates.filter((seat) => !sameZone.includes(seat))].slice(0, count);
  for (let i = 0; seats.length < count; i++) seats.push(seats[i % Math.max(1, seats.length)] ?? leader);
  return seats;
}
