/**
 * `npm run bench:join [-- --runs 10]`
 *
 * How fast a participant is in the room: from opening the participant link in a browser with a cold
 * cache to standing in the 3D room with the others visible (their avatars in the scene). Each run is a
 * fresh browser profile (nothing cached, nothing stored) against the real server serving the built
 * client on loopback; the name is typed and sent at once, so the figure is the product's own time.
 * Also prints every JavaScript file fetched before the room was shown, with its size as built, gzipped,
 * with brotli, and as it came over the wire. Needs `npm run build` first.
 */
import "../support/node-setup";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "../support/browser";
import { startTestServer } from "../support/server";

const flag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(flag("runs") ?? 10);
const OTHERS = 5;
const GOAL_MS = 2000;
const GOAL_INITIAL_JS_GZIP_KB = 450;
const DIST = process.env.BENCH_DIST ?? "dist";

const hardTimeout = setTimeout(
  () => {
    console.error("bench:join: gave up (hard timeout)");
    process.exit(2);
  },
  (120 + RUNS * 60) * 1000,
);

const server = await startTestServer({ clientDir: DIST });
const browser = await launchChromium();
const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7);
const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : Number.NaN);

try {
  const session = await server.createSession("Join benchmark");
  const others = await Promise.all(
    Array.from({ length: OTHERS }, (_, i) => server.join(session.code, { name: `Other ${i + 1}` })),
  );
  const link = `${server.baseUrl}/s/${session.code}`;
  const times: number[] = [];
  const phases: { formShown: number; viewRunning: number; elapsed: number }[] = [];
  let firstRunFiles = new Map<string, number>();

  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "fi-FI" });
    const page = await context.newPage();
    page.on("pageerror", (error) => console.error("page error:", error.stack ?? error.message));
    page.on("console", (message) => {
      if (message.type() === "error") console.error("page console:", message.text().slice(0, 300));
    });
    const files = new Map<string, number>();
    page.on("requestfinished", (request) => {
      // Scripts of this host only: the text renderer's worker is a blob: URL made from code already counted.
      if (request.resourceType() !== "script" || !request.url().startsWith(server.baseUrl)) return;
      void request.sizes().then((sizes) => {
        files.set(new URL(request.url()).pathname, sizes.responseBodySize);
      });
    });
    const started = performance.now();
    await page.goto(link);
    const name = page.locator("form input").first();
    await name.waitFor();
    const formShown = performance.now() - started;
    await name.fill(`Tulija ${run + 1}`);
    await name.press("Enter");
    await page
      .waitForFunction(() => window.yhteistila !== undefined, undefined, { timeout: 60_000, polling: 16 })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: "test-artifacts/bench-join-stuck.png" });
        throw error;
      });
    const viewRunning = performance.now() - started;
    // The page's own clock when the others were first seen, and the scripts it had asked for by then
    // (what loads a frame after the room is shown is not part of the initial JavaScript).
    const shownAt = await page.waitForFunction(
      (n) => (window.yhteistila?.avatars().length ?? 0) >= n && performance.now(),
      OTHERS,
      { timeout: 60_000, polling: 16 },
    );
    const elapsed = performance.now() - started;
    const requestedBefore = await page.evaluate(
      (at) =>
        performance
          .getEntriesByType("resource")
          .filter((entry) => entry.startTime <= at && new URL(entry.name).pathname.endsWith(".js"))
          .map((entry) => new URL(entry.name).pathname),
      (await shownAt.jsonValue()) as number,
    );
    for (const path of [...files.keys()]) if (!requestedBefore.includes(path)) files.delete(path);
    times.push(elapsed);
    phases.push({ formShown, viewRunning, elapsed });
    if (run === 0) firstRunFiles = files;
    await context.close();
  }

  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`bench:join  ${RUNS} runs, cold cache each, ${OTHERS} others in the room, 1280x720, Finnish`);
  console.log(
    `time to the room with the others visible: median ${median.toFixed(0)} ms ` +
      `(min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)}; goal < ${GOAL_MS} ms)`,
  );
  const mid = (key: keyof (typeof phases)[number]) => {
    const sorted = phases.map((p) => p[key]).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!.toFixed(0);
  };
  console.log(
    `  medians: join form shown ${mid("formShown")} ms, 3D view running ${mid("viewRunning")} ms, ` +
      `others visible ${mid("elapsed")} ms`,
  );
  console.log("JavaScript fetched before the room was shown (KB):");
  console.log("  file                                        built    gzip  brotli    wire");
  const total = { built: 0, gzip: 0, br: 0, wire: 0 };
  for (const [path, wire] of [...firstRunFiles].sort((a, b) => b[1] - a[1])) {
    const file = join(DIST, path);
    const built = sizeOf(file);
    const gzip = existsSync(`${file}.gz`) ? sizeOf(`${file}.gz`) : built;
    const br = existsSync(`${file}.br`) ? sizeOf(`${file}.br`) : built;
    total.built += built;
    total.gzip += gzip;
    total.br += br;
    total.wire += wire;
    console.log(`  ${path.slice(0, 42).padEnd(42)} ${kb(built)} ${kb(gzip)} ${kb(br)} ${kb(wire)}`);
  }
  console.log(
    `  ${"total".padEnd(42)} ${kb(total.built)} ${kb(total.gzip)} ${kb(total.br)} ${kb(total.wire)}` +
      `   (goal: gzip <= ${GOAL_INITIAL_JS_GZIP_KB} KB)`,
  );
  // Sanity: the built files exist (a stale dist/ would make the table meaningless).
  if (!Number.isFinite(total.built)) console.warn("some fetched files are not in dist/: run `npm run build`");
  await Promise.all(others.map((room) => room.leave()));
} finally {
  await browser.close();
  await server.close();
  clearTimeout(hardTimeout);
}
process.exit(0);
