/**
 * The server under benchmark, in a process of its own so that its CPU figure counts only the
 * server's work. Started by server.bench.ts; reports its port, then its CPU time on request.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session as InspectorSession } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { cpuSample, exitWithParent, tellParent, watchStateProblems, type ServerRequest, type TickTimes } from "./ipc";

// Colyseus' reconnection code reads a global WebSocket, which Node 20 lacks (see server/main.ts).
globalThis.WebSocket ??= (await import("ws")).WebSocket as unknown as typeof globalThis.WebSocket;

const { startApp } = await import("../../server/app");
const { MemorySessionStore } = await import("../../server/storage/memory-store");
const { SqliteSessionStore } = await import("../../server/storage/sqlite-store");
const { SessionRoom } = await import("../../server/session/room");
const { SessionSerializer } = await import("../../server/session/serializer");

/**
 * Times every patch tick from outside, wrapping the two methods on their prototypes (the product's
 * code is untouched): Room.broadcastPatch runs the room clock's timers (the interest recomputation,
 * the coarse poses) and then the serializer's applyPatches, which encodes one view per client and
 * sends. Both wall time and CPU time: on a busy machine the wall time also counts the moments the
 * process waited for a core, the CPU time only the work.
 */
interface Timings {
  wall: number[];
  cpu: number[];
}
const tick: Timings = { wall: [], cpu: [] };
const encode: Timings = { wall: [], cpu: [] };
let ticksSince = performance.now();
function timed<T extends object, K extends keyof T>(proto: T, name: K, into: Timings): void {
  const original = proto[name] as (...args: unknown[]) => unknown;
  (proto as Record<K, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    try {
      return original.apply(this, args);
    } finally {
      const used = process.cpuUsage(cpu);
      into.cpu.push((used.user + used.system) / 1000);
      into.wall.push(performance.now() - started);
    }
  } as T[K];
}
timed(SessionRoom.prototype, "broadcastPatch", tick);
timed(SessionSerializer.prototype, "applyPatches", encode);

function tickTimes(): TickTimes {
  const figures = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
    return { mean: sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length), p95: at(0.95), max: at(1) };
  };
  const now = performance.now();
  const times: TickTimes = {
    count: tick.wall.length,
    tick: figures(tick.wall),
    tickCpu: figures(tick.cpu),
    encode: figures(encode.wall),
    encodeCpu: figures(encode.cpu),
    busyPerSecond: tick.cpu.reduce((sum, v) => sum + v, 0) / ((now - ticksSince) / 1000),
  };
  for (const list of [tick.wall, tick.cpu, encode.wall, encode.cpu]) list.length = 0;
  ticksSince = now;
  return times;
}

exitWithParent();
watchStateProblems();
const useSqlite = process.env.BENCH_STORAGE === "sqlite";
const dataDir = useSqlite ? mkdtempSync(join(tmpdir(), "yhteistila-bench-")) : undefined;
const store = dataDir ? new SqliteSessionStore(join(dataDir, "bench.db")) : new MemorySessionStore();
const app = await startApp({
  port: 0,
  host: "127.0.0.1",
  store,
  clientDir: join(tmpdir(), "yhteistila-no-client"),
  // BENCH_INTEREST=off: every client receives every full-rate pose, what interest management saves.
  interestManagement: process.env.BENCH_INTEREST !== "off",
});

/**
 * BENCH_PROFILE_DIR: a V8 CPU profile of the measured seconds only, from the first "cpu" request to
 * the second (a --cpu-prof profile is written at exit, which a server stopped with hundreds of
 * clients still connected may not reach, and it would mix the joins into the figures).
 */
const profileDir = process.env.BENCH_PROFILE_DIR;
const profiler = profileDir ? new InspectorSession() : undefined;
let profiling = false;
async function profileMeasuredSeconds(): Promise<void> {
  if (!profiler || !profileDir) return;
  if (!profiling) {
    profiling = true;
    profiler.connect();
    await profiler.post("Profiler.enable");
    await profiler.post("Profiler.start");
    return;
  }
  const { profile } = await profiler.post("Profiler.stop");
  mkdirSync(profileDir, { recursive: true });
  const file = join(profileDir, `server-${new Date().toISOString().replace(/[:.]/g, "-")}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  profiler.disconnect();
}

process.on("message", (request: ServerRequest) => {
  if (request.type === "cpu") {
    tellParent({ type: "cpu", sample: { ...cpuSample(), ticks: tickTimes() } });
    void profileMeasuredSeconds();
  }
  if (request.type === "stop") {
    const forceExit = setTimeout(() => process.exit(1), 5000);
    void app.close().finally(() => {
      clearTimeout(forceExit);
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      tellParent({ type: "stopped" });
      process.exit(0);
    });
  }
});
tellParent({ type: "ready", port: app.port });
