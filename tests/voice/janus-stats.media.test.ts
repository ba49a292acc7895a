import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { matchMaker } from "@colyseus/core";
import { LAB } from "../../shared/space/layout";
import type { SessionRoom } from "../../server/session/room";
import { voiceRooms } from "../../server/voice/commands";
import { DEFAULT_VOICE_CONFIG } from "../../server/voice/config";
import { JanusVoiceEngine } from "../../server/voice/janus-engine";
import { waitForState, type SdkSessionRoom } from "../support/server";
import { VoiceBot } from "../support/voice-bot";
import { janusAvailable, JANUS_LINK_ADDRESS, startJanus, type RunningJanus } from "../support/janus";
import { useServerOnOwnJanus } from "./janus-server";
import { inNamespace } from "./media-people";

const NW = LAB.breakoutAreas.find((a) => a.id === "nw")!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Janus engine's packet counts (`stats()`, read by `npm run bench:voice`), from a Janus gateway of
 * the test's own through its Admin API, checked against what the bots sent and received: what Janus
 * received is what the speaker sent, and what it forwarded is what the speaker sent once per
 * listener the plan lets hear them, nobody outside the zone adding to it.
 */
describe.skipIf(!inNamespace || !janusAvailable)("packet counts through Janus", () => {
  const server = useServerOnOwnJanus();
  const hosts = ["127.0.0.1", JANUS_LINK_ADDRESS];

  it("counts what speakers send and what reaches each listener who may hear them, and never goes back", async () => {
    const session = await server.createSession();
    const people: { room: SdkSessionRoom; bot: VoiceBot }[] = [];
    for (const [i, name] of ["Anna", "Ben", "Cai", "Dora"].entries()) {
      const room = await server.join(session.code, { name });
      const bot = new VoiceBot(room, i + 1, hosts);
      await bot.connect();
      people.push({ room, bot });
    }
    const [anna, ben, cai, dora] = people as [
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
    ];
    const room = matchMaker.getLocalRoomById(anna.room.roomId) as SessionRoom;
    const engine = voiceRooms.get(room)!.engine as JanusVoiceEngine;
    const id = (p: typeof anna) => p.room.sessionId;
    await waitForState(anna.room, (s) => [...s.voice.people.values()].filter((v) => v.connected).length === 4);

    // Anna and Dora in the north-west zone; Ben and Cai together in the plenary, outside it.
    room.placePerson(id(anna), NW.x, NW.z);
    room.placePerson(id(dora), NW.x + 1, NW.z + 1);
    room.placePerson(id(ben), 0, 0);
    room.placePerson(id(cai), 2, 0);
    // Anna's first words unmute her: once Dora hears her, her listening connection is up.
    anna.bot.talk();
    await expect.poll(() => dora.bot.total(1), { timeout: 15_000 }).toBeGreaterThan(20);
    expect(engine.subscriptions(id(ben))).not.toContain(id(anna));
    expect(engine.subscriptions(id(cai))).not.toContain(id(anna));

    /**
     * Anna speaks for a second from silence into silence (stopping sending, not muting, so the plan
     * stays as it is): the counts' growth over it, with what the bots sent and received in it.
     */
    async function burst() {
      anna.bot.stopSending();
      await sleep(500);
      const before = await engine.stats();
      for (const p of people) p.bot.resetCounts();
      anna.bot.talk();
      await sleep(1000);
      anna.bot.stopSending();
      await sleep(500);
      const after = await engine.stats();
      expect(after.peers).toBe(4);
      return {
        after,
        received: after.received - before.received,
        forwarded: after.forwarded - before.forwarded,
        sent: anna.bot.sent,
        heard: people.map((p) => p.bot.total()),
      };
    }

    // Only Dora may hear Anna: Janus forwards each of her packets once, none to Ben or Cai.
    const zone = await burst();
    expect(zone.sent).toBeGreaterThan(30);
    expect(zone.received).toBeLessThanOrEqual(zone.sent);
    expect(zone.received).toBeGreaterThanOrEqual(zone.sent * 0.95);
    expect(zone.heard).toEqual([0, 0, 0, dora.bot.total(1)]);
    expect(zone.forwarded).toBeGreaterThanOrEqual(dora.bot.total(1));
    expect(zone.forwarded).toBeLessThanOrEqual(zone.received);
    expect(dora.bot.total(1)).toBeGreaterThanOrEqual(zone.received * 0.95);

    // Ben walks into the zone: now each packet goes out twice; Cai, still outside, adds nothing.
    room.placePerson(id(ben), NW.x - 1, NW.z - 1);
    await expect.poll(() => engine.subscriptions(id(ben)), { timeout: 10_000 }).toContain(id(anna));
    anna.bot.talk();
    await expect.poll(() => ben.bot.total(1), { timeout: 15_000 }).toBeGreaterThan(20);
    const two = await burst();
    expect(two.received).toBeLessThanOrEqual(two.sent);
    expect(two.received).toBeGreaterThanOrEqual(two.sent * 0.95);
    expect(two.heard[2]).toBe(0);
    expect(two.forwarded).toBeGreaterThanOrEqual(ben.bot.total(1) + dora.bot.total(1));
    expect(two.forwarded).toBeLessThanOrEqual(2 * two.received);
    expect(Math.min(ben.bot.total(1), dora.bot.total(1))).toBeGreaterThanOrEqual(two.received * 0.95);

    // Dora leaves, her listening connection with her: what it forwarded stays counted.
    await dora.bot.close();
    await dora.room.leave();
    await expect.poll(() => engine.subscriptions(id(dora)), { timeout: 10_000 }).toEqual([]);
    await sleep(500);
    const left = await engine.stats();
    expect(left.peers).toBe(3);
    expect(left.received).toBeGreaterThanOrEqual(two.after.received);
    expect(left.forwarded).toBeGreaterThanOrEqual(two.after.forwarded);

    for (const p of [anna, ben, cai]) {
      await p.bot.close();
      await p.room.leave();
    }
  });
});

describe.skipIf(!inNamespace || !janusAvailable)("packet counts through Janus without its Admin API", () => {
  let janus: RunningJanus | undefined;
  beforeAll(async () => {
    janus = await startJanus();
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await janus?.close();
  });

  it("counts none, and says so once rather than failing", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const engine = new JanusVoiceEngine(
      { ...DEFAULT_VOICE_CONFIG, engine: "janus", janusUrl: janus!.url },
      { signal: () => undefined, connection: () => undefined },
    );
    await engine.join("anna");
    expect(await engine.stats()).toEqual({ peers: 1, received: 0, forwarded: 0 });
    expect(await engine.stats()).toEqual({ peers: 1, received: 0, forwarded: 0 });
    expect(warn.mock.calls.filter(([text]) => String(text).includes("JANUS_ADMIN_URL"))).toHaveLength(1);
    await engine.close();
  });
});
