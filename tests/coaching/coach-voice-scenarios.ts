import { matchMaker } from "@colyseus/core";
import { describe, expect, it } from "vitest";
import { type ServerMessage } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { LAB } from "../../shared/space/layout";
import { listenersBySpeaker } from "../../shared/voice/routing";
import type { SessionRoom } from "../../server/session/room";
import { voiceRooms } from "../../server/voice/commands";
import { waitForState, type SdkSessionRoom, type TestServer } from "../support/server";
import { VoiceBot } from "../support/voice-bot";
import { coachSecretFor, joinAsCoach } from "../support/coaches";

const NW = LAB.breakoutAreas.find((a) => a.id === "nw")!;

export function serverRoom(room: SdkSessionRoom): SessionRoom {
  return matchMaker.getLocalRoomById(room.roomId) as SessionRoom;
}

/** Collects the messages of one type a room receives from now on. */
export function collect<T>(room: SdkSessionRoom, type: string): T[] {
  const seen: T[] = [];
  room.onMessage(type, (message: T) => seen.push(message));
  return seen;
}

interface Cast {
  code: string;
  host: VoiceBot;
  anna: VoiceBot;
  ben: VoiceBot;
  olli: VoiceBot;
  coach: VoiceBot;
  other: VoiceBot;
  everyone: VoiceBot[];
}

/**
 * A facilitator and Ben in the plenary, Anna in the north-west zone, Olli observing, and two coaches
 * (one listening to the zone, one to the plenary), all with voice connected.
 */
async function cast(server: TestServer, hosts?: readonly string[]): Promise<Cast> {
  const session = await server.createSession();
  const hostRoom = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
  const host = new VoiceBot(hostRoom, 1, hosts);
  const anna = new VoiceBot(await server.join(session.code, { name: "Anna" }), 2, hosts);
  const ben = new VoiceBot(await server.join(session.code, { name: "Ben" }), 3, hosts);
  const olli = new VoiceBot(await server.join(session.code, { name: "Olli", observer: true }), 4, hosts);
  for (const bot of [host, anna, ben, olli]) await bot.connect();
  const secret = await coachSecretFor(server, session.code, session.facilitatorSecret);
  const coach = new VoiceBot(await joinAsCoach(server, session.code, secret, "Coach Kaisa"), 5, hosts);
  const other = new VoiceBot(await joinAsCoach(server, session.code, secret, "Coach Leo"), 6, hosts);
  await coach.connect(15_000, () => sendCommand(coach.room, "coaching.listen", { zone: NW.id }));
  await other.connect(15_000, () => sendCommand(other.room, "coaching.listen", { zone: "" }));
  const room = serverRoom(hostRoom);
  room.placePerson(hostRoom.sessionId, 0, 0);
  room.placePerson(ben.room.sessionId, 2, 0);
  room.placePerson(olli.room.sessionId, -3, 0);
  room.placePerson(anna.room.sessionId, NW.x, NW.z);
  await waitForState(hostRoom, (s) => s.people.get(anna.room.sessionId)?.zone === NW.id);
  return { code: session.code, host, anna, ben, olli, coach, other, everyone: [host, anna, ben, olli, coach, other] };
}

/** Re-plans at once and waits until every bot's slots carry exactly its planned speakers. */
async function settled(c: Cast): Promise<ReadonlyMap<string, readonly string[]>> {
  const voice = voiceRooms.get(serverRoom(c.host.room))!;
  voice.replan();
  const plan = voice.currentPlan;
  const matches = (bot: VoiceBot) =>
    JSON.stringify(bot.slots.filter(Boolean).sort()) ===
    JSON.stringify([...(plan.get(bot.room.sessionId) ?? [])].sort());
  await expect.poll(() => c.everyone.every(matches), { timeout: 5000, interval: 20 }).toBe(true);
  return plan;
}

/**
 * Counts packets over a window closed by packets, not the clock: once every talking bot has sent 35
 * frames and every planned listener of a talking bot has received more than 15 of them.
 */
async function listen(c: Cast): Promise<(listener: VoiceBot, speaker: VoiceBot) => number> {
  const plan = await settled(c);
  for (const bot of c.everyone) bot.resetCounts();
  const byId = new Map(c.everyone.map((b) => [b.room.sessionId, b]));
  const closed = () =>
    c.everyone.every((b) => !b.talking || b.sent >= 35) &&
    [...plan].every(([listener, speakers]) =>
      speakers
        .map((id) => byId.get(id)!)
        .filter((s) => s.talking)
        .every((s) => byId.get(listener)!.total(s.number) > 15),
    );
  await expect.poll(closed, { timeout: 10_000, interval: 20 }).toBe(true);
  return (listener, speaker) => listener.total(speaker.number);
}

/**
 * The coach's voice with real WebRTC connections (werift bots, each stamping its packets with its
 * number): what the coach hears, and who receives their whisper, counted packet by packet at every
 * receiver. Run on the embedded engine (coach-voice.room.test.ts) and through Janus
 * (coach-voice-janus.media.test.ts); `hosts`: the addresses the bots may connect over.
 */
export function describeCoachVoiceRouting(title: string, server: TestServer, hosts?: readonly string[]): void {
  describe(title, () => {
    it("hears the chosen zone and is heard there by nobody; push-to-talk reaches the facilitators only", async () => {
      const c = await cast(server, hosts);
      const hostTalking = collect<ServerMessage<"coaching.talking">>(c.host.room, "coaching.talking");
      const annaTalking = collect<unknown>(c.anna.room, "coaching.talking");
      const benTalking = collect<unknown>(c.ben.room, "coaching.talking");
      const olliTalking = collect<unknown>(c.olli.room, "coaching.talking");
      // The coaches share the thread, as with written whispers: the other coach is told too.
      const otherTalking = collect<unknown>(c.other.room, "coaching.talking");
      collect<unknown>(c.coach.room, "coaching.talking");
      try {
        // Listening: Anna speaks in the zone, Ben in the plenary; the coach sends frames but has not pressed.
        c.anna.talk();
        c.ben.talk();
        c.coach.talk(false);
        let heard = await listen(c);
        expect(heard(c.coach, c.anna)).toBeGreaterThan(15);
        expect(heard(c.coach, c.ben)).toBe(0);
        expect(heard(c.other, c.ben)).toBeGreaterThan(15);
        expect(heard(c.other, c.anna)).toBe(0);
        for (const bot of c.everyone) expect(heard(bot, c.coach), `bot ${bot.number}`).toBe(0);
        expect(
          listenersBySpeaker(voiceRooms.get(serverRoom(c.host.room))!.currentPlan).has(c.coach.room.sessionId),
        ).toBe(false);

        // Push-to-talk held: the facilitator receives the coach; the zone, the plenary, the observer and the other coach do not.
        sendCommand(c.coach.room, "coaching.talk", { on: true });
        await expect.poll(() => hostTalking.length).toBe(1);
        expect(hostTalking[0]).toEqual({ coach: c.coach.room.sessionId, from: "Coach Kaisa", on: true });
        const plan = await settled(c);
        expect(listenersBySpeaker(plan).get(c.coach.room.sessionId)).toEqual([c.host.room.sessionId]);
        heard = await listen(c);
        expect(heard(c.host, c.coach)).toBeGreaterThan(15);
        for (const bot of [c.anna, c.ben, c.olli, c.other]) expect(heard(bot, c.coach), `bot ${bot.number}`).toBe(0);
        // Still listening to the zone while whispering.
        expect(heard(c.coach, c.anna)).toBeGreaterThan(15);

        // Released: nobody receives the coach's frames any more.
        sendCommand(c.coach.room, "coaching.talk", { on: false });
        await expect.poll(() => hostTalking.length).toBe(2);
        heard = await listen(c);
        for (const bot of c.everyone) expect(heard(bot, c.coach), `bot ${bot.number}`).toBe(0);
        expect(annaTalking).toEqual([]);
        expect(benTalking).toEqual([]);
        expect(olliTalking).toEqual([]);
        expect(otherTalking).toHaveLength(2);

        // Switching to the plenary: the coach now hears Ben (near the facilitator), not Anna's zone.
        sendCommand(c.coach.room, "coaching.listen", { zone: "" });
        await expect
          .poll(() => voiceRooms.get(serverRoom(c.host.room))!.currentPlan.get(c.coach.room.sessionId))
          .toContain(c.ben.room.sessionId);
        heard = await listen(c);
        expect(heard(c.coach, c.ben)).toBeGreaterThan(15);
        expect(heard(c.coach, c.anna)).toBe(0);
      } finally {
        for (const bot of c.everyone) bot.stopSending();
        for (const bot of c.everyone) {
          await bot.close();
          await bot.room.leave();
        }
      }
    });
  });
}
