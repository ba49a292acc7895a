/**
 * `npm run bench:server [-- --clients N --crowds C --seconds S --warmup W --seed K --sqlite --no-interest --compare --profile DIR --crowd-nice N --lean-crowd]`
 *
 * `--crowds C` spreads the simulated people over C processes (default: one per 170, so 500 people
 * use three): one process cannot decode 500 clients' state and walk them at 20 Hz by itself, and a
 * crowd that falls behind would measure itself instead of the server.
 *
 * `--no-interest` (or BENCH_INTEREST=off) switches interest management off: every client then
 * receives every full-rate pose, which is what it saves. `--compare` runs without it, then with it,
 * and prints the ratio of the bytes each client receives.
 *
 * `--profile DIR` writes a V8 CPU profile of the server process's measured seconds into DIR (open it
 * in Chrome's DevTools, Performance tab): where the server's time goes, function by function.
 *
 * What a 2-core machine can show at 500 people: the three crowd processes together need over a
 * core, so with the server's core they fill the machine, the server's ticks fall below 20 Hz (the
 * "patch ticks" rate), and the move-to-seen latency measures waiting for a core: read the ticks'
 * CPU figures (the server's own work) alongside it (the "warning: ... capacity" line says when the
 * machine had no core to spare). `--crowd-nice N` (0-19) runs the crowd at a lower priority than
 * the server, the probe and the observer, as browsers on other machines would be; the crowd then
 * falls behind instead (the "sent" line). `--lean-crowd` keeps the crowd at full pace but has it
 * skip decoding the state patches once joined (it still receives and counts every byte, and reads
 * its near-pose messages; the probe and the observer decode everything): the decoding is each
 * browser's own work on its own machine, and at 500 it was most of the crowd's CPU, which then
 * left the server under one core.
 *
 * A benchmark, not a test: how much one session costs the server when N people walk about.
 * Separate processes keep the figures apart: the server (bench-server.ts, whose own CPU time is
 * reported), the crowd of N-2 simulated participants (bench-clients.ts, one or more), and this one, which holds
 * a probe and an observer: the probe stamps a marker into its head pitch at random moments and the
 * observer times how long the marker takes to show up in its decoded state.
 */
import { cpus, platform, arch, totalmem, loadavg, setPriority } from "node:os";
import { performance } from "node:perf_hooks";
import type { CreateSessionResponse } from "../../shared/protocol";
import { WALK } from "../../shared/movement/rules";
import { INTEREST } from "../../shared/movement/interest";
import { mulberry32 } from "../../shared/random";
import { cpuSample, watchStateProblems, type CpuSample, type Spread } from "./ipc";
import {
  askClients,
  askServer,
  cpuPercent,
  giveUpAfter,
  killChildren,
  MoveToSeen,
  standBeside,
  percentile,
  progress,
  sleep,
  startChild,
} from "./harness";
import { SEND_HZ, SPEED_RANGE, Walker, zeroCounters, type WalkerCounters } from "./walker";
import { poseTable } from "../support/poses";

interface Settings {
  clients: number;
  crowds: number;
  seconds: number;
  warmup: number;
  seed: number;
  sqlite: boolean;
  interest: boolean;
  compare: boolean;
  profile: string | undefined;
  crowdNice: number;
  leanCrowd: boolean;
}

function readSettings(argv: readonly string[]): Settings {
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const number = (value: string | undefined, fallback: number, min: number): number => {
    const parsed = value === undefined ? fallback : Number(value);
    if (!Number.isFinite(parsed) || parsed < min) throw new Error(`bad value ${value}: expected a number >= ${min}`);
    return parsed;
  };
  const clients = Math.floor(number(flag("clients") ?? process.env.BENCH_CLIENTS, 100, 2));
  return {
    clients,
    crowds: Math.floor(number(flag("crowds"), Math.ceil((clients - 2) / 170), 1)),
    seconds: number(flag("seconds") ?? process.env.BENCH_SECONDS, 20, 1),
    warmup: number(flag("warmup"), 3, 0),
    seed: Math.floor(number(flag("seed"), 20_240_601, 0)),
    sqlite: argv.includes("--sqlite") || process.env.BENCH_STORAGE === "sqlite",
    interest: !argv.includes("--no-interest") && process.env.BENCH_INTEREST !== "off",
    compare: argv.includes("--compare"),
    profile: flag("profile"),
    crowdNice: Math.min(19, Math.floor(number(flag("crowd-nice"), 0, 0))),
    leanCrowd: argv.includes("--lean-crowd"),
  };
}

const settings = readSettings(process.argv.slice(2));
watchStateProblems();
// Never hang: an awaited event that never comes must not keep the benchmark running.
const hardTimeout = giveUpAfter(
  (settings.compare ? 2 : 1) * (120 + settings.clients * 1.5 + settings.warmup + settings.seconds) * 1000,
);

/** What one run measured, for `--compare`. */
interface RunFigures {
  healthy: boolean;
  bytesPerClient: number;
  p95: number;
  serverCpu: number;
}

async function run(interest: boolean): Promise<RunFigures> {
  const { clients, seconds, warmup, seed } = settings;
  const crowdSize = clients - 2;

  progress.phase = "starting the server";
  const server = startChild("./bench-server.ts", {
    ...(settings.sqlite ? { BENCH_STORAGE: "sqlite" } : {}),
    BENCH_INTEREST: interest ? "on" : "off",
    ...(settings.profile ? { BENCH_PROFILE_DIR: settings.profile } : {}),
    // Joining hundreds takes a busy small machine more than Colyseus' default 15 s per seat; the
    // joins are not what is measured, and a crowd short of people would measure a smaller session.
    COLYSEUS_SEAT_RESERVATION_TIME: process.env.COLYSEUS_SEAT_RESERVATION_TIME ?? "60",
  });
  const { port } = await askServer(server, "ready", undefined, 60_000);
  const baseUrl = `http://127.0.0.1:${port}`;

  progress.phase = "creating a session";
  const created = await fetch(`${baseUrl}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ title: "Benchmark" }),
  });
  if (created.status !== 201) throw new Error(`creating a session: HTTP ${created.status}`);
  const { code } = (await created.json()) as CreateSessionResponse;

  progress.phase = `joining ${crowdSize} simulated people`;
  // Each crowd process walks a share of the people, numbered on from the one before.
  const shares = Array.from(
    { length: settings.crowds },
    (_, i) => Math.floor(((i + 1) * crowdSize) / settings.crowds) - Math.floor((i * crowdSize) / settings.crowds),
  );
  const crowds = shares.map(() => startChild("./bench-clients.ts"));
  // The crowd stands in for browsers on other machines; with --crowd-nice it yields the CPU to the
  // server, the probe and the observer, so the latency is theirs and not the wait behind 498
  // simulated pages (a crowd that falls behind shows in the "sent" line and the warnings).
  for (const crowd of crowds) if (crowd.pid !== undefined) setPriority(crowd.pid, settings.crowdNice);
  const joinStarted = performance.now();
  const joinedEach = await Promise.all(
    crowds.map((crowd, i) =>
      askClients(
        crowd,
        "joined",
        {
          type: "join",
          baseUrl,
          code,
          count: shares[i]!,
          firstIndex: 2 + shares.slice(0, i).reduce((sum, n) => sum + n, 0),
          seed: seed + i * 7919,
          decodeState: !settings.leanCrowd,
        },
        // Generous: on a busy 2-core machine 500 joins have taken over 4 minutes.
        30_000 + crowdSize * 1000,
      ),
    ),
  );
  const joined = {
    joined: joinedEach.reduce((sum, j) => sum + j.joined, 0),
    failures: joinedEach.flatMap((j) => j.failures),
  };
  const joinSeconds = (performance.now() - joinStarted) / 1000;
  if (joined.failures.length > 0 || joined.joined !== crowdSize) {
    console.error(`only ${joined.joined} of ${crowdSize} joined; first errors:`, joined.failures.slice(0, 5));
  }

  progress.phase = "joining the probe and the observer";
  // What one person waits for when joining a session where everyone else is already walking: from
  // asking for a seat to having the whole state, themselves in it (the crowd's burst of joins is not that).
  const lateJoinStarted = performance.now();
  const probe = await Walker.join(baseUrl, code, "Probe", mulberry32(seed));
  const lateJoinMs = [performance.now() - lateJoinStarted];
  const observer = await Walker.join(baseUrl, code, "Observer", mulberry32(seed + 1));
  lateJoinMs.push(performance.now() - lateJoinStarted - lateJoinMs[0]!);
  probe.start();
  observer.start();
  await standBeside(observer, probe);

  const timing = new MoveToSeen(probe, observer, seed + clients);
  timing.start();

  progress.phase = "warming up";
  await sleep(warmup * 1000);

  progress.phase = "measuring";
  const crowdStarts = await Promise.all(crowds.map((crowd) => askClients(crowd, "reset", { type: "reset" })));
  probe.counters = zeroCounters();
  observer.counters = zeroCounters();
  const serverStart = (await askServer(server, "cpu", { type: "cpu" })).sample;
  const hereStart = cpuSample(); // also starts this process's event loop figures afresh
  const measureStarted = performance.now();
  timing.measuring = true;
  await sleep(seconds * 1000);
  timing.measuring = false;
  const measuredSeconds = (performance.now() - measureStarted) / 1000;
  const serverEnd = (await askServer(server, "cpu", { type: "cpu" })).sample;
  const hereEnd = cpuSample();
  const crowdEnds = await Promise.all(crowds.map((crowd) => askClients(crowd, "report", { type: "report" })));
  // The crowd's tables, or with --lean-crowd (whose walkers keep none) the probe's and the observer's.
  const crowdHeld = crowdEnds.flatMap((report) => report.fullPosesHeld);
  const fullPosesHeld = crowdHeld.length > 0 ? crowdHeld : [probe, observer].map((w) => poseTable(w.room)?.size ?? 0);
  const nearHeld = fullPosesHeld.reduce((sum, n) => sum + n, 0) / Math.max(1, fullPosesHeld.length);
  const probeCounters = [{ ...probe.counters }, { ...observer.counters }];

  progress.phase = "stopping";
  timing.stop();
  await Promise.all([probe.leave(), observer.leave()]);
  await Promise.all(
    crowds.map((crowd) => askClients(crowd, "stopped", { type: "stop" }, 15_000).catch(() => crowd.kill())),
  );
  await askServer(server, "stopped", { type: "stop" }, 10_000).catch(() => server.kill());

  const all: WalkerCounters[] = [...crowdEnds.flatMap((report) => report.perClient), ...probeCounters];
  const perSecond = (pick: (c: WalkerCounters) => number) => all.map((c) => pick(c) / measuredSeconds);
  const bytesRates = perSecond((c) => c.bytes).sort((a, b) => a - b);
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
  const sentRate = mean(perSecond((c) => c.posesSent));
  const total = (pick: (c: WalkerCounters) => number) => all.reduce((sum, c) => sum + pick(c), 0);
  const serverCpu = cpuPercent(serverStart, serverEnd);
  const crowdCpus = crowdEnds.map((end, i) => cpuPercent(crowdStarts[i]!.cpu, end.cpu).total);
  const hereCpu = cpuPercent(hereStart, hereEnd).total;
  // Everything the benchmark ran, against what the machine has: near the top, latency includes
  // waiting for a core. The load average counts every process on the machine, the benchmark's too.
  const benchCpu = serverCpu.total + hereCpu + crowdCpus.reduce((sum, cpu) => sum + cpu, 0);
  const load = loadavg()[0] ?? 0;
  const ticks = serverEnd.ticks;
  const tickLine = (f: Spread) => `mean ${f.mean.toFixed(1)}, p95 ${f.p95.toFixed(1)}, max ${f.max.toFixed(1)} ms`;
  const sorted = [...timing.latencies].sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const stall = (sample: Pick<CpuSample, "loopDelay">) =>
    `${sample.loopDelay.p99.toFixed(0)} / ${sample.loopDelay.max.toFixed(0)} ms`;
  const kb = (v: number) => `${(v / 1000).toFixed(1)} kB`;
  const closed =
    crowdEnds.reduce((sum, report) => sum + report.closedUnexpectedly, 0) +
    [probe, observer].filter((w) => w.closedUnexpectedly).length;
  const args = process.argv.slice(2).join(" ");
  const command =
    process.env.npm_lifecycle_event === "bench:server"
      ? `npm run bench:server${args ? ` -- ${args}` : ""}`
      : `tsx tests/bench/server.bench.ts${args ? ` ${args}` : ""}`;
  const cpuList = cpus();
  const crowdSamples = crowdEnds.map((report) => report.cpu);
  const crowdStall = {
    loopDelay: {
      p99: Math.max(...crowdSamples.map((sample) => sample.loopDelay.p99)),
      max: Math.max(...crowdSamples.map((sample) => sample.loopDelay.max)),
    },
  };
  const problems = [serverEnd, ...crowdSamples, hereEnd].reduce(
    (sum, sample) => ({
      decodeErrors: sum.decodeErrors + sample.stateProblems.decodeErrors,
      schemaWarnings: sum.schemaWarnings + sample.stateProblems.schemaWarnings,
    }),
    { decodeErrors: 0, schemaWarnings: 0 },
  );

  console.log(
    [
      "Yhteistila server benchmark",
      `command:      ${command}`,
      `machine:      ${cpuList.length} CPUs (${cpuList[0]?.model.trim() ?? "unknown"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${platform()} ${arch()}`,
      `setup:        ${clients} people in one session (${joined.joined} in ${crowds.length} crowd process${crowds.length > 1 ? "es" : ""} at niceness ${settings.crowdNice}${settings.leanCrowd ? ", state patches not decoded" : ""} + probe + observer), ` +
        `walking ${SPEED_RANGE[0]}-${SPEED_RANGE[1]} m/s, poses at ${SEND_HZ} Hz; storage ${settings.sqlite ? "SQLite" : "memory"}; seed ${seed}`,
      `interest:     ${interest ? "on" : "off (every client receives every full pose)"}; ` +
        `a client holds ${nearHeld.toFixed(1)} full poses on average (the others: coarse farPose at ${1000 / INTEREST.farPoseMs} Hz)`,
      `timing:       joined in ${joinSeconds.toFixed(1)} s, warm-up ${warmup} s, measured ${measuredSeconds.toFixed(1)} s; ` +
        `a late joiner into the walking crowd took ${lateJoinMs.map((ms) => ms.toFixed(0)).join(" and ")} ms (seat, connection, whole state)`,
      "",
      `server CPU:   ${serverCpu.total.toFixed(1)}% of one core (user ${serverCpu.user.toFixed(1)}%, system ${serverCpu.system.toFixed(1)}%), RSS ${(serverEnd.rss / 2 ** 20).toFixed(0)} MiB, ` +
        `${((serverCpu.total * 1e4) / Math.max(1, total((c) => c.posesSent) / measuredSeconds)).toFixed(0)} µs per pose received (all server CPU / poses)`,
      ...(ticks
        ? [
            `patch ticks:  ${(ticks.count / measuredSeconds).toFixed(1)}/s, ${ticks.busyPerSecond.toFixed(0)} ms CPU per second; ` +
              `whole tick (timers such as the interest recomputation, then encode + send) CPU ${tickLine(ticks.tickCpu)}, wall ${tickLine(ticks.tick)}`,
            `              encode + send alone CPU ${tickLine(ticks.encodeCpu)}, wall ${tickLine(ticks.encode)} (wall > CPU: the server waited for a core)`,
          ]
        : []),
      `received:     ${kb(mean(bytesRates))}/s per client (min ${kb(bytesRates[0] ?? 0)}, max ${kb(bytesRates.at(-1) ?? 0)}), ` +
        `${mean(perSecond((c) => c.messages)).toFixed(1)} messages/s per client (WebSocket payload bytes, frame headers excluded)`,
      `sent:         ${sentRate.toFixed(1)} poses/s per client`,
      `latency:      move -> seen by another client, n=${sorted.length} of ${timing.markersSent} markers: ` +
        `p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? Number.NaN)}`,
      `corrections:  ${total((c) => c.corrections)} movement corrections, ${total((c) => c.errors)} error messages, ${closed} unexpected disconnects`,
      `state:        ${problems.decodeErrors} decoding errors on clients, ${problems.schemaWarnings} schema buffer warnings on the server (must both be 0)`,
      `client side:  crowd process${crowds.length > 1 ? "es" : ""} used ${crowdCpus.map((cpu) => `${cpu.toFixed(1)}%`).join(", ")} of one core (if near 100%, the crowd could not keep up); ` +
        `probe + observer ${hereCpu.toFixed(1)}%; the benchmark's processes together ${benchCpu.toFixed(0)}% of the machine's ${cpuList.length * 100}%; ` +
        `load average ${load.toFixed(1)} on ${cpuList.length} CPUs`,
      `stalls:       event loop delay p99 / max: server ${stall(serverEnd)}, crowd ${stall(crowdStall)}, ` +
        `probe+observer ${stall(hereEnd)} (at 3 m/s a pause over ${(WALK.burst / 3).toFixed(1)} s anywhere leads to corrections: see WALK.burst)`,
    ].join("\n"),
  );

  if (benchCpu > cpuList.length * 85 || load > cpuList.length) {
    console.log(
      `warning:      the machine was near or past its capacity (the benchmark ${benchCpu.toFixed(0)}% of ${cpuList.length * 100}%, load ${load.toFixed(1)}): ` +
        "the latency includes waiting for a core, not only the server's work; compare the patch ticks' CPU figures",
    );
  }
  const worstStall = Math.max(...[serverEnd, ...crowdSamples, hereEnd].map((sample) => sample.loopDelay.max));
  if (sentRate < SEND_HZ * 0.9 || worstStall > 500) {
    console.log(
      `warning:      the clients sent ${sentRate.toFixed(1)} of ${SEND_HZ} poses/s and an event loop stalled for ` +
        `${worstStall.toFixed(0)} ms: the machine was too busy for these figures to describe the server`,
    );
  }

  const healthy =
    joined.joined === crowdSize &&
    closed === 0 &&
    sorted.length > 0 &&
    problems.decodeErrors === 0 &&
    problems.schemaWarnings === 0;
  if (!healthy) console.error("benchmark: the run was not clean; see the figures above");
  return {
    healthy,
    bytesPerClient: mean(bytesRates),
    p95: percentile(sorted, 95),
    serverCpu: serverCpu.total,
  };
}

async function main(): Promise<number> {
  if (!settings.compare) return (await run(settings.interest)).healthy ? 0 : 1;
  const without = await run(false);
  console.log("");
  const withInterest = await run(true);
  const ratio = withInterest.bytesPerClient / without.bytesPerClient;
  console.log(
    [
      "",
      `comparison:   ${settings.clients} people, per client ${(withInterest.bytesPerClient / 1000).toFixed(1)} kB/s with interest management, ` +
        `${(without.bytesPerClient / 1000).toFixed(1)} kB/s without: ${ratio.toFixed(2)}x (goal at most 0.30x)`,
      `              server CPU ${withInterest.serverCpu.toFixed(1)}% with, ${without.serverCpu.toFixed(1)}% without; ` +
        `p95 move -> seen ${withInterest.p95.toFixed(1)} ms with, ${without.p95.toFixed(1)} ms without (goal under 60 ms)`,
    ].join("\n"),
  );
  return without.healthy && withInterest.healthy ? 0 : 1;
}

main()
  .then((code) => {
    clearTimeout(hardTimeout);
    // Exit now rather than wait for stray sockets to wind down.
    process.exit(code);
  })
  .catch((error: unknown) => {
    console.error(`benchmark failed while ${progress.phase}:`, error instanceof Error ? error.message : error);
    killChildren();
    process.exit(1);
  });
