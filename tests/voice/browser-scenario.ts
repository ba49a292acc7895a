import { describe, expect, it } from "vitest";
import { LAB } from "../../shared/space/layout";
import { VOICE_SDP_MAX } from "../../shared/protocol";
import { externalRequests, screenshot } from "../support/browser";
import { voiceRooms } from "../../server/voice/commands";
import { HEARD_DBFS, packetsReceived, slotsOf, toneLevel, type MediaSession } from "./media-people";
import { VoiceBot } from "../support/voice-bot";

const NW = LAB.breakoutAreas.find((a) => a.id === "nw")!;
const NE = LAB.breakoutAreas.find((a) => a.id === "ne")!;
const SW = LAB.breakoutAreas.find((a) => a.id === "sw")!;
/** Far below anything audible: what a listener measures at a pitch nobody it hears is making. */
const SILENT_DBFS = -70;

/**
 * Voice end to end: two Chromium processes, each with its own fake microphone playing a tone of its
 * own pitch, and a simulated third person talk through the real server (a simulated fourth listens). (Three software-rendered
 * browsers on two cores took minutes just to join; the third person's part needs no browser.) Run by `npm run test:media` inside a private network
 * namespace (tests/voice/run-media.mjs), so no packet can leave the machine; against the embedded
 * engine (voice.media.test.ts) and Janus (janus-browsers.media.test.ts). `hosts`: the addresses the
 * simulated person may connect over.
 */
export function describeVoiceBetweenBrowsers(title: string, media: MediaSession, hosts?: readonly string[]): void {
  const { arrive, sessionRoom, people } = media;

  describe(title, () => {
    it("keeps zones private to the packet, makes a group audible when you walk in, lets the facilitator reach every zone, and recovers a lost connection", async () => {
      const session = await media.server.createSession("Voice");
      const link = `${media.server.baseUrl}/s/${session.code}`;
      const [anna, ben] = await Promise.all([
        arrive(`${link}#host=${session.facilitatorSecret}`, "Anna", 440, session.code),
        // Ben enters listening only, and turns his microphone on later.
        arrive(link, "Ben", 660, session.code, { listen: true }),
      ]);
      // A third person, simulated (werift, like the benchmark's bots), talking in a third zone: every
      // packet it receives is stamped with its sender, so "receives nothing" is exact.
      const caiRoom = await media.server.join(session.code, { name: "Cai" });
      const cai = new VoiceBot(caiRoom, 3, hosts);
      await cai.connect();
      cai.talk();
      // Dee, simulated too, only listens, in Cai's zone: what she receives of him shows the server forwarding.
      const deeRoom = await media.server.join(session.code, { name: "Dee" });
      const dee = new VoiceBot(deeRoom, 4, hosts);
      await dee.connect();
      const room = await sessionRoom(session.code);

      // Anna in breakout A, Ben in breakout B, Cai and Dee in breakout C.
      room.placePerson(anna.id, NW.x, NW.z);
      room.placePerson(ben.id, NE.x, NE.z);
      room.placePerson(caiRoom.sessionId, SW.x, SW.z);
      room.placePerson(deeRoom.sessionId, SW.x + 1.5, SW.z + 1);
      await expect.poll(() => slotsOf(ben), { timeout: 10_000 }).toEqual(expect.not.arrayContaining([anna.id]));
      await expect.poll(() => slotsOf(anna), { timeout: 10_000 }).toEqual(expect.not.arrayContaining([ben.id]));
      await expect.poll(() => dee.slots, { timeout: 10_000 }).toContain(caiRoom.sessionId);

      // Other zones: not a single packet arrives on any of Ben's receive slots, nor at Cai; no tone is heard.
      // The window is counted in packets, not waited out on the clock: it closes once Cai has sent 2.5 s
      // of speech (125 frames) and Dee has received most of it, so a packet that should not reach Ben
      // would have travelled alongside ones that did, however loaded the machine.
      const benBefore = await packetsReceived(ben);
      cai.resetCounts();
      dee.resetCounts();
      await expect
        .poll(() => cai.sent >= 125 && dee.total(cai.number) >= 100, { timeout: 20_000, interval: 50 })
        .toBe(true);
      expect(await packetsReceived(ben)).toBe(benBefore);
      expect(cai.total()).toBe(0);
      expect(await toneLevel(ben, anna.tone)).toBeLessThan(SILENT_DBFS);
      expect(await toneLevel(anna, ben.tone)).toBeLessThan(SILENT_DBFS);

      // Ben walks into breakout A: he hears Anna clearly, and sees her speaking.
      room.placePerson(ben.id, NW.x + 2, NW.z + 1.5);
      await expect.poll(() => slotsOf(ben), { timeout: 10_000 }).toContain(anna.id);
      await expect.poll(() => toneLevel(ben, anna.tone), { timeout: 15_000 }).toBeGreaterThan(HEARD_DBFS);

      // He turns his microphone on from the voice bar (no renegotiation) and unmutes: Anna hears him.
      await ben.page.getByRole("toolbar").getByRole("button", { name: "Use my microphone" }).click();
      const setup = ben.page.getByRole("dialog", { name: "Your microphone" });
      await setup.getByRole("button", { name: "Use my microphone" }).click();
      await setup.getByRole("button", { name: "Done" }).click();
      await ben.page.getByRole("button", { name: "Unmute" }).click();
      await expect.poll(() => toneLevel(anna, ben.tone), { timeout: 15_000 }).toBeGreaterThan(HEARD_DBFS);
      expect(await packetsReceived(ben)).toBeGreaterThan(benBefore + 50);
      // On a screen this small the panels start closed (a bottom sheet): open the People list.
      const showPanels = ben.page.getByRole("button", { name: "Show panels" });
      if (await showPanels.isVisible()) await showPanels.click();
      await ben.page.getByRole("tab", { name: "People" }).click();
      await expect
        .poll(() => ben.page.locator(`li[data-person-id="${anna.id}"] .person-voice`).getAttribute("data-speaking"), {
          timeout: 10_000,
        })
        .toBe("true");
      await screenshot(ben.page, "voice-ben-hears-anna");
      // Cai, in another zone all along, still has nothing from either of them.
      expect(cai.total()).toBe(0);

      // Back in breakout B, Ben hears Anna only while she speaks to all groups, with the banner showing.
      room.placePerson(ben.id, NE.x, NE.z);
      await expect.poll(() => slotsOf(ben), { timeout: 10_000 }).not.toContain(anna.id);
      await anna.page.getByRole("button", { name: "Speak to all groups" }).click();
      await ben.page.getByText("Anna is speaking to all groups").waitFor({ timeout: 10_000 });
      await expect.poll(() => toneLevel(ben, anna.tone), { timeout: 15_000 }).toBeGreaterThan(HEARD_DBFS);
      await expect.poll(() => cai.total(), { timeout: 10_000 }).toBeGreaterThan(0);
      await screenshot(ben.page, "voice-ben-hears-broadcast");
      await anna.page.getByRole("button", { name: "Stop speaking to all" }).click();
      await expect.poll(() => slotsOf(ben), { timeout: 10_000 }).not.toContain(anna.id);

      // Together again, Ben mutes with the M key: Anna stops receiving him; he unmutes the same way.
      room.placePerson(ben.id, NW.x + 2, NW.z + 1.5);
      await expect.poll(() => slotsOf(anna), { timeout: 10_000 }).toContain(ben.id);
      await ben.page.locator(".space__canvas").focus();
      await ben.page.keyboard.press("KeyM");
      await ben.page.getByRole("button", { name: "Unmute" }).waitFor();
      await expect.poll(() => slotsOf(anna), { timeout: 10_000 }).not.toContain(ben.id);
      await ben.page.keyboard.press("KeyM");
      await expect.poll(() => slotsOf(anna), { timeout: 10_000 }).toContain(ben.id);

      // Mute everyone: Ben is told, his button says so, and Anna no longer receives him.
      await anna.page.getByRole("button", { name: "Mute everyone" }).click();
      await ben.page.getByText("A facilitator muted everyone").waitFor({ timeout: 10_000 });
      await ben.page.getByRole("button", { name: "Unmute" }).waitFor();
      await expect.poll(() => slotsOf(anna), { timeout: 10_000 }).not.toContain(ben.id);

      // The voice connection breaks (the server drops it): Ben is told voice is unavailable, it comes
      // back by itself, and he hears Anna again.
      const engine = voiceRooms.get(room)!.engine!;
      engine.leave(ben.id);
      await ben.page.locator('[data-voice-status="unavailable"]').waitFor({ timeout: 20_000 });
      await expect
        .poll(() => ben.page.evaluate(() => window.yhteistilaVoice!.status()), { timeout: 30_000 })
        .toBe("connected");
      await expect.poll(() => slotsOf(ben), { timeout: 10_000 }).toContain(anna.id);
      await expect.poll(() => toneLevel(ben, anna.tone), { timeout: 15_000 }).toBeGreaterThan(HEARD_DBFS);

      // Chromium's answer, with its candidates, fits a room message with room to spare.
      const answerSize = await anna.page.evaluate(() => window.yhteistilaVoice!.answerSize());
      console.log(`Chromium's SDP answer: ${answerSize} characters (limit ${VOICE_SDP_MAX})`);
      expect(answerSize).toBeGreaterThan(1000);
      expect(answerSize).toBeLessThan(VOICE_SDP_MAX);

      await Promise.all([cai.close(), dee.close()]);
      await Promise.all([caiRoom.leave(), deeRoom.leave()]);
      for (const person of people) {
        expect(externalRequests(person.requests)).toEqual([]);
        expect(person.errors).toEqual([]);
      }
    });
  });
}
