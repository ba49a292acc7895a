import { receivesWhispers } from "../../shared/coaching/rules";
import { defineCommand, type RoomApi } from "../commands/registry";
import { voiceRooms } from "../voice/commands";
import { roleOf } from "./commands";

/** Tells the facilitators (and coaches) that a coach started or stopped whispering by voice. */
export function tellTalking(room: RoomApi, coach: string, from: string, on: boolean): void {
  for (const client of room.clients) {
    if (receivesWhispers(roleOf(room, client.sessionId))) client.send("coaching.talking", { coach, from, on });
  }
}

/**
 * The coach's voice (issue 11): listening to a chosen zone and push-to-talk to the facilitators.
 * Who hears whom is decided by the hearing plan (shared/voice/coach-routing.ts); these only record
 * the coach's choice and start their connection.
 */
export const coachVoiceCommands = [
  defineCommand({
    name: "coaching.listen",
    permission: "coach",
    // A coach clicking through the zones one after another; each choice is one re-plan.
    rate: { perSecond: 2, burst: 6 },
    overRate: "reject",
    async run(ctx, { zone }) {
      const voice = voiceRooms.get(ctx.room);
      if (!voice?.engine) {
        ctx.client.send("voice.unavailable", { reason: "disabled" });
        return;
      }
      if (zone !== null && zone !== "" && !ctx.room.state.zones.has(zone)) return { error: "not_found" };
      const id = ctx.client.sessionId;
      const known = voice.coaches.get(id);
      if (known) {
        known.listen = zone;
        voice.replan();
        return;
      }
      voice.coaches.set(id, { connected: false, listen: zone, talking: false });
      if (!(await voice.connect(id))) voice.coaches.delete(id);
    },
  }),
  defineCommand({
    name: "coaching.talk",
    permission: "coach",
    // One on each press and release of push-to-talk.
    rate: { perSecond: 10, burst: 20 },
    overRate: "reject",
    run(ctx, { on }) {
      const voice = voiceRooms.get(ctx.room);
      const state = voice?.coaches.get(ctx.client.sessionId);
      // Only a coach whose voice connection was started (`coaching.listen`) has a microphone to forward.
      if (!voice || !state) return { error: "not_found" };
      if (state.talking === on) return;
      state.talking = on;
      voice.replan();
      tellTalking(ctx.room, ctx.client.sessionId, ctx.person.name, on);
    },
  }),
];
