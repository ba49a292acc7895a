import { randomBytes } from "node:crypto";
import { OBSERVATIONS_PER_SESSION, type Observation } from "../../shared/protocol";
import { receivesWhispers, seesObservations } from "../../shared/coaching/rules";
import { defineCommand, type RoomApi } from "../commands/registry";
import { observationRecord } from "./records";

/** Each room's observations, oldest first (restored from storage when a room opens). */
export const observationsByRoom = new WeakMap<RoomApi, Observation[]>();

/** A person's role by session id, whether they have a place in the room or are a coach. */
export function roleOf(room: RoomApi, id: string): string | undefined {
  return room.state.people.get(id)?.role ?? room.coaches.get(id)?.role;
}

function newId(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString("base64url")}`;
}

// Whispers are typed by hand while watching; the limits only stop a runaway client.
const WHISPER_RATE = { perSecond: 1, burst: 5 };
const OBSERVE_RATE = { perSecond: 1, burst: 10 };

export const coachingCommands = [
  defineCommand({
    name: "coaching.sync",
    permission: "reader",
    rate: { perSecond: 2, burst: 5 },
    overRate: "reject",
    run(ctx) {
      if (!seesObservations(ctx.person.role)) return { error: "forbidden" };
      ctx.client.send("coaching.observations", { items: observationsByRoom.get(ctx.room) ?? [] });
    },
  }),
  defineCommand({
    name: "coaching.whisper",
    permission: "coach",
    rate: WHISPER_RATE,
    overRate: "reject",
    run(ctx, { text }) {
      const whisper = { id: newId("w"), at: ctx.now, from: ctx.person.name, text };
      // Sent to chosen clients one by one, never broadcast: a participant's connection carries none of it.
      for (const client of ctx.room.clients) {
        if (receivesWhispers(roleOf(ctx.room, client.sessionId))) client.send("coaching.whisper", whisper);
      }
    },
  }),
  defineCommand({
    name: "coaching.observe",
    permission: "coach",
    rate: OBSERVE_RATE,
    overRate: "reject",
    async run(ctx, { text }) {
      const list = observationsByRoom.get(ctx.room) ?? [];
      if (list.length >= OBSERVATIONS_PER_SESSION) return { error: "note_limit" };
      const observation: Observation = { id: newId("o"), at: ctx.now, author: ctx.person.name, text };
      const { id, ...stored } = observation;
      // Stored before anyone is shown it: what a crash could lose, nobody has seen.
      await ctx.room.saveRecord(observationRecord.encode(id, stored, ctx.now));
      list.push(observation);
      observationsByRoom.set(ctx.room, list);
      for (const client of ctx.room.clients) {
        if (seesObservations(roleOf(ctx.room, client.sessionId))) client.send("coaching.observation", observation);
      }
    },
  }),
];
