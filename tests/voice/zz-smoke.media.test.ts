import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJanus, JANUS_LINK_ADDRESS, type RunningJanus } from "../support/janus";
import { useTestServer } from "../support/rooms";
import { waitForState } from "../support/server";
import { VoiceBot } from "../support/voice-bot";
import { voiceRooms } from "../../server/voice/commands";
import { matchMaker } from "@colyseus/core";
import type { SessionRoom } from "../../server/session/room";
import type { JanusVoiceEngine } from "../../server/voice/janus-engine";

let janus: RunningJanus;
beforeAll(async () => { janus = await startJanus(); });
afterAll(async () => { await janus?.close(); });
const server = useTestServer(() => ({ voice: { engine: "janus", janusUrl: janus.url } }));

describe("smoke", () => {
  it("two bots", async () => {
    const session = await server.createSession();
    const a = await server.join(session.code, { name: "A" });
    const b = await server.join(session.code, { name: "B" });
    const ba = new VoiceBot(a, 1, ["127.0.0.1", JANUS_LINK_ADDRESS]), bb = new VoiceBot(b, 2, ["127.0.0.1", JANUS_LINK_ADDRESS]);
    await ba.connect(); await bb.connect();
    await waitForState(a, (s) => [...s.voice.people.values()].filter((v) => v.connected).length === 2);
    const room = matchMaker.getLocalRoomById(a.roomId) as SessionRoom;
    room.placePerson(a.sessionId, 0, 0); room.placePerson(b.sessionId, 1, 0);
    ba.talk();
    await expect.poll(() => bb.slots, { timeout: 10000 }).toContain(a.sessionId);
    const engine = voiceRooms.get(room)!.engine as JanusVoiceEngine;
    console.log("subs", engine.subscriptions(b.sessionId), bb.slots);
    await expect.poll(() => bb.total(1), { timeout: 10000 }).toBeGreaterThan(20);
    console.log("b got", bb.total(1));
    await ba.close(); await bb.close();
  });
});
