/**
 * Messages between the benchmark (server.bench.ts) and its two child processes: the server
 * (bench-server.ts) and the simulated load clients (bench-clients.ts). Children exit when the
 * parent goes away, so a killed benchmark leaves nothing running.
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import type { WalkerCounters } from "./walker";

/** What a process has used, read at one moment: CPU time (µs), memory, and its event loop's stalls. */
export interface CpuSample {
  user: number;
  system: number;
  /** When it was read, ms of a monotonic clock. */
  at: number;
  rss: number;
  /** Event loop delay since the previous sample, ms: how late timers and sockets were served. */
  loopDelay: { p99: number; max: number };
  /** Lines this process has logged so far that mean its state went wrong (see watchStateProblems). */
  stateProblems: StateProblems;
  /** The server only: its patch ticks since the previous sample (see bench-server.ts). */
  ticks?: TickTimes;
}

/**
 * Where a server's patch tick spent its time since the previous sample, ms (wall and CPU): the whole tick
 * (broadcastPatch: the clock's timers, such as the interest recomputation, then the encode and
 * the sends), and the encode-and-send part alone (the serializer's applyPatches, one view per client).
 */
export interface TickTimes {
  count: number;
  tick: Spread;
  tickCpu: Spread;
  encode: Spread;
  encodeCpu: Spread;
  /** CPU milliseconds of tick per second of wall time: the share of one core the patch loop takes. */
  busyPerSecond: number;
}

export interface Spread {
  mean: number;
  p95: number;
  max: number;
}

/** Counts of logged lines that mean a client's state went wrong, or that the encoder outgrew its buffer. */
export interface StateProblems {
  /** The schema decoder's complaints on a client (`"refId" not found`, decode errors). */
  decodeErrors: number;
  /** "@colyseus/schema buffer overflow" on the server: in this product it came with corrupted state. */
  schemaWarnings: number;
}

const stateProblems: StateProblems = { decodeErrors: 0, schemaWarnings: 0 };

/**
 * Counts, in this process, the log lines that mean state went wrong. Colyseus reports them only as
 * console output, so a benchmark that does not count them can pass while clients see garbage.
 */
export function watchStateProblems(): void {
  for (const level of ["error", "warn"] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      const first = typeof args[0] === "string" ? args[0] : args[0] instanceof Error ? args[0].message : "";
      if (first.includes("buffer overflow")) stateProblems.schemaWarnings++;
      else if (/refId|decod/i.test(first)) stateProblems.decodeErrors++;
      original(...args);
    };
  }
}

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

export function cpuSample(): CpuSample {
  const { user, system } = process.cpuUsage();
  const sample = {
    user,
    system,
    at: performance.now(),
    rss: process.memoryUsage.rss(),
    loopDelay: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
    stateProblems: { ...stateProblems },
  };
  loopDelay.reset();
  return sample;
}

export type ServerRequest = { type: "cpu" } | { type: "stop" };
export type ServerReply = { type: "ready"; port: number } | { type: "cpu"; sample: CpuSample } | { type: "stopped" };

export type ClientsRequest =
  | {
      type: "join";
      baseUrl: string;
      code: string;
      count: number;
      firstIndex: number;
      seed: number;
      /** false: once joined, the walkers decode nothing they receive (see `--lean-crowd`). */
      decodeState: boolean;
    }
  | { type: "reset" }
  | { type: "report" }
  | { type: "stop" };
export type ClientsReply =
  | { type: "joined"; joined: number; failures: string[] }
  | { type: "reset"; cpu: CpuSample }
  | {
      type: "report";
      perClient: WalkerCounters[];
      /** For each walker, how many people's full-rate pose it holds (the rest it has only coarsely). */
      fullPosesHeld: number[];
      closedUnexpectedly: number;
      cpu: CpuSample;
    }
  | { type: "stopped" };

/** Ends a child process when its parent disconnects (or is killed), so nothing outlives the benchmark. */
export function exitWithParent(): void {
  process.on("disconnect", () => process.exit(0));
}

/** Sends one message to the parent; children only ever talk to the benchmark. */
export function tellParent(message: ServerReply | ClientsReply): void {
  process.send?.(message);
}
