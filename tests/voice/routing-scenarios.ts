import { describe, expect, it } from "vitest";
import { matchMaker } from "@colyseus/core";
import { LAB } from "../../shared/space/layout";
import { sendCommand } from "../../shared/protocol/send";
import { VOICE_SDP_MAX, type ErrorMessage, type MethodsState } from "../../shared/protocol";
import { templatePlan } from "../../shared/methods/templates";
import type { SessionRoom } from "../../server/session/room";
import { voiceRooms } from "../../server/voice/commands";
import { nextMessage, waitForState, type SdkSessionRoom } from "../support/server";
import { farPose, nearPose, seenPose } from "../support/poses";
import { JanusVoiceEngine } from "../../server/voice/janus-engine";
import { VoiceBot } from "../support/voice-bot";
import type { TestServer } from "../support/server";

/**
 * The hearing plan on a real server with real WebRTC connections (werift bots): each bot stamps its
 * packets with its number, so "receives nothing from X" is counted packet by packet. Run against the
 * embedded engine (voice.room.test.ts, on loopback) and against Janus (janus.media.test.ts, inside
 * the media tests' network namespace); `hosts` are the addresses the bots' connections may use.
 */
export function describeVoiceRouting(title: string, server: TestServer, hosts?: readonly string[]): void {
  const NW = LAB.breakoutAreas.find((a) => a.id === "nw")!;
  const NE = LAB.breakoutAreas.find((a) => a.id === "ne")!;

  interface Person {
    room: SdkSessionRoom;
    bot: VoiceBot;
  }

  async function enter(code: string, number: number, options: Record<string, unknown> = {}): Promise<Person> {
    const room = await server.join(code, { name: `Bot ${number}`, ...options });
    const bot = new VoiceBot(room, number, hosts);
    await bot.connect();
    return { room, bot };
  }

  function serverRoom(person: Person): SessionRoom {
    return matchMaker.getLocalRoomById(person.room.roomId) as SessionRoom;
  }

  /** Places someone on the server's authority (as a facilitator's summon does) and waits until others see it. */
  async function place(person: Person, x: number, z: number, observer: SdkSessionRoom): Promise<void> {
    serverRoom(person).placePerson(person.room.sessionId, x, z);
    // Exactly where the person's own page is; within the coarse pose's step for an observer who
    // may see them from afar (interest management).
    const at = (pose: { x: number; z: number } | undefined, step: number) =>
      pose !== undefined &&
      Math.abs(pose.x - Math.round(x * 100)) <= step &&
      Math.abs(pose.z - Math.round(z * 100)) <= step;
    await waitForState(person.room, () => at(nearPose(person.room), 0));
    await waitForState(observer, () => at(seenPose(observer, person.room.sessionId), 5));
  }

  /**
   * Re-plans at once (rather than on the next tick) and waits until the engine has told every bot the
   * speakers of its slots: from then on, a packet from anyone else would be a leak.
   */
  async function settled(people: Person[]): Promise<void> {
    const voice = voiceRooms.get(serverRoom(people[0]!))!;
    voice.replan();
    const plan = voice.currentPlan;
    // With Janus, the gateway's own record must agree too: a listener subscribed to exactly the planned speakers.
    const janus = voice.engine instanceof JanusVoiceEngine ? voice.engine : null;
    const matches = (person: Person) => {
      const planned = JSON.stringify([...(plan.get(person.room.sessionId) ?? [])].sort());
      if (janus && JSON.stringify(janus.subscriptions(person.room.sessionId)) !== planned) return false;
      return JSON.stringify(person.bot.slots.filter(Boolean).sort()) === planned;
    };
    await expect.poll(() => people.every(matches), { timeout: 5000, interval: 20 }).toBe(true);
  }

  /**
   * Packets each person received from each speaker over a window after the plan has settled. The window
   * is counted in packets, not waited out on the clock: it closes once every talking bot has sent
   * `frames` frames (0.7 s of speech) and everyone the plan lets hear a talking bot has received some of
   * them, so a packet that should not arrive would have travelled alongside ones that did.
   */
  async function listen(people: Person[], frames = 35): Promise<(listener: Person, speaker: Person) => number> {
    await settled(people);
    const plan = voiceRooms.get(serverRoom(people[0]!))!.currentPlan;
    const byId = new Map(people.map((p) => [p.room.sessionId, p]));
    for (const p of people) p.bot.resetCounts();
    const talking = (id: string) => byId.get(id)?.bot.talking === true;
    const closed = () =>
      people.every((p) => !p.bot.talking || p.bot.sent >= frames) &&
      [...plan].every(([listenerId, speakers]) => {
        const listener = byId.get(listenerId);
        return !listener || speakers.filter(talking).every((id) => listener.bot.total(byId.get(id)!.bot.number) > 15);
      });
    await expect.poll(closed, { timeout: 10_000, interval: 20 }).toBe(true);
    return (listener, speaker) => listener.bot.total(speaker.bot.number);
  }

  /**
   * The listener receives a steady stream from the speaker: counted since the last `listen`, waiting a
   * little longer on a loaded machine (packets can only arrive late, never wrongly, so waiting is safe).
   */
  async function expectHears(listener: Person, speaker: Person): Promise<void> {
    await expect
      .poll(() => listener.bot.total(speaker.bot.number), { timeout: 5000, interval: 100 })
      .toBeGreaterThan(15);
  }

  describe(title, () => {
    it("follows distances in the plenary, keeps zones private, and follows people between zones", async () => {
      const session = await server.createSession();
      const anna = await enter(session.code, 1);
      const ben = await enter(session.code, 2);
      const cai = await enter(session.code, 3);
      const dora = await enter(session.code, 4);
      const everyone = [anna, ben, cai, dora];
      await waitForState(anna.room, (s) => [...s.voice.people.values()].filter((v) => v.connected).length === 4);

      await place(anna, 0, 0, ben.room);
      await place(ben, 2, 0, anna.room);
      await place(cai, 3, 13, anna.room);
      await place(dora, -6, 0, anna.room);
      anna.bot.talk();
      let heard = await listen(everyone);
      await expectHears(ben, anna);
      await expectHears(dora, anna);
      expect(heard(cai, anna)).toBe(0);

      // Anna and Ben step into the north-west zone; Dora stands in the plenary right at its edge.
      await place(anna, NW.x, NW.z, ben.room);
      await place(ben, NW.x + 2.5, NW.z + 2, anna.room);
      await place(dora, NW.x + NW.radius + 1.2, NW.z, anna.room);
      await waitForState(dora.room, (s) => s.people.get(anna.room.sessionId)?.zone === NW.id);
      ben.bot.talk();
      heard = await listen(everyone);
      await expectHears(ben, anna);
      await expectHears(anna, ben);
      expect(heard(dora, anna)).toBe(0);
      expect(heard(dora, ben)).toBe(0);
      expect(heard(cai, anna) + heard(cai, ben)).toBe(0);
      expect(dora.bot.total()).toBe(0);

      // Dora walks in: now she hears the group, and they hear her.
      dora.bot.talk();
      await place(dora, NW.x - 1, NW.z, anna.room);
      heard = await listen(everyone);
      await expectHears(dora, anna);
      await expectHears(anna, dora);

      // Ben moves to the north-east zone: he leaves the group's hearing at once.
      await place(ben, NE.x, NE.z, anna.room);
      heard = await listen(everyone);
      expect(heard(ben, anna)).toBe(0);
      expect(heard(ben, dora)).toBe(0);
      expect(heard(anna, ben)).toBe(0);
      await expectHears(anna, dora);

      // Leaving closes everything at once.
      await anna.bot.close();
      await anna.room.leave();
      await waitForState(dora.room, (s) => !s.voice.people.has(anna.room.sessionId));
      // The engine runs in its own thread: its slot update may arrive just after the state patch.
      await expect.poll(() => dora.bot.slots, { timeout: 3000 }).not.toContain(anna.room.sessionId);
      for (const p of [ben, cai, dora]) {
        await p.bot.close();
        await p.room.leave();
      }
    });

    it("lets a facilitator broadcast to every zone and mute everyone, and nobody else", async () => {
      const session = await server.createSession();
      const host = await enter(session.code, 10, { facilitatorSecret: session.facilitatorSecret });
      const eero = await enter(session.code, 11);
      const fanni = await enter(session.code, 12);
      const olli = await enter(session.code, 13, { observer: true });
      const everyone = [host, eero, fanni, olli];
      await waitForState(host.room, (s) => [...s.voice.people.values()].filter((v) => v.connected).length === 4);
      await place(host, 0, 2, eero.room);
      await place(eero, NW.x, NW.z, host.room);
      await place(fanni, NE.x, NE.z, host.room);
      await place(olli, 0, 14, host.room);

      host.bot.talk();
      eero.bot.talk();
      let heard = await listen(everyone);
      expect(heard(eero, host)).toBe(0);
      expect(heard(fanni, host)).toBe(0);

      // A participant may not broadcast.
      const refused = nextMessage<ErrorMessage>(eero.room, "error");
      sendCommand(eero.room, "voice.broadcast", { on: true });
      expect(await refused).toMatchObject({ code: "forbidden", command: "voice.broadcast" });

      sendCommand(host.room, "voice.broadcast", { on: true });
      await waitForState(fanni.room, (s) => s.voice.broadcaster === host.room.sessionId);
      heard = await listen(everyone);
      await expectHears(eero, host);
      await expectHears(fanni, host);
      await expectHears(olli, host);
      // The zone itself stays private: the broadcaster does not hear into it.
      expect(heard(host, eero)).toBe(0);
      expect(heard(fanni, eero)).toBe(0);

      sendCommand(host.room, "voice.broadcast", { on: false });
      await waitForState(fanni.room, (s) => s.voice.broadcaster === "");
      heard = await listen(everyone);
      expect(heard(fanni, host)).toBe(0);

      // Mute all: the server stops forwarding even though Eero's microphone keeps sending.
      await place(fanni, NW.x + 1, NW.z + 1, host.room);
      heard = await listen(everyone);
      await expectHears(fanni, eero);
      const told = nextMessage(eero.room, "voice.mutedByFacilitator");
      const refusedAll = nextMessage<ErrorMessage>(fanni.room, "error");
      sendCommand(fanni.room, "voice.muteAll", {});
      expect(await refusedAll).toMatchObject({ code: "forbidden" });
      sendCommand(host.room, "voice.muteAll", {});
      await told;
      await waitForState(host.room, (s) => s.voice.people.get(eero.room.sessionId)?.muted === true);
      expect(host.room.state.voice.people.get(host.room.sessionId)?.muted).toBe(false);
      heard = await listen(everyone);
      expect(heard(fanni, eero)).toBe(0);

      // …and Eero may unmute himself afterwards.
      eero.bot.talk();
      heard = await listen(everyone);
      await expectHears(fanni, eero);

      // An observer listens but is never heard.
      const observerRefused = nextMessage<ErrorMessage>(olli.room, "error");
      sendCommand(olli.room, "voice.status", { muted: false, mic: true });
      expect(await observerRefused).toMatchObject({ code: "forbidden", command: "voice.status" });

      for (const p of everyone) {
        await p.bot.close();
        await p.room.leave();
      }
    });

    it("Troika's advice phase: the consultants receive nothing of the client, who still hears and sees them", async () => {
      const session = await server.createSession();
      const host = await server.join(session.code, { name: "Host", facilitatorSecret: session.facilitatorSecret });
      const trio = [await enter(session.code, 21), await enter(session.code, 22), await enter(session.code, 23)];
      await waitForState(host, (s) => [...s.voice.people.values()].filter((v) => v.connected).length === 3);
      const told = new Map<string, MethodsState>();
      for (const p of trio)
        p.room.onMessage("methods.state", (state: MethodsState) => told.set(p.room.sessionId, state));
      host.onMessage("methods.state", () => {});
      let ids = 0;
      const plan = templatePlan("troika", "en", () => `t${++ids}`);
      sendCommand(host, "methods.plan.save", { plan });
      const step = async (from: number) => {
        sendCommand(host, "methods.step.next", { from });
        await expect.poll(() => trio.every((p) => told.get(p.room.sessionId)?.step === from + 1)).toBe(true);
      };
      // Explain, ask, then advice: the first client goes behind the glass.
      await step(-1);
      await waitForState(host, (s) => trio.every((p) => (s.people.get(p.room.sessionId)?.zone ?? "") !== ""));
      await step(0);
      await step(1);
      const partOf = (p: Person) => told.get(p.room.sessionId)?.troika;
      const client = trio.find((p) => partOf(p)?.role === "client")!;
      const consultants = trio.filter((p) => p !== client);
      expect(partOf(client)).toMatchObject({ role: "client", glass: true, hidden: [] });
      for (const c of consultants)
        expect(partOf(c)).toMatchObject({ role: "consultant", glass: true, hidden: [client.room.sessionId] });

      // Packets: everyone talks; the consultants get not one packet from the client.
      for (const p of trio) p.bot.talk();
      const heard = await listen(trio);
      for (const c of consultants) {
        expect(heard(c, client)).toBe(0);
        await expectHears(client, c);
      }
      await expectHears(consultants[0]!, consultants[1]!);

      // State: the consultants hold no full pose of the client, and its coarse pose stands still while
      // the client moves about; the client still has theirs.
      const clientId = client.room.sessionId;
      for (const c of consultants) await waitForState(c.room, () => nearPose(c.room, clientId) === undefined);
      const farBefore = consultants.map((c) => farPose(c.room, clientId));
      for (const before of farBefore) expect(before).toBeDefined();
      const zone = host.state.people.get(clientId)!.zone;
      const area = LAB.breakoutAreas.find((a) => a.id === zone) ?? NW;
      // A jump (which everyone is normally shown at once), then a short step of a consultant (shown
      // coarsely only at the next refresh): once the other consultant has that step, a refresh has
      // gone out after the client's jump, and with it anything that would have leaked.
      const cm = (m: number) => Math.round(m * 100);
      serverRoom(client).placePerson(clientId, area.x + 1.5, area.z - 1.5);
      await waitForState(client.room, () => nearPose(client.room)?.x === cm(area.x + 1.5));
      const [first, second] = consultants as [Person, Person];
      const stepTo = { x: farPose(host, second.room.sessionId)!.x / 100 + 1, z: area.z };
      serverRoom(second).placePerson(second.room.sessionId, stepTo.x, stepTo.z);
      await waitForState(
        first.room,
        () => Math.abs((farPose(first.room, second.room.sessionId)?.x ?? 0) - cm(stepTo.x)) <= 5,
      );
      for (const c of consultants)
        await waitForState(client.room, () => nearPose(client.room, c.room.sessionId) !== undefined);
      consultants.forEach((c, i) => {
        expect(nearPose(c.room, clientId)).toBeUndefined();
        expect(farPose(c.room, clientId)).toEqual(farBefore[i]);
      });

      // Reflect: the glass comes down, and the consultants hear and see the client again.
      await step(2);
      expect(partOf(client)).toMatchObject({ role: "client", glass: false });
      await listen(trio);
      for (const c of consultants) {
        await expectHears(c, client);
        await waitForState(c.room, () => nearPose(c.room, clientId) !== undefined);
      }
      for (const p of trio) {
        await p.bot.close();
        await p.room.leave();
      }
      await host.leave();
    });

    it("Brainwriting's silent writing: the group receives nothing of each other until the facilitator opens the voice", async () => {
      const session = await server.createSession();
      const host = await server.join(session.code, { name: "Host", facilitatorSecret: session.facilitatorSecret });
      const group = [await enter(session.code, 31), await enter(session.code, 32), await enter(session.code, 33)];
      await waitForState(host, (s) => [...s.voice.people.values()].filter((v) => v.connected).length === 3);
      const told = new Map<string, MethodsState>();
      for (const p of group)
        p.room.onMessage("methods.state", (state: MethodsState) => told.set(p.room.sessionId, state));
      host.onMessage("methods.state", () => {});
      let ids = 0;
      const base = templatePlan("brainwriting", "en", () => `b${++ids}`);
      const plan = {
        ...base,
        steps: base.steps.map((s, i) =>
          i === 0 ? { ...s, grouping: { kind: "groupsOf" as const, size: 3, mix: false } } : s,
        ),
      };
      sendCommand(host, "methods.plan.save", { plan });
      sendCommand(host, "methods.step.next", { from: -1 });
      await expect.poll(() => group.every((p) => told.get(p.room.sessionId)?.sheetPass?.silent === true)).toBe(true);
      await waitForState(host, (s) => group.every((p) => (s.people.get(p.room.sessionId)?.zone ?? "") !== ""));

      // Everyone talks in the group's zone: not one packet reaches anyone.
      for (const p of group) p.bot.talk();
      await settled(group);
      const plan0 = voiceRooms.get(serverRoom(group[0]!))!.currentPlan;
      for (const p of group) expect(plan0.get(p.room.sessionId) ?? []).toEqual([]);
      for (const p of group) p.bot.resetCounts();
      // Both other bots have sent a window's worth of speech (counted, not waited out on the clock).
      await expect.poll(() => group.every((p) => p.bot.sent >= 35), { timeout: 10_000, interval: 20 }).toBe(true);
      for (const listener of group)
        for (const speaker of group) if (listener !== speaker) expect(listener.bot.total(speaker.bot.number)).toBe(0);

      // The facilitator opens the voice: the group hears each other again.
      sendCommand(host, "methods.sheet.voice", { open: true });
      await expect.poll(() => group.every((p) => told.get(p.room.sessionId)?.sheetPass?.voiceOpen === true)).toBe(true);
      await listen(group);
      await expectHears(group[0]!, group[1]!);
      await expectHears(group[1]!, group[2]!);
      await expectHears(group[2]!, group[0]!);
      for (const p of group) {
        await p.bot.close();
        await p.room.leave();
      }
      await host.leave();
    });

    it("refuses a malformed or oversized answer politely", async () => {
      const session = await server.createSession();
      const room = await server.join(session.code);
      const cases: [unknown, string][] = [
        [{ generation: 1, sdp: "hello" }, "invalid_payload"],
        // Longer than any real answer, yet inside the 16 KiB frame limit (a larger frame closes the connection).
        [{ generation: 1, sdp: "v=0" + "x".repeat(VOICE_SDP_MAX) }, "invalid_payload"],
        [{ generation: 0, sdp: "v=0\r\n" }, "invalid_payload"],
      ];
      for (const [payload, code] of cases) {
        const error = nextMessage<ErrorMessage>(room, "error");
        room.send("voice.answer", payload);
        expect(await error).toMatchObject({ code, command: "voice.answer" });
      }
      await room.leave();
    });
  });
}
