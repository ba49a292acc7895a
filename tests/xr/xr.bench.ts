/**
 * `npm run bench:xr`: the VR view's frame budget with 30 people in view. Starts the real server with
 * the built client, joins 30 bots over the SDK (half of them "in VR", moving their hands), opens an
 * emulated Meta Quest 3 (iwer, stereo) in headless Chromium, enters VR facing the crowd and reads the
 * real renderer: draw calls and triangles per frame (both eyes) and the time per frame. For contrast
 * it prints the same figures for the desktop view. SwiftShader renders on the CPU, so frame times are a
 * relative yardstick, not a headset's; draw calls and triangles are exactly what a headset would get.
 * Needs `npm run build` first.
 */
import "../support/node-setup";
import { encodeHands, encodePose, untrackedHand, type HandPose } from "../../shared/movement/pose-codec";
import { sendCommand } from "../../shared/protocol/send";
import { launchChromium } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import { startTestServer, waitForState, type SdkSessionRoom } from "../support/server";
import { nearPose } from "../support/poses";
import { installEmulatedQuest, setHeadset, xrFrames } from "./support/iwer";

const BOTS = Number(process.env.BOTS ?? 30);
const MEASURE_MS = Number(process.env.MEASURE_MS ?? 5000);

const server = await startTestServer({ clientDir: "dist" });
const browser = await launchChromium();
const bots: SdkSessionRoom[] = [];
let timer: NodeJS.Timeout | undefined;

try {
  const session = await server.createSession("XR frame budget");
  const viewer = await newVisitor(browser);
  await installEmulatedQuest(viewer.page, { stereo: true });
  // The viewer joins first and so stands at the first spawn point, (0, 5), looking north at the plenary.
  await joinSession(viewer, `${server.baseUrl}/s/${session.code}`, "Viewer");

  // The crowd: a block of 30 people between 2 and 8 metres in front of the viewer, facing them.
  for (let i = 0; i < BOTS; i++) {
    const bot = await server.join(session.code, { name: `Bot ${i + 1}`, color: i % 8 });
    bot.onMessage("movement.corrected", () => undefined);
    const x = -4 + (i % 6) * 1.6;
    const z = 3 - Math.floor(i / 6) * 1.5;
    sendCommand(bot, "movement.teleport", { x: Math.round(x * 100), z: Math.round(z * 100) });
    if (i % 2 === 0) sendCommand(bot, "xr.session", { inVR: true });
    bots.push(bot);
  }
  await Promise.all(bots.map((bot) => waitForState(bot, () => (nearPose(bot)?.z ?? 0) < 400)));

  // Everyone looks at the viewer and the VR half wave their hands, 20 times a second like real clients.
  let tick = 0;
  timer = setInterval(() => {
    tick++;
    bots.forEach((bot, i) => {
      const pose = nearPose(bot)!;
      const x = pose.x / 100;
      const z = pose.z / 100;
      const yaw = Math.atan2(x - 0, z - 5);
      const head = encodePose({ x, y: 1.6, z, yaw, pitch: 0 });
      if (i % 2 === 1) return sendCommand(bot, "movement.pose", head);
      const wave = Math.sin((tick + i) / 4) * 0.15;
      const hand = (side: number): HandPose => ({
        ...untrackedHand(),
        tracked: true,
        dx: side * 0.25 * Math.cos(yaw) - 0.3 * Math.sin(yaw),
        dy: -0.35 + wave * side,
        dz: -side * 0.25 * Math.sin(yaw) - 0.3 * Math.cos(yaw),
      });
      sendCommand(bot, "movement.pose", [...head, encodeHands(hand(-1), hand(1))]);
    });
  }, 50);

  const page = viewer.page;
  await page.waitForFunction((n) => window.yhteistila!.avatars().length >= n, BOTS, { timeout: 60_000 });

  const measure = async (label: string, frameCount: () => Promise<number>) => {
    const samples: { calls: number; triangles: number }[] = [];
    const startFrames = await frameCount();
    const start = Date.now();
    while (Date.now() - start < MEASURE_MS) {
      samples.push(await page.evaluate(() => window.yhteistila!.renderInfo()));
      await page.waitForTimeout(200);
    }
    const frames = (await frameCount()) - startFrames;
    const elapsed = Date.now() - start;
    const max = (key: "calls" | "triangles") => Math.max(...samples.map((s) => s[key]));
    const avatars = await page.evaluate(() => window.yhteistila!.avatars().length);
    console.log(
      `${label.padEnd(30)} avatars ${avatars}  draw calls ${max("calls")}  triangles ${max("triangles")}  ` +
        `frame ${(elapsed / Math.max(1, frames)).toFixed(1)} ms (${((frames * 1000) / elapsed).toFixed(1)} fps)`,
    );
  };

  // A plain string: tsx would wrap named functions in a helper that does not exist in the page.
  await page.evaluate(
    "window.__rafCount = 0; (function count() { window.__rafCount++; requestAnimationFrame(count); })();",
  );
  const rafFrames = () => page.evaluate(() => (window as unknown as { __rafCount: number }).__rafCount);
  await measure("desktop view (640x360)", rafFrames);

  await setHeadset(page, { x: 0, y: 1.6, z: 0 });
  await page.getByRole("button", { name: "Enter VR" }).click();
  await page.waitForFunction(() => window.yhteistila!.xr?.state().presenting === true, undefined, {
    timeout: 60_000,
  });
  await xrFrames(page, 10);
  await measure("VR view, stereo (2 x 320x360)", () => page.evaluate(() => window.yhteistila!.xr!.state().frames));
} finally {
  if (timer) clearInterval(timer);
  await Promise.all(bots.map((bot) => bot.leave().catch(() => undefined)));
  await browser.close();
  await server.close();
}
