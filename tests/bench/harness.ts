/**
 * What every load benchmark needs around its measurement: child processes driven over IPC that never
 * outlive the benchmark, a hard time limit, CPU and percentile arithmetic, and the move-to-seen probe.
 */
import { nearPose, poseTable } from "../support/poses";
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { floorSpot } from "../../shared/movement/pose-codec";
import { between, mulberry32 } from "../../shared/random";
import { LAB } from "../../shared/space/layout";
import type { ClientsReply, ClientsRequest, CpuSample, ServerReply, ServerRequest } from "./ipc";
import type { Walker } from "./walker";

const children: ChildProcess[] = [];

/** What the benchmark is doing now, for the message when it gives up. */
export const progress = { phase: "starting" };

/** Kills every child and exits when the benchmark has not finished within `ms`. */
export function giveUpAfter(ms: number): NodeJS.Timeout {
  return setTimeout(() => {
    console.error(`benchmark: gave up after ${Math.round(ms / 1000)} s while ${progress.phase}`);
    killChildren();
    process.exit(2);
  }, ms);
}

export function killChildren(): void {
  for (const child of children) child.kill("SIGKILL");
}

/** Starts one of the benchmark's helper scripts (next to this file) as a child process with IPC. */
export function startChild(file: string, env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), [], {
    env: { ...process.env, ...env },
    execArgv: process.execArgv,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.push(child);
  // A send to a child that has just died reports through its callback; keep the event from crashing us.
  child.on("error", () => {});
  return child;
}

/** Sends `message` (if any) and resolves with the child's next reply of type `type`. */
function reply<R extends { type: string }, T extends R["type"]>(
  child: ChildProcess,
  type: T,
  message: object | undefined,
  timeoutMs: number,
): Promise<Extract<R, { type: T }>> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    const onMessage = (received: R) => {
      if (received.type !== type) return;
      done();
      resolve(received as Extract<R, { type: T }>);
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`child process exited (code ${code}) before replying "${type}"`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no "${type}" reply within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("message", onMessage);
    child.on("exit", onExit);
    if (child.exitCode !== null || child.signalCode !== null) return onExit(child.exitCode);
    if (message) {
      child.send(message, (error) => {
        if (!error) return;
        done();
        reject(error);
      });
    }
  });
}

export const askServer = <T extends ServerReply["type"]>(
  child: ChildProcess,
  type: T,
  message?: ServerRequest,
  ms = 10_000,
) => reply<ServerReply, T>(child, type, message, ms);

export const askClients = <T extends ClientsReply["type"]>(
  child: ChildProcess,
  type: T,
  message?: ClientsRequest,
  ms = 10_000,
) => reply<ClientsReply, T>(child, type, message, ms);

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export function cpuPercent(
  from: Pick<CpuSample, "user" | "system" | "at">,
  to: Pick<CpuSample, "user" | "system" | "at">,
): { total: number; user: number; system: number } {
  const wallUs = (to.at - from.at) * 1000;
  const user = ((to.user - from.user) / wallUs) * 100;
  const system = ((to.system - from.system) / wallUs) * 100;
  return { total: user + system, user, system };
}

/** Another process's CPU time so far (µs), read from /proc: for servers the benchmark did not fork itself. */
export function processCpu(pid: number): Pick<CpuSample, "user" | "system" | "at"> {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const tick = 1e6 / 100; // USER_HZ is 100 on Linux
  return { user: Number(fields[11]) * tick, system: Number(fields[12]) * tick, at: performance.now() };
}

/**
 * The observer stands a metre from the probe, as a listener does (the two arrive at spawn places
 * far apart): with interest management the probe is near it and its full pose comes at 20 Hz.
 */
export async function standBeside(observer: Walker, probe: Walker): Promise<void> {
  const probeSpot = floorSpot(nearPose(probe.room)!);
  const inward = Math.hypot(probeSpot.x - LAB.plenary.x, probeSpot.z - LAB.plenary.z) || 1;
  await observer.teleportTo({
    x: probeSpot.x + (LAB.plenary.x - probeSpot.x) / inward,
    z: probeSpot.z + (LAB.plenary.z - probeSpot.z) / inward,
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Move-to-seen: the probe stamps a fresh head pitch at random moments (so they do not lock onto the
 * 20 Hz rhythms of the sender or the server's patches); the observer notes when each first appears.
 */
export class MoveToSeen {
  /** Only markers sent while measuring count. */
  measuring = false;
  markersSent = 0;
  readonly latencies: number[] = [];
  private readonly pending = new Map<number, { at: number; measured: boolean }>();
  private marker = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly random;

  constructor(
    private readonly probe: Walker,
    observer: Walker,
    seed: number,
  ) {
    this.random = mulberry32(seed);
    let lastSeen = Number.NaN;
    poseTable(observer.room)!.onChange(() => {
      // The full pose only: the observer stands near the probe (a far pose carries no pitch).
      const pitch = nearPose(observer.room, probe.room.sessionId)?.pitch;
      if (pitch === undefined || pitch === lastSeen) return;
      lastSeen = pitch;
      const sent = this.pending.get(pitch);
      if (!sent) return;
      this.pending.delete(pitch);
      if (sent.measured) this.latencies.push(performance.now() - sent.at);
    });
  }

  start(): void {
    this.marker = (this.marker % 30_000) + 1;
    this.pending.set(this.marker, { at: performance.now(), measured: this.measuring });
    if (this.measuring) this.markersSent++;
    this.probe.pitchSteps = this.marker;
    this.probe.sendPose();
    // 100-250 ms apart: with its 20 Hz walk the probe stays under the server's 30 poses/s limit,
    // past which poses are dropped silently.
    this.timer = setTimeout(() => this.start(), between(this.random, 100, 250));
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
