import { LAB } from "../../shared/space/layout";
import { ZONE_COLORS } from "../../shared/zones/geometry";
import type { RoomApi } from "../commands/registry";
import type { RoomModule } from "../session/module";
import type { StoredRecord } from "../storage/store";
import { buildZone, finishRecall, stopFollowing, zonesCommands } from "./commands";
import { refuseEntry, updateMembership } from "./membership";
import { ZONE_LAYOUT_ID, saveZone, saveZoneLayout, zoneLayoutRecord, zoneRecord } from "./records";
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
  const now = room.services.now();
  const layout = records.find((r) => r.kind === zoneLayoutRecord.kind && r.id === ZONE_LAYOUT_ID);
  if (!layout) return createDefaultZones(room, now);
  const stored = new Map<string, StoredRecord>();
  for (const record of records) if (record.kind === zoneRecord.kind) stored.set(record.id, record);
  let order: string[];
  try {
    order = zoneLayoutRecord.decode(layout).order;
  } catch (error) {
    console.error("zone layout unreadable, using stored order:", error instanceof Error ? error.message : error);
    order = [];
  }
  const ids = [...new Set([...order.filter((id) => stored.has(id)), ...stored.keys()])];
  for (const id of ids) {
    try {
      room.state.zones.set(id, buildZone(id, zoneRecord.decode(stored.get(id)!)));
    } catch (error) {
      // One unreadable zone must not keep the whole session from opening.
      console.error(`zone ${id} unreadable, skipped:`, error instanceof Error ? error.message : error);
    }
  }
}

/**
 * Breakout zones: editable circles on the floor, membership from the authoritative position, entry
 * refused at the edge of locked and full zones, each zone's work visible only to its members and the
 * facilitators, and the facilitator's moves (send out, recall, summon, follow me).
 */
export const zonesModule: RoomModule = {
  name: "zones",
  commands: zonesCommands,
  recordKinds: [zoneRecord.kind, zoneLayoutRecord.kind],
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
