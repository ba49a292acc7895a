/**
 * `npm run bench:scaleout [-- --sessions 20 --people 25 --seconds 20 --warmup 3 --seed K]`
 *
 * A benchmark, not a test: many sessions at once on two server processes sharing the machine's Redis
 * (matchmaking) and PostgreSQL (sessions), as a deployment beyond one machine runs them. Sessions
 * are created alternately through either process and their people join through either too, so the
 * matchmaker sends them to whichever process holds their room. Prints each process's CPU and rooms,
 * the bytes each person receives, and move-to-seen in one session on each process.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, platform, arch, totalmem, tmpdir, loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { CreateSessionResponse } from "../../shared/protocol";
import { mulberry32 } from "../../shared/random";
import { scaleoutRun } from "../support/scaleout-run";
import { startChildServer, type ChildServer } from "../support/child-server";
import { freePort } from "../support/server";
import {
  askClients,
  cpuPercent,
  giveUpAfter,
  killChildren,
  MoveToSeen,
  standBeside,
  percentile,
  processCpu,
  progress,
  sleep,
  startChild,
} from "./harness";
import { watchStateProblems } from "./ipc";
import { SEND_HZ, Walker, zeroCounters, type WalkerCounters } from "./walker";

function readSettings(argv: readonly string[]) {
  const flag = (name: string, fallback: number, min: number) => {
    const i = argv.indexOf(`--${name}`);
    const value = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isFinite(value) || value < min) throw new Error(`bad --${name}: expected a number >= ${min}`);
    return value;
  };
  return {
    sessions: Math.floor(flag("sessions", 20, 2)),
    people: Math.floor(flag("people", 25, 3)),
    seconds: flag("seconds", 20, 1),
    warmup: flag("warmup", 3, 0),
    seed: Math.floor(flag("seed", 20_261_206, 0)),
  };
}

const settings = readSettings(process.argv.slice(2));
watchStateProblems();
const stores = scaleoutRun("bench_scale");
const dataDir = mkdtempSync(join(tmpdir(), "yhteistila-bench-scale-"));
const servers: ChildServer[] = [];
const hardTimeout = giveUpAfter((180 + settings.sessions * settings.people * 0.5 + settings.seconds) * 1000);

async function startServer(): Promise<ChildServer> {
  const port = await freePort();
  const server = await startChildServer({
    port,
    dataDir,
    env: {
      ...stores.env,
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
    },
  });
  servers.push(server);
  return server;
}

async function createSession(server: ChildServer, title: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ title }),
  });
  if (response.status !== 201) throw new Error(`creating a session: HTTP ${response.status}`);
  return ((await response.json()) as CreateSessionResponse).code;
}

/** Rooms per process as the matchmaker has them in Redis (by each room's public address). */
async function roomsPerProcess(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const cache of await stores.roomCaches()) {
    const where = cache.publicAddress ?? cache.processId ?? "?";
    counts.set(where, (counts.get(where) ?? 0) + 1);
  }
  return counts;
}

async function cleanUp(): Promise<void> {
  await Promise.all(servers.map((server) => server.kill()));
  rmSync(dataDir, { recursive: true, force: true });
  await stores.forget();
}

async function main(): Promise<number> {
  const { sessions, people, seconds, warmup, seed } = settings;
  progress.phase = "starting two server processes";
  const pair = await Promise.all([startServer(), startServer()]);

  progress.phase = "creating sessions";
  const codes: string[] = [];
  for (let i = 0; i < sessions; i++) codes.push(await createSession(pair[i % 2]!, `Benchmark ${i + 1}`));

  // Two crowd processes, each joining half of the sessions, through the process that did not create them.
  progress.phase = `joining ${sessions * people} simulated people`;
  const crowds = [startChild("./bench-clients.ts"), startChild("./bench-clients.ts")];
  const joinStarted = performance.now();
  const joinedPerCrowd = [0, 0];
  const failures: string[] = [];
  for (let i = 0; i < sessions; i++) {
    // The first two sessions keep two places for the probe and the observer of this process.
    const count = i < 2 ? people - 2 : people;
    const reply = await askClients(
      crowds[i % 2]!,
      "joined",
      {
        type: "join",
        baseUrl: pair[(i + 1) % 2]!.baseUrl,
        code: codes[i]!,
        count,
        firstIndex: i * 1000,
        seed,
        decodeState: true,
      },
      30_000 + count * 1000,
    );
    joinedPerCrowd[i % 2] = reply.joined; // each crowd counts all the walkers it holds
    failures.push(...reply.failures);
  }
  const probes = await Promise.all(
    [0, 1].map(async (i) => {
      const probe = await Walker.join(pair[i]!.baseUrl, codes[i]!, "Probe", mulberry32(seed + i));
      const observer = await Walker.join(pair[i]!.baseUrl, codes[i]!, "Observer", mulberry32(seed + 10 + i));
      probe.start();
      observer.start();
      await standBeside(observer, probe);
      const timing = new MoveToSeen(probe, observer, seed + 20 + i);
      timing.start();
      return { probe, observer, timing };
    }),
  );
  const joined = joinedPerCrowd[0]! + joinedPerCrowd[1]! + 4;
  const joinSeconds = (performance.now() - joinStarted) / 1000;
  if (failures.length > 0)
    console.error(`only ${joined} of ${sessions * people} joined; first errors:`, failures.slice(0, 5));

  progress.phase = "warming up";
  await sleep(warmup * 1000);

  progress.phase = "measuring";
  const crowdStart = await Promise.all(crowds.map((crowd) => askClients(crowd, "reset", { type: "reset" })));
  for (const { probe, observer } of probes) probe.counters = observer.counters = zeroCounters();
  const cpuStart = pair.map((server) => processCpu(server.process.pid!));
  const loadBefore = loadavg()[0]!;
  for (const { timing } of probes) timing.measuring = true;
  const measureStarted = performance.now();
  await sleep(seconds * 1000);
  for (const { timing } of probes) timing.measuring = false;
  const measuredSeconds = (performance.now() - measureStarted) / 1000;
  const cpuEnd = pair.map((server) => processCpu(server.process.pid!));
  const reports = await Promise.all(crowds.map((crowd) => askClients(crowd, "report", { type: "report" })));
  const rooms = await roomsPerProcess();

  progress.phase = "stopping";
  for (const { timing } of probes) timing.stop();
  await Promise.all(probes.flatMap(({ probe, observer }) => [probe.leave(), observer.leave()]));
  await Promise.all(
    crowds.map((crowd) => askClients(crowd, "stopped", { type: "stop" }, 20_000).catch(() => crowd.kill())),
  );

  const all: WalkerCounters[] = [
    ...reports.flatMap((report) => report.perClient),
    ...probes.flatMap(({ probe, observer }) => [probe.counters, observer.counters]),
  ];
  const rates = all.map((c) => c.bytes / measuredSeconds).sort((a, b) => a - b);
  const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
  const sent = mean(all.map((c) => c.posesSent / measuredSeconds));
  const closed =
    reports.reduce((sum, report) => sum + report.closedUnexpectedly, 0) +
    probes.filter(({ probe, observer }) => probe.closedUnexpectedly || observer.closedUnexpectedly).length;
  const decodeErrors = reports.reduce((sum, report) => sum + report.cpu.stateProblems.decodeErrors, 0);
  const kb = (v: number) => `${(v / 1000).toFixed(1)} kB`;
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const cpuList = cpus();
  const args = process.argv.slice(2).join(" ");
  const lines = [
    "Yhteistila scale-out benchmark",
    `command:      npm run bench:scaleout${args ? ` -- ${args}` : ""}`,
    `machine:      ${cpuList.length} CPUs (${cpuList[0]?.model.trim() ?? "unknown"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${platform()} ${arch()}; load ${loadBefore.toFixed(1)} before measuring`,
    `setup:        ${sessions} sessions of ${people} walkers (${joined} joined in ${joinSeconds.toFixed(0)} s) on two server processes, Redis matchmaking, PostgreSQL storage; poses at ${SEND_HZ} Hz; measured ${measuredSeconds.toFixed(1)} s`,
    "",
  ];
  pair.forEach((server, i) => {
    const cpu = cpuPercent(cpuStart[i]!, cpuEnd[i]!);
    const address = server.baseUrl.replace("http://", "");
    lines.push(
      `process ${i + 1}:    ${cpu.total.toFixed(1)}% of one core (user ${cpu.user.toFixed(1)}%, system ${cpu.system.toFixed(1)}%), ${rooms.get(address) ?? 0} rooms`,
    );
  });
  probes.forEach(({ timing }, i) => {
    const sorted = [...timing.latencies].sort((a, b) => a - b);
    lines.push(
      `latency ${i + 1}:    move -> seen in a session of process ${i + 1}, n=${sorted.length} of ${timing.markersSent}: ` +
        `p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1) ?? Number.NaN)}`,
    );
  });
  lines.push(
    `received:     ${kb(mean(rates))}/s per person (min ${kb(rates[0] ?? 0)}, max ${kb(rates.at(-1) ?? 0)}); sent ${sent.toFixed(1)} poses/s per person`,
    `health:       ${closed} unexpected disconnects, ${decodeErrors} decoding errors (must both be 0)`,
    `client side:  the walkers' processes used ${reports.map((r, i) => `${cpuPercent(crowdStart[i]!.cpu, r.cpu).total.toFixed(0)}%`).join(" and ")} of a core (near 100%: they could not keep up)`,
  );
  console.log(lines.join("\n"));
  const healthy =
    failures.length === 0 && closed === 0 && decodeErrors === 0 && probes.every((p) => p.timing.latencies.length > 0);
  if (!healthy) console.error("benchmark: the run was not clean; see the figures above");
  return healthy ? 0 : 1;
}

main()
  .then(async (code) => {
    clearTimeout(hardTimeout);
    await cleanUp().catch((error: unknown) => console.error("cleaning up:", error));
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(`benchmark failed while ${progress.phase}:`, error instanceof Error ? error.message : error);
    killChildren();
    await cleanUp().catch(() => undefined);
    process.exit(1);
  });
