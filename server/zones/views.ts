import type { StateView } from "@colyseus/schema";
import type { RoomApi } from "../commands/registry";
import type { PersonState } from "../../shared/people/state";

/**
 * Who receives a zone's private work (its task, countdown and chat): its members and every
 * facilitator, nobody else. Colyseus sends a `.view()` field only to clients whose StateView holds
 * the object, so keeping each client's view in step with this rule is the whole of zone privacy.
 */
export function mayViewZone(person: PersonState, zoneId: string): boolean {
  return person.role === "facilitator" || person.zone === zoneId;
}

/** Adds to and removes from one client's view until it holds exactly the zones the rule allows. */
export function syncZoneViews(
  room: RoomApi,
  id: string,
  view: StateView | undefined = room.clientById(id)?.view,
): void {
  const person = room.state.people.get(id);
  if (!person || !view) return;
  for (const zone of room.state.zones.values()) {
    const allowed = mayViewZone(person, zone.id);
    const holds = view.has(zone);
    if (allowed && !holds) view.add(zone);
    else if (!allowed && holds) view.remove(zone);
  }
}

export function syncAllZoneViews(room: RoomApi): void {
  for (const id of room.state.people.keys()) syncZoneViews(room, id);
}
