import { randomInt } from "node:crypto";
import { freeSlot, HYBRID_LIMITS, reseat, TABLE_SLOTS } from "../../shared/hybrid/rules";
import { PhysicalRoomState } from "../../shared/hybrid/state";
import { spawnPoint } from "../../shared/space/layout";
import { defineCommand, type RoomApi } from "../commands/registry";
import { timelinePlaces } from "../timeline/recorder";
import { physicalRoomRecord, savePhysicalRoom } from "./records";
import { replaceAtTable, unplace } from "./seating";

const EDIT_RATE = { perSecond: 5, burst: 10 };

/** When each room was added, for the stored order; rooms restored from storage fill this too. */
export const addedAt = new WeakMap<PhysicalRoomState, number>();

function newRoomId(room: RoomApi): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (;;) {
    let id = "r";
    for (let i = 0; i < 6; i++) id += alphabet[randomInt(alphabet.length)];
    if (!room.state.physicalRooms.has(id)) return id;
  }
}

/** A room's state object from its stored or new values; its table stands on its slot. */
export function buildPhysicalRoom(id: string, value: { name: string; seats: number; slot: number }): PhysicalRoomState {
  const physical = new PhysicalRoomState();
  physical.id = id;
  physical.name = value.name;
  physical.seats = value.seats;
  physical.slot = value.slot;
  physical.x = TABLE_SLOTS[value.slot]!.x;
  physical.z = TABLE_SLOTS[value.slot]!.z;
  return physical;
}

export const hybridCommands = [
  defineCommand({
    name: "hybrid.add",
    permission: "facilitator",
    rate: EDIT_RATE,
    overRate: "reject",
    async run(ctx, { name, seats }) {
      const rooms = ctx.room.state.physicalRooms;
      const slot = freeSlot([...rooms.values()].map((r) => r.slot));
      if (rooms.size >= HYBRID_LIMITS.maxRooms || slot === null) return { error: "too_many_physical_rooms" };
      const physical = buildPhysicalRoom(newRoomId(ctx.room), { name, seats, slot });
      // Stored before it is shown: nobody may see a room a crash could still lose.
      await savePhysicalRoom(ctx.room, physical, ctx.now, ctx.now);
      addedAt.set(physical, ctx.now);
      rooms.set(physical.id, physical);
    },
  }),
  defineCommand({
    name: "hybrid.update",
    permission: "facilitator",
    rate: EDIT_RATE,
    overRate: "reject",
    async run(ctx, { id, name, seats }) {
      const physical = ctx.room.state.physicalRooms.get(id);
      if (!physical) return { error: "not_found" };
      let seated: Map<string, number> | undefined;
      if (seats !== undefined && seats !== physical.seats) {
        const plan = reseat(new Map(physical.seated.entries()), seats);
        if (!plan.ok) return { error: plan.reason, detail: "occupied" };
        seated = plan.seated;
      }
      const next = { name: name ?? physical.name, seats: seats ?? physical.seats, slot: physical.slot };
      try {
        await ctx.room.saveRecord(
          physicalRoomRecord.encode(id, { ...next, addedAt: addedAt.get(physical) ?? ctx.now }, ctx.now),
        );
        physical.name = next.name;
        physical.seats = next.seats;
        if (seated) {
          for (const [person, seat] of seated) physical.seated.set(person, seat);
          // The ring of seats widens or narrows with the count: everyone moves onto their new spot.
          replaceAtTable(ctx.room, physical);
        }
      } finally {
        // The debrief's log renamed the room in that write; this puts right whoever it names wrongly
        // now: someone seated while it was stored, or everyone if the write failed.
        timelinePlaces(ctx.room, [...physical.seated.keys(), physical.device], ctx.now);
      }
    },
  }),
  defineCommand({
    name: "hybrid.remove",
    permission: "facilitator",
    rate: EDIT_RATE,
    overRate: "reject",
    async run(ctx, { id }) {
      const physical = ctx.room.state.physicalRooms.get(id);
      if (!physical) return { error: "not_found" };
      let placed: string[] = [];
      try {
        await ctx.room.deleteRecord(physicalRoomRecord.kind, id);
        placed = [...physical.seated.keys(), ...(physical.device ? [physical.device] : [])];
        ctx.room.state.physicalRooms.delete(id);
        // Whoever was in the room takes part remotely from now on, standing in the plenary.
        placed.forEach((person, i) => unplace(ctx.room, physical, person, spawnPoint(i)));
      } finally {
        // The debrief's log made them remote in that write; this puts right whoever it names wrongly
        // now: someone seated while it was stored, or everyone still seated if the write failed.
        timelinePlaces(ctx.room, [...placed, ...physical.seated.keys(), physical.device], ctx.now);
      }
    },
  }),
];
