import type { Client } from "@colyseus/core";
import type { RoomModule } from "../session/module";
import type { RoomApi } from "../commands/registry";
import { seesObservations } from "../../shared/coaching/rules";
import { coachingCommands, observationsByRoom } from "./commands";
import { observationRecord } from "./records";
import { coachVoiceCommands, tellTalking } from "./voice-commands";
import { voiceRooms } from "../voice/commands";

function sendObservations(room: RoomApi, client: Client | undefined): void {
  client?.send("coaching.observations", { items: observationsByRoom.get(room) ?? [] });
}

/**
 * A coach sees what facilitators see: every zone's private work. The zones module keeps people's
 * views in step with their zone; a coach has no zone, so their view simply holds every zone.
 */
function showEveryZone(room: RoomApi, client: Client | undefined): void {
  const view = client?.view;
  if (!view) return;
  for (const zone of room.state.zones.values()) if (!view.has(zone)) view.add(zone);
}

/**
 * Coaching (issue 11): the coach's whispers to the facilitators and their observations, and what a
 * coach is shown. The coach's join and their count live in the room (server/session/room.ts), their
 * limits in the one role rule (shared/session/roles.ts), their link in ./routes.ts.
 */
export const coachingModule: RoomModule = {
  name: "coaching",
  commands: [...coachingCommands, ...coachVoiceCommands],
  recordKinds: [observationRecord.kind],
  restore(room, records) {
    const list = records
      .map((record) => ({ id: record.id, ...observationRecord.decode(record) }))
      .sort((a, b) => a.at - b.at);
    observationsByRoom.set(room, list);
  },
  onCoachJoin: (room, client) => showEveryZone(room, client),
  // A coach who leaves mid-whisper stops whispering, and their voice connection closes.
  onCoachLeave(room, id) {
    const voice = voiceRooms.get(room);
    if (voice?.coaches.get(id)?.talking) tellTalking(room, id, "", false);
    voice?.removeCoach(id);
  },
  // The facilitator withdrew the coach link (./routes.ts): coaches watching now leave too, not only
  // those who would open the link later.
  onNotice(room, notice) {
    if (notice.kind !== "coaching.linkRevoked") return;
    for (const id of [...room.coaches.keys()]) room.dismissCoach(id);
  },
  // A client asks for the list once it listens (`coaching.sync`); a new co-facilitator is told at once.
  onPersonRoleChanged(room, id, from, to) {
    if (!seesObservations(from) && seesObservations(to)) sendObservations(room, room.clientById(id));
  },
  async onZoneLayoutChanged(room, _id, before) {
    if (before !== null) return;
    for (const id of room.coaches.keys()) showEveryZone(room, room.clientById(id));
  },
};
