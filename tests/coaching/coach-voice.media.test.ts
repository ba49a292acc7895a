import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { CoachLinkResponse } from "../../shared/protocol";
import { LAB } from "../../shared/space/layout";
import { launchChromium, recordErrors } from "../support/browser";
import { writeToneWav } from "../support/tone";
import { VoiceBot } from "../support/voice-bot";
import {
  HEARD_DBFS,
  inNamespace,
  packetsReceived,
  slotsOf,
  toneLevel,
  useMediaSession,
  type Person,
} from "../voice/media-people";

const NW = LAB.breakoutAreas.find((a) => a.id === "nw")!;
const COACH_TONE = 550;

/**
 * The coach's voice end to end, inside the media tests' private network namespace: the coach and the
 * facilitator in Chromium (each with a fake microphone playing its own tone), a participant simulated
 * by a werift bot that counts every packet it receives. Counts are the pages' receiver statistics.
 */
describe.skipIf(!inNamespace)("the coach's voice between browsers (inside a private network namespace)", () => {
  const media = useMediaSession();
  let coachBrowser: Browser | undefined;
  let wavDir = "";
  afterAll(async () => {
    await coachBrowser?.close().catch(() => undefined);
    if (wavDir) rmSync(wavDir, { recursive: true, force: true });
  });

  it("the coach hears the chosen zone; holding push-to-talk reaches the facilitator and not one packet reaches the participant", async () => {
    const session = await media.server.createSession("Coaching");
    const link = `${media.server.baseUrl}/s/${session.code}`;
    const host = await media.arrive(`${link}#host=${session.facilitatorSecret}`, "Host", 440, session.code);
    const room = await media.sessionRoom(session.code);

    // Anna, a simulated participant, talks alone in the north-west zone.
    const annaRoom = await media.server.join(session.code, { name: "Anna" });
    const anna = new VoiceBot(annaRoom, 2);
    await anna.connect();
    room.placePerson(annaRoom.sessionId, NW.x, NW.z);
    anna.talk();

    // The coach opens their link in a browser whose microphone plays their own tone.
    const response = await fetch(`${media.server.baseUrl}/api/sessions/${session.code}/coach-link`, {
      method: "POST",
      headers: { authorization: `Bearer ${session.facilitatorSecret}` },
    });
    const { coachSecret } = (await response.json()) as CoachLinkResponse;
    wavDir = mkdtempSync(join(tmpdir(), "yhteistila-coach-"));
    const wav = join(wavDir, `${COACH_TONE}.wav`);
    writeToneWav(wav, COACH_TONE, { pulsed: true, amplitude: 0.7 });
    coachBrowser = await launchChromium([
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      "--allow-loopback-in-peer-connection",
      "--autoplay-policy=no-user-gesture-required",
      `--use-file-for-fake-audio-capture=${wav}`,
    ]);
    const context = await coachBrowser.newContext({ viewport: { width: 480, height: 270 }, locale: "en-GB" });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors = recordErrors(page);
    await page.goto(`${link}#coach=${coachSecret}`);
    await page.getByLabel("Your name").fill("Coach Kaisa");
    await page.getByRole("button", { name: "Enter the space" }).click();
    await expect.poll(() => room.coaches.size, { timeout: 60_000 }).toBe(1);
    const coachId = [...room.coaches.keys()][0]!;
    const coach: Person = {
      name: "Coach Kaisa",
      tone: COACH_TONE,
      browser: coachBrowser,
      page,
      id: coachId,
      requests: [],
      errors,
    };

    // The coach chooses the zone: Anna's packets arrive in the coach's page.
    // On a screen this small the panels may start closed (a bottom sheet): open them once the space is up.
    const showPanels = page.getByRole("button", { name: "Show panels" });
    const tab = page.getByRole("tab", { name: "Coaching" });
    await tab.or(showPanels).first().waitFor({ timeout: 60_000 });
    if (await showPanels.isVisible()) await showPanels.click();
    await tab.click();
    await page.getByLabel("Listen to").selectOption(NW.id);
    await expect.poll(() => slotsOf(coach), { timeout: 20_000 }).toContain(annaRoom.sessionId);
    await expect.poll(() => packetsReceived(coach, annaRoom.sessionId), { timeout: 15_000 }).toBeGreaterThan(50);
    expect(await slotsOf(host)).not.toContain(coachId);

    // Push-to-talk, held with the keyboard: the facilitator receives and hears the coach, and is told.
    const talk = page.getByRole("button", { name: "Hold to talk to the facilitators" });
    await expect.poll(() => talk.isEnabled(), { timeout: 15_000 }).toBe(true);
    await talk.focus();
    anna.resetCounts();
    await page.keyboard.down(" ");
    await expect.poll(() => slotsOf(host), { timeout: 15_000 }).toContain(coachId);
    await expect.poll(() => packetsReceived(host, coachId), { timeout: 15_000 }).toBeGreaterThan(100);
    await expect.poll(() => toneLevel(host, COACH_TONE), { timeout: 15_000 }).toBeGreaterThan(HEARD_DBFS);
    await expect
      .poll(() => host.page.getByTestId("coach-talking").textContent(), { timeout: 10_000 })
      .toContain("Coach Kaisa is whispering to you");
    // Meanwhile Anna, who hears nobody else, received not one packet: none of the coach's reached her.
    expect(anna.total()).toBe(0);
    const whispered = await packetsReceived(host, coachId);

    // Released: the facilitator's slot for the coach goes, and the notice with it.
    await page.keyboard.up(" ");
    await expect.poll(() => slotsOf(host), { timeout: 15_000 }).not.toContain(coachId);
    await expect.poll(() => host.page.getByTestId("coach-talking").count(), { timeout: 10_000 }).toBe(0);
    expect(anna.total()).toBe(0);
    console.info(
      `coach voice: coach received ${await packetsReceived(coach, annaRoom.sessionId)} packets from the zone; ` +
        `facilitator ${whispered} from the coach; participant ${anna.total()}`,
    );
    expect(errors).toEqual([]);
    anna.stopSending();
    await anna.close();
    await annaRoom.leave();
  });
});
