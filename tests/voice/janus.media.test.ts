import { describe, expect, it } from "vitest";
import { matchMaker } from "@colyseus/core";
import { LAB } from "../../shared/space/layout";
import type { SessionRoom } from "../../server/session/room";
import { voiceRooms } from "../../server/voice/commands";
import type { JanusVoiceEngine } from "../../server/voice/janus-engine";
import { waitForState } from "../support/server";
import { VoiceBot } from "../support/voice-bot";
import { janusAvailable, JANUS_LINK_ADDRESS } from "../support/janus";
import { useServerOnOwnJanus } from "./janus-server";
import { inNamespace } from "./media-people";
import { describeVoiceRouting } from "./routing-scenarios";

const NW = LAB.breakoutAreas.find((a) => a.id === "nw")!;

/**
 * The hearing plan with VOICE_ENGINE=janus: the same scenarios as the embedded engine's
 * (routing-scenarios.ts), with a Janus gateway of the test's own forwarding the packets, and at every
 * step Janus's subscriptions checked against the plan. Inside the media tests' network namespace,
 * where Janus has a link of its own (it offers no loopback candidates).
 */
describe.skipIf(!inNamespace || !janusAvailable)("voice through Janus", () => {
  const server = useServerOnOwnJanus();
  describeVoiceRouting("voice routing through Janus", server, ["127.0.0.1", JANUS_LINK_ADDRESS]);
});

describe.skipIf(!inNamespace || !janusAvailable)("a listener through Janus who stops answering", () => {
  const server = useServerOnOwnJanus();
  const hosts = ["127.0.0.1", JANUS_LINK_ADDRESS];

  it("stops hearing whom the plan takes away at once, without waiting for the answer it withholds", async () => {
    const session = await server.createSession();
    const [anna, ben, cai, dora] = await Promise.all(
      ["Anna", "Ben", "Cai", "Dora"].map(async (name, i) => {
        const room = await server.join(session.code, { name });
        const bot = new VoiceBot(room, i + 1, hosts);
        await bot.connect();
        return { room, bot };
      }),
    );
    const room = matchMaker.getLocalRoomById(anna!.room.roomId) as SessionRoom;
    const engine = voiceRooms.get(room)!.engine as JanusVoiceEngine;
    const id = (p: typeof anna) => p!.room.sessionId;
    await waitForState(anna!.room, (s) => [...s.voice.people.values()].filter((v) => v.connected).length === 4);
    // Anna and Ben together in the plenary, Cai far away, Dora in the north-west zone.
    room.placePerson(id(anna), 0, 0);
    room.placePerson(id(ben), 2, 0);
    room.placePerson(id(cai), 3, 14);
    room.placePerson(id(dora), NW.x, NW.z);
    anna!.bot.talk();
    cai!.bot.talk();
    await expect.poll(() => ben!.bot.total(1), { timeout: 10_000 }).toBeGreaterThan(20);

    // From now on Ben's browser answers no renegotiation. Cai walks up: Ben is offered Cai too.
    ben!.bot.withholdAnswers = true;
    room.placePerson(id(cai), 2, 1.5);
    await expect.poll(() => engine.subscriptions(id(ben)), { timeout: 10_000 }).toContain(id(cai));
    // Anna walks into Dora's zone, out of Ben's hearing, while his answer is still owed.
    room.placePerson(id(anna), NW.x + 1, NW.z + 1);
    await expect.poll(() => engine.subscriptions(id(ben)), { timeout: 10_000 }).not.toContain(id(anna));
    ben!.bot.resetCounts();
    dora!.bot.resetCounts();
    // Dora, in the zone with Anna, receives her steadily; Ben, in the same window, nothing of her.
    await expect.poll(() => dora!.bot.total(1), { timeout: 10_000 }).toBeGreaterThan(50);
    expect(ben!.bot.total(1)).toBe(0);

    // Cai walks away too, his offer still unanswered: Ben hears nobody, and his slots say so.
    room.placePerson(id(cai), 3, 14);
    await expect.poll(() => engine.subscriptions(id(ben)), { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => ben!.bot.slots, { timeout: 10_000 }).toEqual(expect.not.arrayContaining([id(cai)]));
    expect(ben!.bot.slots.every((s) => s === "")).toBe(true);

    for (const p of [anna, ben, cai, dora]) {
      await p!.bot.close();
      await p!.room.leave();
    }
  });
});
