import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchMaker } from "@colyseus/core";
import type { Browser, Page } from "playwright-core";
import { sendCommand } from "../../shared/protocol/send";
import type { SessionRoom } from "../../server/session/room";
import { externalRequests, launchChromium, recordErrors, recordRequests, screenshot } from "../support/browser";
import { startTestServer, waitForState, type TestServer } from "../support/server";
import { writeToneWav } from "../support/tone";

/**
 * The hybrid room's voice end to end: a room device (a laptop at the meeting room's table, its
 * microphone a 440 Hz tone) and a remote person (660 Hz) in their own Chromium processes, through
 * the real server. Run inside a private network namespace like the voice tests
 * (`npm run test:media`), so no packet can leave the machine.
 */
const inNamespace = process.env.YHTEISTILA_NETNS === "1";
/** As in tests/voice: a tone above -40 dBFS in what reaches the ears is clearly heard. */
const HEARD_DBFS = -40;

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
  wavDir = mkdtempSync(join(tmpdir(), "yhteistila-hybrid-tones-"));
});
afterAll(async () => {
  for (const person of people) await person.browser.close().catch(() => undefined);
  await server?.close();
  if (wavDir) rmSync(wavDir, { recursive: true, force: true });
});

async function sessionRoom(code: string): Promise<SessionRoom> {
  const cache = (await matchMaker.query({ name: "session" })).find((c) => c.metadata?.code === code);
  const room = cache ? (matchMaker.getLocalRoomById(cache.roomId) as SessionRoom | undefined) : undefined;
  if (!room) throw new Error(`no room for ${code}`);
  return room;
}

/** One person in their own browser process with a tone as microphone; `place` picks the join page's choice. */
async function arrive(link: string, name: string, tone: number, code: string, place: RegExp | null): Promise<Person> {
  const wav = join(wavDir, `${tone}.wav`);
  writeToneWav(wav, tone, { pulsed: true, amplitude: 0.7 });
  const browser = await launchChromium([
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    "--allow-loopback-in-peer-connection",
    "--autoplay-policy=no-user-gesture-required",
    `--use-file-for-fake-audio-capture=${wav}`,
  ]);
  const context = await browser.newContext({ viewport: { width: 480, height: 270 }, locale: "en-GB" });
  context.setDefaultTimeout(15_000);
  const requests = recordRequests(context);
  const page = await context.newPage();
  const errors = recordErrors(page);
  await page.goto(link);
  await page.getByLabel("Your name").fill(name);
  if (place) await page.getByLabel(place).check();
  await page.getByRole("button", { name: "Enter the space" }).click();
  const setup = page.getByRole("dialog", { name: "Your microphone" });
  await setup.getByRole("button", { name: "Use my microphone" }).click({ timeout: 60_000 });
  await expect.poll(() => setup.getByRole("meter").getAttribute("aria-valuenow"), { timeout: 10_000 }).not.toBe("0");
  await setup.getByRole("button", { name: "Enter with microphone on" }).click();
  await expect.poll(() => page.evaluate(() => window.yhteistilaVoice?.status()), { timeout: 20_000 }).toBe("connected");
  let id = "";
  (await sessionRoom(code)).state.people.forEach((p, key) => {
    if (p.name === name) id = key;
  });
  const person = { name, tone, browser, page, id, requests, errors };
  people.push(person);
  return person;
}

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

/** RTP packets received from one speaker, from the page's RTCPeerConnection receiver stats. */
async function packetsFrom(person: Person, speaker: string): Promise<number> {
  const stats = await person.page.evaluate(() => window.yhteistilaVoice!.slotStats());
  return stats.filter((slot) => slot.speaker === speaker).reduce((sum, slot) => sum + slot.packets, 0);
}

describe.skipIf(!inNamespace)("the hybrid room's voice (inside a private network namespace)", () => {
  it("a room device at the table and a remote person standing by it hear each other", async () => {
    const session = await server.createSession("Hybrid voice");
    const link = `${server.baseUrl}/s/${session.code}`;
    const host = await server.join(session.code, { name: "Host", facilitatorSecret: session.facilitatorSecret });
    sendCommand(host, "hybrid.add", { name: "Meeting room Kuusi", seats: 6 });
    await waitForState(host, (s) => s.physicalRooms.size === 1);
    const table = [...host.state.physicalRooms.values()][0]!;

    const device = await arrive(link, "Kuusi laptop", 440, session.code, /This laptop is the room device/);
    await waitForState(host, (s) => s.physicalRooms.get(table.id)?.device === device.id);
    const remote = await arrive(link, "Rita", 660, session.code, null);
    // The remote person walks up to the table (placed by the server, as a summon would).
    (await sessionRoom(session.code)).placePerson(remote.id, table.x + 2.5, table.z);

    await expect
      .poll(() => remote.page.evaluate(() => window.yhteistilaVoice!.slots()), { timeout: 15_000 })
      .toContain(device.id);
    await expect
      .poll(() => device.page.evaluate(() => window.yhteistilaVoice!.slots()), { timeout: 15_000 })
      .toContain(remote.id);
    // The remote person hears the room, and the room hears the remote person: receiver stats and level.
    await expect.poll(() => packetsFrom(remote, device.id), { timeout: 15_000 }).toBeGreaterThan(50);
    await expect.poll(() => packetsFrom(device, remote.id), { timeout: 15_000 }).toBeGreaterThan(50);
    await expect.poll(() => toneLevel(remote, device.tone), { timeout: 15_000 }).toBeGreaterThan(HEARD_DBFS);
    await expect.poll(() => toneLevel(device, remote.tone), { timeout: 15_000 }).toBeGreaterThan(HEARD_DBFS);
    const heard = {
      remoteHearsRoom: { dBFS: await toneLevel(remote, device.tone), packets: await packetsFrom(remote, device.id) },
      roomHearsRemote: { dBFS: await toneLevel(device, remote.tone), packets: await packetsFrom(device, remote.id) },
    };
    console.log("hybrid voice:", JSON.stringify(heard));
    await screenshot(remote.page, "hybrid-voice-remote");

    for (const person of people) {
      expect(externalRequests(person.requests)).toEqual([]);
      expect(person.errors).toEqual([]);
    }
    await host.leave();
  });
});
