import type { Client } from "@colyseus/core";
import type { JoinOptions } from "../../shared/protocol";
import { assignSeat, checkHybridJoin } from "../../shared/hybrid/rules";
import type { RoomApi } from "../commands/registry";
import type { RoomModule } from "../session/module";
import { addedAt, buildPhysicalRoom, hybridCommands } from "./commands";
import { attendanceRecord, physicalRoomRecord, storedPhysicalRooms } from "./records";
import type { ClientPrivate } from "../commands/dispatch";
import { isOnSpot, placeOf, poseAtJoin, spotOf } from "./seating";

function hybridChoice(client: Client): JoinOptions["hybrid"] {
  return (client.auth as { options?: JoinOptions } | undefined)?.options?.hybrid;
}

/** The join's say on a physical room: it exists, has a free seat, or has no room device yet. */
function checkJoin(room: RoomApi, options: JoinOptions, role: string) {
  if (!options.hybrid) return undefined;
  // Observers and coaches watch from outside; a seat or the room's microphone is not theirs.
  if (role === "observer" || role === "coach") return "invalid_join" as const;
  const physical = room.state.physicalRooms.get(options.hybrid.room);
  return (
    checkHybridJoin(
      physical && { seats: physical.seats, seatedCount: physical.seated.size, device: physical.device },
      options.hybrid.as,
    ) ?? undefined
  );
}

/**
 * The hybrid room: physical meeting rooms as tables in the lab. People in the room sit at the table
 * (the server seats them, and they cannot walk); one room device per room carries the room's voice
 * from the table's centre. Rooms are stored with the session; who sits where is presence.
 */
export const hybridModule: RoomModule = {
  name: "hybrid",
  commands: hybridCommands,
  recordKinds: [physicalRoomRecord.kind, attendanceRecord.kind],
  restore(room, records) {
    for (const stored of storedPhysicalRooms(records)) {
      const physical = buildPhysicalRoom(stored.id, stored);
      addedAt.set(physical, stored.addedAt);
      room.state.physicalRooms.set(stored.id, physical);
    }
  },
  checkJoin,
  onJoin(room, client, person) {
    const choice = hybridChoice(client);
    if (!choice) return;
    const physical = room.state.physicalRooms.get(choice.room);
    // Checked in onAuth; another join may have taken the last seat or the device since. The person
    // is then let in as a remote participant and told why, rather than turned away after waiting.
    const refusal = checkJoin(room, client.auth.options as JoinOptions, person.role);
    if (!physical || refusal) {
      client.send("error", { code: refusal ?? "physical_room_not_found", command: "join" });
      return;
    }
    if (choice.as === "device") physical.device = client.sessionId;
    else physical.seated.set(client.sessionId, assignSeat(physical.seated.values(), physical.seats)!);
    poseAtJoin(person, placeOf(room, client.sessionId)!);
    // Seen at their seat from the start, also from afar (the coarse pose follows moves like this one).
    room.personMoved(client.sessionId);
    // Kept for the exports only (nobody is shown it), so the join does not wait for the write.
    const uid = (client.userData as ClientPrivate).uid;
    const value = { uid, name: person.name, room: physical.name, as: choice.as };
    void room
      .saveRecord(attendanceRecord.encode(`${uid}:${physical.id}`, value, room.services.now()))
      .catch((error: unknown) =>
        console.error("attendance not stored:", error instanceof Error ? error.message : error),
      );
  },
  onLeave(room, id) {
    const place = placeOf(room, id);
    if (!place) return;
    if (place.seat === "device") place.physical.device = "";
    else place.physical.seated.delete(id);
  },
  checkMove(room, id) {
    const place = placeOf(room, id);
    return place ? { reason: "seated", zone: place.physical.id } : undefined;
  },
  onPersonMoved(room, id, person) {
    // A server move (summon, send-out, recall) does not take anyone from their seat: back they go,
    // before the zones and voice hear of the move (this module runs before theirs).
    const place = placeOf(room, id);
    if (!place) return;
    const spot = spotOf(place);
    if (isOnSpot(person, spot)) return;
    poseAtJoin(person, place);
    room.personMoved(id);
    room.clientById(id)?.send("movement.corrected", { x: person.pose.x, z: person.pose.z, reason: "seated" });
  },
};
