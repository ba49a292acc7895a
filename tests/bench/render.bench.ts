/**
 * `npm run bench:render [-- --counts 30,150 --seconds 8 --profile DIR]`
 *
 * How fluid the desktop 3D view is without a GPU, against the floor a bare three.js scene sets.
 * Headless Chromium renders WebGL with SwiftShader (on the CPU, see tests/support/browser.ts). For each
 * crowd size it measures, in the same run and the same browser:
 *   (a) the product: a viewer joins a real session (the real server serving the built client) and
 *       N simulated people (real Colyseus clients in a child process, walking circles at 20 Hz as in
 *       bench:server) stand and walk around the plenary in front of them;
 *   (b) a bare three.js scene of the same size and content: floor, walls, stage and screen, two lights,
 *       and the same N people as instanced low-poly bodies and heads at the same spawn places, moving
 *       every frame; three.js defaults otherwise (no MSAA, pixel ratio 1).
 * It prints frames per second, the product/bare ratio (less sensitive to a busy machine than either
 * figure), draw calls and triangles per frame, and how many of the page's animation frames the
 * product actually drew. First, before anyone else joins, it measures the still room: the view draws
 * on demand, so it should draw (almost) nothing and cost the page's main thread (almost) nothing. While one page is measured the other is paused, so they
 * do not share the CPU. Needs `npm run build` first.
 */
import "../support/node-setup";
import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import type * as ThreeModule from "three";
import { spawnPoint, LAB } from "../../shared/space/layout";
import { launchChromium } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import { startTestServer } from "../support/server";
import type { ClientsReply, ClientsRequest } from "./ipc";

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const COUNTS = (flag("counts") ?? process.env.BENCH_COUNTS ?? "30,150")
  .split(",")
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b);
const MEASURE_S = Number(flag("seconds") ?? process.env.BENCH_SECONDS ?? 8);
/** Where to write V8 CPU profiles of both pages' measured seconds per crowd size (open it in Chrome's DevTools). */
const PROFILE_DIR = flag("profile");
const WARMUP_S = 3;
const BARE_ORIGIN = "http://bare.invalid";

// Never hang: a wait that never ends must not keep the benchmark (and its children) running.
const hardTimeout = setTimeout(
  () => {
    console.error("bench:render: gave up (hard timeout)");
    process.exit(2);
  },
  (180 + Math.max(...COUNTS) * 2 + COUNTS.length * 4 * MEASURE_S) * 1000,
);

interface Figures {
  fps: number;
  medianMs: number;
  p95Ms: number;
  calls: number;
  triangles: number;
  extra: string;
}

/**
 * Counts animation frames in the page for MEASURE_S seconds after a warm-up and reads the renderer's
 * per-frame figures a few times meanwhile (the largest is kept: the view with the most on screen).
 */
async function measure(
  page: Page,
  info: () => Promise<{ calls: number; triangles: number; quality?: string }>,
  drawnSoFar?: () => Promise<number>,
  profileName?: string,
) {
  // A plain string: tsx would wrap named functions in a helper that does not exist in the page.
  await page.evaluate(
    "if (!window.__frames) { window.__frames = []; window.__ticks = 0; window.__measuring = false; (function tick(t) { window.__ticks++; if (window.__measuring) window.__frames.push(t); requestAnimationFrame(tick); })(performance.now()); }",
  );
  await page.waitForTimeout(WARMUP_S * 1000);
  const profiler = profileName ? await page.context().newCDPSession(page) : null;
  if (profiler) {
    await profiler.send("Profiler.enable");
    await profiler.send("Profiler.start");
  }
  await page.evaluate("window.__measuring = true");
  const drawnBefore = drawnSoFar ? await drawnSoFar() : 0;
  const samples: { calls: number; triangles: number; quality?: string }[] = [];
  const start = Date.now();
  while (Date.now() - start < MEASURE_S * 1000) {
    await page.waitForTimeout(500);
    samples.push(await info());
  }
  const stamps = (await page.evaluate("window.__measuring = false; window.__frames.splice(0)")) as number[];
  if (profiler && PROFILE_DIR) {
    const { profile } = await profiler.send("Profiler.stop");
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(join(PROFILE_DIR, `${profileName}.cpuprofile`), JSON.stringify(profile));
    await profiler.detach();
  }
  const drawn = drawnSoFar ? (await drawnSoFar()) - drawnBefore : 0;
  const deltas = stamps
    .slice(1)
    .map((t, i) => t - stamps[i]!)
    .sort((a, b) => a - b);
  const span = (stamps.at(-1) ?? 0) - (stamps[0] ?? 0);
  const at = (p: number) => deltas[Math.min(deltas.length - 1, Math.floor(p * deltas.length))] ?? Number.NaN;
  const figures: Figures = {
    fps: span > 0 ? (deltas.length * 1000) / span : 0,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    calls: Math.max(...samples.map((s) => s.calls)),
    // A troika text that has not laid out its glyphs yet reports an unbounded count: not a real figure.
    triangles: Math.max(0, ...samples.map((s) => s.triangles).filter(Number.isFinite)),
    extra: [
      samples.at(-1)?.quality ? `quality ${samples.at(-1)!.quality}` : "",
      // The product draws on demand: with people walking in view it should draw every animation frame.
      drawnSoFar && stamps.length > 1 ? `drew ${Math.round((drawn / stamps.length) * 100)}% of them` : "",
    ]
      .filter(Boolean)
      .join(", "),
  };
  return figures;
}

/**
 * Stops a page's scripts (and so its render loop) in the debugger while the other page is measured,
 * so the two never share the CPU; the returned function resumes it.
 */
async function pause(page: Page): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Debugger.enable");
  await cdp.send("Debugger.pause");
  return async () => {
    await cdp.send("Debugger.resume");
    await cdp.send("Debugger.disable");
    await cdp.detach();
  };
}

/** The bare scene's page: three.js from node_modules through an import map, nothing else. */
const BARE_HTML = `<!doctype html><html><head><style>html,body{margin:0;background:#dfe8ec;overflow:hidden}</style>
<script type="importmap">{"imports":{"three":"${BARE_ORIGIN}/three.module.js"}}</script></head>
<body><script type="module">import * as THREE from "three"; window.THREE = THREE; window.threeReady = true;</script></body></html>`;

interface BareOptions {
  width: number;
  height: number;
  eye: { x: number; y: number; z: number };
  spots: { x: number; z: number; yaw: number }[];
  walls: typeof LAB.walls;
  stage: typeof LAB.stage;
  screen: typeof LAB.screen;
}

/** Runs in the page: builds the bare scene and starts its render loop. */
function buildBareScene(o: BareOptions): void {
  const T = (window as unknown as { THREE: typeof ThreeModule }).THREE;
  const renderer = new T.WebGLRenderer();
  renderer.setPixelRatio(window.devicePixelRatio);
  renderer.setSize(o.width, o.height);
  document.body.appendChild(renderer.domElement);
  const scene = new T.Scene();
  scene.background = new T.Color("#dfe8ec");
  scene.fog = new T.Fog("#dfe8ec", 28, 60);
  const camera = new T.PerspectiveCamera(70, o.width / o.height, 0.05, 80);
  camera.position.set(o.eye.x, o.eye.y, o.eye.z);
  scene.add(new T.HemisphereLight("#fdfbf5", "#cdbfa6", 1.6));
  const sun = new T.DirectionalLight("#fff4e0", 1.4);
  sun.position.set(8, 14, 6);
  scene.add(sun);
  const standard = (color: string) => new T.MeshStandardMaterial({ color, roughness: 0.9 });
  const box = (w: number, h: number, d: number, x: number, y: number, z: number, color: string) => {
    const mesh = new T.Mesh(new T.BoxGeometry(w, h, d), standard(color));
    mesh.position.set(x, y, z);
    scene.add(mesh);
  };
  const width = o.walls.maxX - o.walls.minX;
  const depth = o.walls.maxZ - o.walls.minZ;
  const floor = new T.Mesh(new T.PlaneGeometry(width, depth), standard("#e0cfb0"));
  floor.rotation.x = -Math.PI / 2;
  scene.add(floor);
  box(width, 4.2, 0.3, 0, 2.1, o.walls.minZ - 0.15, "#f6f2ea");
  box(width, 4.2, 0.3, 0, 2.1, o.walls.maxZ + 0.15, "#f6f2ea");
  box(0.3, 4.2, depth, o.walls.minX - 0.15, 2.1, 0, "#f6f2ea");
  box(0.3, 4.2, depth, o.walls.maxX + 0.15, 2.1, 0, "#f6f2ea");
  const { stage, screen } = o;
  box(
    stage.maxX - stage.minX,
    stage.height,
    stage.maxZ - stage.minZ,
    0,
    stage.height / 2,
    (stage.minZ + stage.maxZ) / 2,
    "#c9b48f",
  );
  box(screen.width, screen.height, 0.05, screen.x, screen.bottom + screen.height / 2, screen.z, "#eef2f4");

  // People: a body and a head each, instanced (two draw calls), coloured per instance.
  const count = o.spots.length;
  const bodies = new T.InstancedMesh(new T.CapsuleGeometry(0.21, 0.62, 3, 10), standard("#ffffff"), count);
  const heads = new T.InstancedMesh(new T.SphereGeometry(0.15, 12, 9), standard("#ffffff"), count);
  const color = new T.Color();
  for (let i = 0; i < count; i++) {
    color.setHSL((i * 0.13) % 1, 0.5, 0.55);
    bodies.setColorAt(i, color);
    heads.setColorAt(i, color.lerp(new T.Color("#ffffff"), 0.45));
  }
  for (const mesh of [bodies, heads]) {
    mesh.frustumCulled = false;
    scene.add(mesh);
  }
  const matrix = new T.Matrix4();
  const state = { calls: 0, triangles: 0 };
  renderer.setAnimationLoop((time: number) => {
    // Everyone sways on a small circle, so the instance buffers change every frame as in the product.
    for (let i = 0; i < count; i++) {
      const spot = o.spots[i]!;
      const a = time / 1000 + i;
      const x = spot.x + Math.cos(a) * 0.3;
      const z = spot.z + Math.sin(a) * 0.3;
      bodies.setMatrixAt(i, matrix.makeRotationY(spot.yaw).setPosition(x, 0.88, z));
      heads.setMatrixAt(i, matrix.makeRotationY(spot.yaw).setPosition(x, 1.58, z));
    }
    bodies.instanceMatrix.needsUpdate = true;
    heads.instanceMatrix.needsUpdate = true;
    renderer.render(scene, camera);
    state.calls = renderer.info.render.calls;
    state.triangles = renderer.info.render.triangles;
  });
  (window as unknown as { bareInfo: () => typeof state }).bareInfo = () => ({ ...state });
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const threeFile = (name: string) => readFileSync(here(`../../node_modules/three/build/${name}`), "utf8");

const server = await startTestServer({ clientDir: process.env.BENCH_DIST ?? "dist" });
const browser = await launchChromium();
let crowd: ChildProcess | undefined;
const rows: string[] = [];

function askCrowd(message: ClientsRequest, type: ClientsReply["type"], timeoutMs: number): Promise<ClientsReply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`crowd: no "${type}" within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (reply: ClientsReply) => {
      if (reply.type !== type) return;
      clearTimeout(timer);
      crowd!.off("message", onMessage);
      resolve(reply);
    };
    crowd!.on("message", onMessage);
    crowd!.send(message);
  });
}

try {
  const session = await server.createSession("Render benchmark");
  const viewer = await newVisitor(browser);
  // The viewer joins first and so stands at the first spawn place, looking north over the plenary.
  await joinSession(viewer, `${server.baseUrl}/s/${session.code}`, "Viewer");
  const product = viewer.page;
  const self = await product.evaluate(() => window.yhteistila!.self());
  const canvas = await product.evaluate(() => {
    const element = document.querySelector(".space__canvas canvas")!;
    return { width: element.clientWidth, height: element.clientHeight };
  });

  // The still room: nobody else here, nobody moving. The page's main-thread time comes from Chromium's
  // own task accounting (CDP Performance.getMetrics), frames drawn from the product's counter.
  await product.waitForTimeout(WARMUP_S * 1000);
  const cdp = await product.context().newCDPSession(product);
  await cdp.send("Performance.enable");
  const taskSeconds = async () =>
    (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? 0;
  const idleStart = {
    task: await taskSeconds(),
    drawn: await product.evaluate(() => window.yhteistila!.framesDrawn()),
  };
  await product.waitForTimeout(MEASURE_S * 1000);
  const idleTask = (await taskSeconds()) - idleStart.task;
  const idleDrawn = (await product.evaluate(() => window.yhteistila!.framesDrawn())) - idleStart.drawn;
  await cdp.send("Performance.disable");
  await cdp.detach();
  const idleLine =
    `still room (nobody else, nobody moving), ${MEASURE_S} s: ${(idleDrawn / MEASURE_S).toFixed(1)} frames drawn/s, ` +
    `page main thread busy ${((idleTask / MEASURE_S) * 100).toFixed(1)}%`;
  console.log(idleLine);
  rows.push(idleLine);

  crowd = fork(here("./bench-clients.ts"), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  crowd.on("error", () => {});
  let joined = 0;

  console.log(
    `bench:render  ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}; canvas ${canvas.width}x${canvas.height} CSS px in a 640x360 page; ` +
      `warm-up ${WARMUP_S} s, measured ${MEASURE_S} s each`,
  );
  for (const count of COUNTS) {
    // A join can fail on a busy machine ("fetch failed" in matchmaking); ask again for the missing ones.
    for (let attempt = 0; attempt < 4 && joined < count; attempt++) {
      const reply = await askCrowd(
        {
          type: "join",
          baseUrl: server.baseUrl,
          code: session.code,
          count: count - joined,
          firstIndex: joined,
          seed: 7,
          decodeState: true,
        },
        "joined",
        30_000 + count * 1000,
      );
      if (reply.type !== "joined") break;
      if (reply.failures.length > 0) console.error(`${count - reply.joined} bots failed to join:`, reply.failures);
      joined = reply.joined;
    }
    if (joined < count) throw new Error(`only ${joined} of ${count} bots could join`);
    await product.waitForFunction((n) => window.yhteistila!.avatars().length >= n, count, { timeout: 120_000 });

    const productFigures = await measure(
      product,
      () =>
        product.evaluate(
          () => window.yhteistila!.renderInfo() as { calls: number; triangles: number; quality?: string },
        ),
      () => product.evaluate(() => window.yhteistila!.framesDrawn()),
      PROFILE_DIR ? `product-${count}` : undefined,
    );
    if (PROFILE_DIR) {
      const list = await product.evaluate(() => window.yhteistila!.drawList());
      writeFileSync(join(PROFILE_DIR, `product-${count}-draws.json`), JSON.stringify(list, null, 1));
    }

    const ticksBefore = (await product.evaluate("window.__ticks")) as number;
    const resume = await pause(product);
    const bareContext = await browser.newContext({ viewport: { width: 640, height: 360 } });
    const bare = await bareContext.newPage();
    await bare.addInitScript("globalThis.__name = (f) => f;");
    await bare.route(`${BARE_ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === "/") return route.fulfill({ contentType: "text/html", body: BARE_HTML });
      if (path === "/three.module.js" || path === "/three.core.js") {
        return route.fulfill({ contentType: "text/javascript", body: threeFile(path.slice(1)) });
      }
      return route.fulfill({ status: 404 });
    });
    await bare.goto(`${BARE_ORIGIN}/`);
    await bare.waitForFunction(() => (window as unknown as { threeReady?: boolean }).threeReady === true);
    const spots = Array.from({ length: count }, (_, i) => spawnPoint(i + 1));
    await bare.evaluate(buildBareScene, {
      width: canvas.width,
      height: canvas.height,
      eye: { x: self.x, y: self.eyeHeight, z: self.z },
      spots,
      walls: LAB.walls,
      stage: LAB.stage,
      screen: LAB.screen,
    });
    const bareFigures = await measure(
      bare,
      () =>
        bare.evaluate(() => (window as unknown as { bareInfo: () => { calls: number; triangles: number } }).bareInfo()),
      undefined,
      PROFILE_DIR ? `bare-${count}` : undefined,
    );
    await bareContext.close();
    await resume();
    const ticksDuring = ((await product.evaluate("window.__ticks")) as number) - ticksBefore;
    if (ticksDuring > Math.max(15, productFigures.fps * 4))
      console.warn(
        `the product page drew ${ticksDuring} frames while it should have been paused: the figures below are not clean`,
      );

    const line = (label: string, f: Figures) =>
      `  ${label.padEnd(16)} ${f.fps.toFixed(1).padStart(5)} fps  frame median ${f.medianMs.toFixed(0).padStart(3)} ms, ` +
      `p95 ${f.p95Ms.toFixed(0).padStart(3)} ms  draw calls ${String(f.calls).padStart(3)}  triangles ${String(f.triangles).padStart(6)}` +
      (f.extra ? `  ${f.extra}` : "");
    const ratio = productFigures.fps / Math.max(0.01, bareFigures.fps);
    const block = [
      `${count} avatars (load average ${loadavg()[0]!.toFixed(1)}):`,
      line("product", productFigures),
      line("bare three.js", bareFigures),
      `  ratio product/bare ${ratio.toFixed(2)} (goal >= 0.80)`,
    ].join("\n");
    console.log(block);
    rows.push(block);
  }
} finally {
  if (crowd) {
    await askCrowd({ type: "stop" }, "stopped", 15_000).catch(() => crowd?.kill("SIGKILL"));
  }
  await browser.close();
  await server.close();
  clearTimeout(hardTimeout);
}
process.exit(0);
