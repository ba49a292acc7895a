import { randomInt } from "node:crypto";
import { floorSpot } from "../../shared/movement/pose-codec";
import type { Random } from "../../shared/random";
import type { BreakoutContext } from "../../shared/zones/breakout";
import type { GatherContext, Placement } from "../../shared/zones/gather";
import type { LayoutZone } from "../../shared/zones/layout";
import type { RoomApi } from "../commands/registry";
import { placeOf } from "../hybrid/seating";
import { zoneShapes } from "./membership";

/**
 * The room's state as the pure zone rules (shared/zones) read it, and the one way their plans are
 * applied. Nothing here decides anything.
 */

/** Unpredictable numbers for ids the rules make (zone ids, record ids). */
export const serverRandom: Random = () => randomInt(2 ** 32) / 2 ** 32;

export function layoutZones(room: RoomApi): LayoutZone[] {
  return [...room.state.zones.values()].map(({ id, name, letter, x, z, radius, color, capacity, locked }) => ({
    id,
    name,
    letter,
    x,
    z,
    radius,
    color,
    capacity,
    locked,
  }));
}

export function gatherContext(room: RoomApi): GatherContext {
  const people = [...room.state.people.entries()].map(([id, p]) => ({
    id,
    role: p.role,
    ...floorSpot(p.pose),
    zone: p.zone,
  }));
  return { people, zones: zoneShapes(room) };
}

export function breakoutContext(room: RoomApi): BreakoutContext {
  return {
    zones: [...room.state.zones.values()].map(({ id, x, z, radius, capacity }) => ({ id, x, z, radius, capacity })),
    people: [...room.state.people.entries()].map(([id, p]) => ({
      id,
      role: p.role,
      name: p.name,
      ...(placeOf(room, id) ? { atTable: true } : {}),
    })),
  };
}

/** Moves people where a plan says, on the server's authority. */
export function applyPlacements(room: RoomApi, placements: readonly Placement[]): void {
  for (const { id, x, z, yaw } of placements) room.placePerson(id, x, z, yaw);
}
