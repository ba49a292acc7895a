import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { matchMaker } from "@colyseus/core";
import type { Browser, Page } from "playwright-core";
import type { SessionRoom } from "../../server/session/room";
import { launchChromium, recordErrors, recordRequests } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import type { VoiceConfig } from "../../server/voice/config";
import { writeToneWav } from "../support/tone";

/**
 * People with real microphones for the media tests (tests/voice, tests/hybrid): each in their own
 * Chromium process, whose fake microphone plays a tone of their own pitch, through the real server.
 * They run inside a private network namespace (tests/voice/run-media.mjs), so no packet can leave.
 */
export const inNamespace = process.env.YHTEISTILA_NETNS === "1";

/** The bar for "clearly heard": a speaker's tone above -40 dBFS in what reaches the ears. */
export const HEARD_DBFS = -40;

export interface Person {
  name: string;
  tone: number;
  browser: Browser;
  page: Page;
  id: string;
  requests: string[];
  errors: string[];
}

export interface MediaSession {
  readonly server: TestServer;
  /** Everyone who arrived, for the end-of-test checks (no request off the host, no page error). */
  readonly people: readonly Person[];
  /** The server's room for a session, to place people on its authority (as a facilitator's summon does). */
  sessionRoom(code: string): Promise<SessionRoom>;
  /**
   * One person in their own browser process (a fake microphone file is per process). `place` picks
   * a choice of the join page (e.g. a hybrid room); `listen` enters without a microphone.
   */
  arrive(
    link: string,
    name: string,
    tone: number,
    code: string,
    options?: { place?: RegExp; listen?: boolean },
  ): Promise<Person>;
}

/**
 * Starts the server (serving the built client) before the file's tests and closes everything after;
 * `voice` is read then, after earlier hooks (e.g. one starting Janus) ran.
 */
export function useMediaSession(voice: () => Partial<VoiceConfig> = () => ({})): MediaSession {
  let server: TestServer | undefined;
  let wavDir = "";
  const people: Person[] = [];
  beforeAll(async () => {
    if (!inNamespace) return;
    server = await startTestServer({ clientDir: "dist", voice: voice() });
    wavDir = mkdtempSync(join(tmpdir(), "yhteistila-tones-"));
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

  async function arrive(
    link: string,
    name: string,
    tone: number,
    code: string,
    options: { place?: RegExp; listen?: boolean } = {},
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
    // Several browsers render WebGL in software on two cores: keep each view small.
    const context = await browser.newContext({ viewport: { width: 480, height: 270 }, locale: "en-GB" });
    // Any single step that hangs fails fast instead of eating the whole test's time.
    context.setDefaultTimeout(15_000);
    const requests = recordRequests(context);
    const page = await context.newPage();
    const errors = recordErrors(page);
    await page.goto(link);
    await page.getByLabel("Your name").fill(name);
    if (options.place) await page.getByLabel(options.place).check();
    await page.getByRole("button", { name: "Enter the space" }).click();
    const setup = page.getByRole("dialog", { name: "Your microphone" });
    if (options.listen) {
      await setup.getByRole("button", { name: "Listen only" }).click({ timeout: 60_000 });
    } else {
      await setup.getByRole("button", { name: "Use my microphone" }).click({ timeout: 60_000 });
      await expect
        .poll(() => setup.getByRole("meter").getAttribute("aria-valuenow"), { timeout: 10_000 })
        .not.toBe("0");
      await setup.getByRole("button", { name: "Enter with microphone on" }).click();
    }
    await expect
      .poll(() => page.evaluate(() => window.yhteistilaVoice?.status()), { timeout: 20_000 })
      .toBe("connected");
    let id = "";
    (await sessionRoom(code)).state.people.forEach((p, key) => {
      if (p.name === name) id = key;
    });
    const person = { name, tone, browser, page, id, requests, errors };
    people.push(person);
    return person;
  }

  return {
    get server() {
      if (!server) throw new Error("the media server runs only inside the network namespace");
      return server;
    },
    people,
    sessionRoom,
    arrive,
  };
}

/** The loudest reading of a tone in what the page plays, over a short window. */
export function toneLevel(person: Person, frequency: number, windowMs = 1200): Promise<number> {
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

/** RTP packets received (from one speaker, or from everyone), from the page's RTCPeerConnection receiver stats. */
export async function packetsReceived(person: Person, speaker?: string): Promise<number> {
  const stats = await person.page.evaluate(() => window.yhteistilaVoice!.slotStats());
  return stats
    .filter((slot) => speaker === undefined || slot.speaker === speaker)
    .reduce((sum, slot) => sum + slot.packets, 0);
}

/** Whose voices the page has a receive slot for. */
export function slotsOf(person: Person): Promise<string[]> {
  return person.page.evaluate(() => window.yhteistilaVoice!.slots());
}
