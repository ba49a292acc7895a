import { cmToMetres } from "../../shared/movement/pose-codec";
import type { PersonState } from "../../shared/people/state";
import { zoneAt, type ZoneShape } from "../../shared/zones/membership";
import { entryRefusal, occupancy } from "../../shared/zones/entry";
import type { RoomApi } from "../commands/registry";
import type { MoveRefusal } from "../session/module";

export function zoneShapes(room: RoomApi): ZoneShape[] {
  return [...room.state.zones.values()].map(({ id, x, z, radius }) => ({ id, x, z, radius }));
}

/** Sets a person's zone from where the server says they stand, and tells every module when it changes. */
export function updateMembership(room: RoomApi, id: string, person: PersonState): void {
  const zone = zoneAt(zoneShapes(room), cmToMetres(person.pose.x), cmToMetres(person.pose.z), person.zone);
  if (zone === person.zone) return;
  const from = person.zone;
  person.zone = zone;
  room.personChangedZone(id, from, zone);
}

/** After zones moved, grew, shrank or went away: everyone's membership again. */
export function updateAllMemberships(room: RoomApi): void {
  for (const [id, person] of room.state.people) updateMembership(room, id, person);
}

/** A step into a locked or full zone is refused; the person stays at the edge. */
export function refuseEntry(room: RoomApi, person: PersonState, x: number, z: number): MoveRefusal | undefined {
  const next = zoneAt(zoneShapes(room), x, z, person.zone);
  if (next === person.zone || next === "") return undefined;
  const zone = room.state.zones.get(next);
  if (!zone) return undefined;
  const reason = entryRefusal(zone, person, occupancy(room.state.people.values(), next));
  return reason ? { reason, zone: next } : undefined;
}
