import { cmToMetres } from "../../shared/movement/pose-codec";
import type { PersonState } from "../../shared/people/state";
import { LAB } from "../../shared/space/layout";
import { zoneAt, type ZoneShape } from "../../shared/zones/membership";
import type { RoomApi } from "../commands/registry";
import type { RoomModule } from "../session/module";

/** The lab's four breakout areas, until zones become editable. */
const DEFAULT_ZONES: readonly ZoneShape[] = LAB.breakoutAreas;

function updateMembership(room: RoomApi, id: string, person: PersonState): void {
  const zone = zoneAt(DEFAULT_ZONES, cmToMetres(person.pose.x), cmToMetres(person.pose.z), person.zone);
  if (zone === person.zone) return;
  const from = person.zone;
  person.zone = zone;
  room.personChangedZone(id, from, zone);
}

/** Keeps each person's zone in step with where the server says they stand. */
export const zonesModule: RoomModule = {
  name: "zones",
  onJoin: (room, client, person) => updateMembership(room, client.sessionId, person),
  onPersonMoved: updateMembership,
};
