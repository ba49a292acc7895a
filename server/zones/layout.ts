import { IDLE_TIMER } from "../../shared/timers/timer";
import { createZone, removeZone, updateZone, type LayoutZone } from "../../shared/zones/layout";
import { ZoneState, ZoneWorkState } from "../../shared/zones/state";
import { defineCommand, type CommandContext, type RoomApi } from "../commands/registry";
import type { ZoneShape } from "../../shared/zones/membership";
import { writeTimer } from "../timers/write";
import { layoutZones, serverRandom } from "./context";
import { updateAllMemberships } from "./membership";
import { saveZone, saveZoneLayout, zoneRecord } from "./records";
import { syncAllZoneViews } from "./views";

const EDIT_RATE = { perSecond: 10, burst: 20 };

/** Makes a zone state object (public part and its private work) from stored or default values. */
export function buildZone(
  id: string,
  value: Omit<LayoutZone, "id"> & {
    task?: string;
    timer?: Parameters<typeof writeTimer>[1];
  },
): ZoneState {
  const zone = new ZoneState();
  zone.id = id;
  writePublic(zone, value);
  zone.work = new ZoneWorkState();
  zone.work.task = value.task ?? "";
  writeTimer(zone.work.timer, value.timer ?? IDLE_TIMER);
  return zone;
}

function writePublic(zone: ZoneState, value: Omit<LayoutZone, "id">): void {
  zone.name = value.name;
  zone.letter = value.letter;
  zone.x = value.x;
  zone.z = value.z;
  zone.radius = value.radius;
  zone.color = value.color;
  zone.capacity = value.capacity;
  zone.locked = value.locked;
}

function shapeOf(zone: ZoneShape): ZoneShape {
  return { id: zone.id, x: zone.x, z: zone.z, radius: zone.radius };
}

/**
 * Everything that follows a change to the zones' layout: who is where, who sees what, what is
 * stored, and what follows the zone (its board).
 */
async function afterLayoutChange(
  ctx: CommandContext,
  id: string,
  before: ZoneShape | null,
  changed: ZoneState | null,
): Promise<void> {
  updateAllMemberships(ctx.room);
  syncAllZoneViews(ctx.room);
  if (changed) await saveZone(ctx.room, changed, ctx.now);
  await ctx.room.zoneLayoutChanged(id, before, changed && shapeOf(changed));
}

/** The zones to act on: one by id, or all with "*". */
function targets(room: RoomApi, target: string): ZoneState[] | null {
  if (target === "*") return [...room.state.zones.values()];
  const zone = room.state.zones.get(target);
  return zone ? [zone] : null;
}

const layout = (room: RoomApi) => ({ zones: layoutZones(room), random: serverRandom });

/** Adding, changing and removing zones, and their tasks: facilitators only, each a pure rule in shared/zones/layout.ts. */
export const layoutCommands = [
  defineCommand({
    name: "zones.create",
    permission: "facilitator",
    rate: EDIT_RATE,
    overRate: "reject",
    async run(ctx, input) {
      const result = createZone(layout(ctx.room), input);
      if ("error" in result) return result;
      const { id, ...value } = result.zone;
      const zone = buildZone(id, value);
      ctx.room.state.zones.set(id, zone);
      await afterLayoutChange(ctx, id, null, zone);
      await saveZoneLayout(ctx.room, ctx.now);
    },
  }),
  defineCommand({
    name: "zones.update",
    permission: "facilitator",
    rate: EDIT_RATE,
    overRate: "reject",
    async run(ctx, input) {
      const result = updateZone(layout(ctx.room), input);
      if ("error" in result) return result;
      const zone = ctx.room.state.zones.get(input.id)!;
      const before = shapeOf(zone);
      writePublic(zone, result.zone);
      if (result.moved) await afterLayoutChange(ctx, zone.id, before, zone);
      else await saveZone(ctx.room, zone, ctx.now);
    },
  }),
  defineCommand({
    name: "zones.remove",
    permission: "facilitator",
    rate: EDIT_RATE,
    overRate: "reject",
    async run(ctx, input) {
      const result = removeZone(layout(ctx.room), input);
      if ("error" in result) return result;
      const { id } = result.removed;
      ctx.room.state.zones.delete(id);
      await afterLayoutChange(ctx, id, shapeOf(result.removed), null);
      await ctx.room.deleteRecord(zoneRecord.kind, id);
      await saveZoneLayout(ctx.room, ctx.now);
    },
  }),
  defineCommand({
    name: "zones.task",
    permission: "facilitator",
    rate: EDIT_RATE,
    overRate: "reject",
    async run(ctx, { target, text }) {
      const zones = targets(ctx.room, target);
      if (!zones) return { error: "not_found" };
      for (const zone of zones) zone.work.task = text;
      await Promise.all(zones.map((zone) => saveZone(ctx.room, zone, ctx.now)));
    },
  }),
];
