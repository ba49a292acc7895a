import { describe, expect, it } from "vitest";
import { LAB } from "../../shared/space/layout";
import { PACKET_MS } from "../../server/voice/speech";
import { spokenInZone } from "../../server/coaching/speaking";
import { SPEAKING_REPORT_MS } from "../../shared/coaching/speaking";
import { slotsOf, type MediaSession } from "./media-people";
import { screenshot } from "../support/browser";

const NW = LAB.breakoutAreas.find((a) => a.id === "nw")!;

/**
 * Speaking time measured from the browsers' RFC 6464 audio levels (by the embedded engine, or by Janus
 * and its talking events): Chromium's fake microphone beeps, so an unmuted speaker accumulates speech
 * time, and a muted one none (a muted microphone still sends packets, silent ones). Run by
 * `npm run test:media`, in a private namespace (speaking.media.test.ts, speaking-janus.media.test.ts).
 */
export function describeSpeakingTime(title: string, media: MediaSession): void {
  const { arrive, sessionRoom } = media;

  describe(title, () => {
    it("counts an unmuted speaker's speech and nothing of a muted one", async () => {
      const session = await media.server.createSession("Speaking");
      const link = `${media.server.baseUrl}/s/${session.code}`;
      const [anna, ben] = await Promise.all([
        arrive(`${link}#host=${session.facilitatorSecret}`, "Anna", 440, session.code),
        arrive(link, "Ben", 660, session.code),
      ]);
      const room = await sessionRoom(session.code);
      // The facilitator keeps a timeline, so the speech is logged per zone and organisation for the debrief.
      await anna.page.getByRole("button", { name: /Session/ }).click();
      await anna.page.getByRole("menuitemcheckbox", { name: /Keep a timeline for the debrief/ }).click();
      await anna.page.keyboard.press("Escape");
      // Ben mutes before anything is counted; Anna talks (her fake microphone beeps).
      await ben.page.locator(".space__canvas").focus();
      await ben.page.keyboard.press("KeyM");
      await ben.page.getByRole("button", { name: "Unmute" }).waitFor();
      room.placePerson(anna.id, NW.x, NW.z);
      room.placePerson(ben.id, NW.x + 2, NW.z + 1.5);
      await expect.poll(() => slotsOf(ben), { timeout: 10_000 }).toContain(anna.id);
      const zone = room.state.people.get(anna.id)!.zone;
      expect(zone).not.toBe("");

      // Several collections (every SPEAKING_REPORT_MS) later, Anna has seconds of speech; Ben none.
      await expect
        .poll(() => spokenInZone(room, zone).get(anna.id) ?? 0, { timeout: 6 * SPEAKING_REPORT_MS })
        .toBeGreaterThanOrEqual(2000);
      const annaMs = spokenInZone(room, zone).get(anna.id)!;
      expect(annaMs % PACKET_MS).toBe(0);
      expect(spokenInZone(room, zone).get(ben.id) ?? 0).toBe(0);
      console.log(
        `speaking: Anna ${annaMs} ms counted in zone ${zone}, muted Ben ${spokenInZone(room, zone).get(ben.id) ?? 0} ms`,
      );

      // Ben unmutes: his beeps now count too.
      await ben.page.keyboard.press("KeyM");
      await expect
        .poll(() => spokenInZone(room, zone).get(ben.id) ?? 0, { timeout: 6 * SPEAKING_REPORT_MS })
        .toBeGreaterThan(0);

      // The facilitator's balcony shows Ben's share of the zone's speaking time.
      const showPanels = anna.page.getByRole("button", { name: "Show panels" });
      if (await showPanels.isVisible()) await showPanels.click();
      await anna.page.getByRole("tab", { name: "Balcony" }).click();
      const benShare = anna.page.locator(`[data-speaking-zone="${zone}"] [data-speaking-person="${ben.id}"]`);
      await expect.poll(() => benShare.textContent(), { timeout: 3 * SPEAKING_REPORT_MS }).toMatch(/^Ben: [1-9]\d* %$/);
      await benShare.scrollIntoViewIfNeeded();
      await screenshot(anna.page, "speaking-balcony");

      // The debrief shows the zone's speaking time up to its slider's moment; neither of them gave an
      // organisation, so that one share is the whole zone's.
      const debrief = await anna.page.context().newPage();
      await debrief.goto(`${link}/debrief#host=${session.facilitatorSecret}`);
      await debrief.getByTestId("debrief-slider").press("End");
      const logged = debrief.locator(`[data-testid="debrief-speaking"] [data-speaking-zone="${zone}"]`);
      await expect.poll(() => logged.textContent(), { timeout: 15_000 }).toMatch(/\d+ min \d+ s.*100 %/);
      expect(await debrief.getByTestId("debrief-speaking").textContent()).not.toMatch(/Anna|Ben/);
      await logged.scrollIntoViewIfNeeded();
      await screenshot(debrief, "speaking-debrief");
    });
  });
}
