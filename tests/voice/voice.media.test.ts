import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchMaker } from "@colyseus/core";
import type { Browser, Page } from "playwright-core";
import { LAB } from "../../shared/space/layout";
import { VOICE_SDP_MAX } from "../../shared/protocol";
import type { SessionRoom } from "../../server/session/room";
import { externalRequests, launchChromium, recordErrors, recordRequests, screenshot } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { voiceRooms } from "../../server/voice/commands";
import { writeToneWav } from "../support/tone";
import { VoiceBot } from "../support/voice-bot";

/**
 * Voice end to end: two Chromium processes, each with its own fake microphone playing a tone of its
 * own pitch, and a simulated third person talk through the real server. (Three software-rendered
 * browsers on two cores took minutes just to join; the third person's part needs no browser.) Run by `npm run test:media` inside a private network
 * namespace (tests/voice/run-media.mjs), so no packet can leave the machine.
 */
const inNamespace = process.env.YHTEISTILA_NETNS === "1";

const NW = LAB.breakoutAreas.find((a) => a.id === "nw")!;
const NE = LAB.breakoutAreas.find((a) => a.id === "ne")!;
const SW = LAB.breakoutAreas.find((a) => a.id === "sw")!;
/** The bar for "clearly heard": the speaker's tone above -40 dBFS in what reaches the ears. */
const HEARD_DBFS = -40;
/** Far below anything audible: what a listener measures at a pitch nobody it hears is making. */
const SILENT_DBFS = -70;

interface Person {
  name: string;
  tone: number;
  browser: Browser;
  page: Page;
  id: string;
  requests: string[];
  errors: string[];
}

let server: TestServer;
let wavDir: string;
const people: Person[] = [];

beforeAll(async () => {
  if (!inNamespace) return;
  server = await startTestServer({ clientDir: "dist" });
  wavDir = mkdtempSync(join(tmpdir(), "yhteistila-tones-"));
});
afterAll(async () => {
  for (const person of people) await person.browser.close().catch(() => undefined);
  await server?.close();
  if (wavDir) rmSync(wavDir, { recursive: true, force: true });
});

/** The server's room for a session, to place people on its authority (as a facilitator's summon does). */
async function sessionRoom(code: string): Promise<SessionRoom> {
  const cache = (await matchMaker.query({ name: "session" })).find((c) => c.metadata?.code === code);
  const room = cache ? (matchMaker.getLocalRoomById(cache.roomId) as SessionRoom | undefined) : undefined;
  if (!room) throw new Error(`no room for ${code}`);
  return room;
}

/** One person in their own browser process (a fake microphone file is per process). */
async function arrive(
  link: string,
  name: string,
  tone: number,
  code: string,
  choice: "microphone" | "listen" = "microphone",
): Promise<Person> {
  const wav = join(wavDir, `${tone}.wav`);
  writeToneWav(wav, tone, { pulsed: true, amplitude: 0.7 });
  const browser = await launchChromium([
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    "--allow-loopback-in-peer-connection",
    "--autoplay-policy=no-user-gesture-required",
    `--use-file-for-fake-audio-capture=${wav}`,
  ]);
  // Three browsers render WebGL in software on two cores: keep each view small.
  const context = await browser.newContext({ viewport: { width: 480, height: 270 }, locale: "en-GB" });
  // Any single step that hangs fails fast instead of eating the whole test's time.
  context.setDefaultTimeout(15_000);
  const requests = recordRequests(context);
  const page = await context.newPage();
  const errors = recordErrors(page);
  await page.goto(link);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Enter the space" }).click();
  const setup = page.getByRole("dialog", { name: "Your microphone" });
  if (choice === "listen") {
    await setup.getByRole("button", { name: "Listen only" }).click({ timeout: 60_000 });
  } else {
    await setup.getByRole("button", { name: "Use my microphone" }).click({ timeout: 60_000 });
    await expect.poll(() => setup.getByRole("meter").getAttribute("aria-valuenow"), { timeout: 10_000 }).not.toBe("0");
    await setup.getByRole("button", { name: "Enter with microphone on" }).click();
  }
  await expect.poll(() => page.evaluate(() => window.yhteistilaVoice?.status()), { timeout: 20_000 }).toBe("connected");
  let id = "";
  (await sessionRoom(code)).state.people.forEach((p, key) => {
    if (p.name === name) id = key;
  });
  const person = { name, tone, browser, page, id, requests, errors };
  people.push(person);
  return person;
}

/** The loudest reading of a tone in what the page plays, over a short window. */
function toneLevel(person: Person, frequency: number, windowMs = 1200): Promise<number> {
  return person.page.evaluate(
    async ({ frequency, windowMs }) => {
      let best = -Infinity;
      const end = performance.now() + windowMs;
      while (performance.now() < end) {
        best = Math.max(best, window.yhteistilaVoice!.toneLevel(frequency));
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      return best;
    },
    { frequency, windowMs },
  );
}

/** RTP packets received, over all of the page's receive slots (from its RTCPeerConnection stats). */
async function packetsReceived(person: Person): Promise<number> {
  const stats = await person.page.evaluate(() => window.yhteistilaVoice!.slotStats());
  return stats.reduce((sum, slot) => sum + slot.packets, 0);
}

function slotsOf(person: Person): Promise<string[]> {
  return person.page.evaluate(() => window.yhteistilaVoice!.slots());
}

describe.skipIf(!inNamespace)("voice between browsers (inside a private network namespace)", () => {
  it("keeps zones private to the packet, makes a group audible when you walk in, lets the facilitator reach every zone, and recovers a lost connection", async () => {
    const session = await server.createSession("Voice");
    const link = `${server.baseUrl}/s/${session.code}`;
    const [anna, ben] = await Promise.all([
      arrive(`${link}#host=${session.facilitatorSecret}`, "Anna", 440, session.code),
      // Ben enters listening only, and turns his microphone on later.
      arrive(link, "Ben", 660, session.code, "listen"),
    ]);
    // A third person, simulated (werift, like the benchmark's bots), talking in a third zone: every
    // packet it receives is stamped with its sender, so "receives nothing" is exact.
    const caiRoom = await server.join(session.code, { name: "Cai" });
    const cai = new VoiceBot(caiRoom, 3);
    await cai.connect();
    cai.talk();
    const room = await sessionRoom(session.code);

    // Anna in breakout A, Ben in breakout B, Cai in breakout C.
    room.placePerson(anna.id, NW.x, NW.z);
    room.placePerson(ben.id, NE.x, NE.z);
    room.placePerson(caiRoom.sessionId, SW.x, SW.z);
    await expect.poll(() => slotsOf(ben), { timeout: 10_000 }).toEqual(expect.not.arrayContaining([anna.id]));
    await expect.poll(() => slotsOf(anna), { timeout: 10_000 }).toEqual(expect.not.arrayContaining([ben.id]));

    // Other zones: not a single packet arrives on any of Ben's receive slots, nor at Cai; no tone is heard.
    const benBefore = await packetsReceived(ben);
    cai.resetCounts();
    await ben.page.waitForTimeout(2500);
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

    await cai.close();
    await caiRoom.leave();
    for (const person of people) {
      expect(externalRequests(person.requests)).toEqual([]);
      expect(person.errors).toEqual([]);
    }
  });
});
