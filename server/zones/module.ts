import { LAB } from "../../shared/space/layout";
import { ZONE_COLORS } from "../../shared/zones/geometry";
import type { RoomApi } from "../commands/registry";
import type { RoomModule } from "../session/module";
import type { StoredRecord } from "../storage/store";
import { finishRecall } from "./breakout";
import { zonesCommands } from "./commands";
import { stopFollowing } from "./gather";
import { buildZone } from "./layout";
import { refuseEntry, updateMembership } from "./membership";
import { breakoutRecord, saveZone, saveZoneLayout, storedZones, zoneLayoutRecord, zoneRecord } from "./records";
import { syncAllZoneViews, syncZoneViews } from "./views";

/** How often the room checks whether a recall's grace period is over. */
const TICK_MS = 250;

/** A new session starts with the lab's four breakout areas, stored so that they can be edited. */
async function createDefaultZones(room: RoomApi, now: number): Promise<void> {
  LAB.breakoutAreas.forEach((area, i) => {
    room.state.zones.set(
      area.id,
      buildZone(area.id, {
        name: "",
        letter: String.fromCharCode(65 + i),
        x: area.x,
        z: area.z,
        radius: area.radius,
        // The lab's default colours are the palette's first four, in the same order.
        color: ZONE_COLORS[i % ZONE_COLORS.length]!,
        capacity: 0,
        locked: false,
      }),
    );
  });
  for (const zone of room.state.zones.values()) await saveZone(room, zone, now);
  await saveZoneLayout(room, now);
}

async function restoreZones(room: RoomApi, records: readonly StoredRecord[]): Promise<void> {
  const zones = storedZones(records);
  if (!zones) return createDefaultZones(room, room.services.now());
  for (const { id, ...value } of zones) room.state.zones.set(id, buildZone(id, value));
}

/**
 * Breakout zones: editable circles on the floor, membership from the authoritative position, entry
 * refused at the edge of locked and full zones, each zone's work visible only to its members and the
 * facilitators, and the facilitator's moves (send out, recall, summon, follow me).
 */
export const zonesModule: RoomModule = {
  name: "zones",
  commands: zonesCommands,
  recordKinds: [zoneRecord.kind, zoneLayoutRecord.kind, breakoutRecord.kind],
  setup(room) {
    room.clock.setInterval(() => {
      const endsAt = room.state.facilitation.recallEndsAt;
      if (endsAt > 0 && room.services.now() >= endsAt) {
        void finishRecall(room, room.services.now()).catch((error: unknown) => {
          console.error("recall failed:", error instanceof Error ? error.message : error);
        });
      }
    }, TICK_MS);
  },
  restore: restoreZones,
  onJoin(room, client, person) {
    updateMembership(room, client.sessionId, person);
    syncZoneViews(room, client.sessionId, client.view);
  },
  onReconnect: (room, client) => syncZoneViews(room, client.sessionId, client.view),
  onLeave(room, id) {
    if (room.state.facilitation.followLeader === id) stopFollowing(room);
  },
  onPersonMoved: updateMembership,
  onPersonZoneChanged: (room, id) => syncZoneViews(room, id),
  onPersonRoleChanged(room, id) {
    syncZoneViews(room, id);
    if (room.state.facilitation.followLeader === id) stopFollowing(room);
  },
  checkMove: (room, _id, person, x, z) => refuseEntry(room, person, x, z),
};

export { syncAllZoneViews };
