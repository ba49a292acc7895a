import type { RoomApi } from "../commands/registry";
import { defineCommand } from "../commands/registry";
import type { VoiceRoom } from "./voice-room";
import { placeOf } from "../hybrid/seating";

/** The voice room of a session; modules are shared by every room, so their per-room state lives here. */
export const voiceRooms = new WeakMap<RoomApi, VoiceRoom>();

export const voiceCommands = [
  defineCommand({
    name: "voice.connect",
    permission: "anyone",
    rate: { perSecond: 0.5, burst: 3 },
    overRate: "reject",
    async run(ctx) {
      // A phone at a meeting room's table would echo the room back into it: the room is heard
      // through its room device, so a seat has no voice of its own, whatever its page sends.
      const place = placeOf(ctx.room, ctx.client.sessionId);
      if (place && place.seat !== "device") return { error: "forbidden", detail: "seated" };
      const voice = voiceRooms.get(ctx.room);
      if (!voice) ctx.client.send("voice.unavailable", { reason: "disabled" });
      else await voice.connect(ctx.client.sessionId);
    },
  }),
  defineCommand({
    name: "voice.answer",
    // Answers an offer the server made itself, and changes nothing in the room: a coach, who has no
    // place in it, listens too (their connection starts with `coaching.listen`).
    permission: "reader",
    // With Janus every change of whom one hears is a renegotiation, answered with one of these:
    // walking through the plenary changes it a few times a second.
    rate: { perSecond: 4, burst: 12 },
    overRate: "reject",
    async run(ctx, { generation, sdp, revision }) {
      const engine = voiceRooms.get(ctx.room)?.engine;
      if (!engine) return { error: "not_found" };
      try {
        await engine.answer(ctx.client.sessionId, generation, sdp, revision);
      } catch {
        return { error: "invalid_payload", detail: "sdp" };
      }
    },
  }),
  defineCommand({
    name: "voice.micOffer",
    // Answers an offer the server made itself, and changes nothing in the room: a coach, who has no
    // place in it, listens too (their connection starts with `coaching.listen`).
    permission: "reader",
    rate: { perSecond: 0.5, burst: 3 },
    overRate: "reject",
    async run(ctx, { generation, sdp }) {
      const engine = voiceRooms.get(ctx.room)?.engine;
      // Only an engine that asked for a microphone connection of its own takes one.
      if (!engine?.micOffer) return { error: "not_found" };
      try {
        await engine.micOffer(ctx.client.sessionId, generation, sdp);
      } catch {
        return { error: "invalid_payload", detail: "sdp" };
      }
    },
  }),
  defineCommand({
    name: "voice.status",
    permission: "anyone",
    // Push-to-talk sends one on each press and release.
    rate: { perSecond: 10, burst: 20 },
    overRate: "reject",
    run(ctx, { muted, mic }) {
      const voice = voiceRooms.get(ctx.room);
      const state = ctx.room.state.voice.people.get(ctx.client.sessionId);
      if (!voice || !state) return { error: "not_found" };
      // Observers watch and listen; their microphone is never forwarded.
      if (ctx.person.role === "observer" && !muted) return { error: "forbidden" };
      state.muted = muted || !mic;
      state.mic = mic;
      voice.replan();
    },
  }),
  defineCommand({
    name: "voice.broadcast",
    permission: "facilitator",
    rate: { perSecond: 2, burst: 4 },
    overRate: "reject",
    run(ctx, { on }) {
      const voice = voiceRooms.get(ctx.room);
      if (!voice) return { error: "not_found" };
      const current = ctx.room.state.voice.broadcaster;
      if (on) voice.setBroadcaster(ctx.client.sessionId);
      else if (current === ctx.client.sessionId) voice.setBroadcaster("");
    },
  }),
  defineCommand({
    name: "voice.muteAll",
    permission: "facilitator",
    rate: { perSecond: 1, burst: 3 },
    overRate: "reject",
    run(ctx) {
      const voice = voiceRooms.get(ctx.room);
      if (!voice) return { error: "not_found" };
      ctx.room.state.voice.people.forEach((state, id) => {
        if (id === ctx.client.sessionId || state.muted) return;
        state.muted = true;
        ctx.room.clientById(id)?.send("voice.mutedByFacilitator", {});
      });
      voice.replan();
    },
  }),
];
