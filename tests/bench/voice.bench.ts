// `npm run bench:voice`: how far the embedded voice engine goes. Starts the server in a child process,
// connects simulated people (werift bots sending 50 Opus-sized packets a second when talking), all
// standing in the plenary within hearing range of each other, and prints for 10, 30 and 60 people
// with 1, 5 and all talking: packets forwarded per second, the server's CPU, and packet loss.
// Everything stays on 127.0.0.1. Figures, not assertions: read them against the README's notes.
// VOICE_ENGINE=janus measures a Janus gateway (started here) instead, with its CPU beside the server's
// and its own packet counts (read by the engine from its Admin API);
// Janus needs a link other than loopback, so run it inside a network namespace with one (the README's
// "How far the embedded engine goes" gives the command).
import { fork, type ChildProcess } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { WebSocket } from "ws";
import { Client } from "@colyseus/sdk";
import { PROTOCOL_VERSION, SESSION_ROOM, type CreateSessionResponse } from "../../shared/protocol";
import type { SessionState } from "../../shared/session/state";
import { freePort, waitForState, type SdkSessionRoom } from "../support/server";
import { VoiceBot } from "../support/voice-bot";
import { JANUS_LINK_ADDRESS, janusAvailable, startJanus, type RunningJanus } from "../support/janus";
import { readFileSync } from "node:fs";

globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;

const SIZES = [10, 30, 60];
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 4000);
const SETTLE_MS = 1500;
/**
 * How long a row waits, at most, until every listener has been told (with Janus: is subscribed to)
 * whom the hearing plan gives them. Longer than the Janus engine's request and answer timeouts.
 */
const PLAN_WAIT_MS = 20_000;
/** The whole run stops after this, whatever happens (a hung handshake must not hang the bench). */
const HARD_TIMEOUT_MS = 8 * 60_000;

const hardStop = setTimeout(() => {
  console.error(`bench:voice: stopped after ${HARD_TIMEOUT_MS / 1000} s`);
  process.exit(1);
}, HARD_TIMEOUT_MS);
hardStop.unref();

interface ServerStats {
  received: number;
  forwarded: number;
  cpuMicros: number;
  at: number;
}

function ask(child: ChildProcess): Promise<ServerStats> {
  return new Promise((resolve) => {
    const onMessage = (message: { type: string } & ServerStats) => {
      if (message.type !== "stats") return;
      child.off("message", onMessage);
      resolve(message);
    };
    child.on("message", onMessage);
    child.send({ type: "stats" });
  });
}

type Plan = Map<string, readonly string[]>;

function askPlan(child: ChildProcess): Promise<Plan> {
  return new Promise((resolve) => {
    const onMessage = (message: { type: string; plan: [string, readonly string[]][] }) => {
      if (message.type !== "plan") return;
      child.off("message", onMessage);
      resolve(new Map(message.plan));
    };
    child.on("message", onMessage);
    child.send({ type: "plan" });
  });
}

/** Planned (listener, speaker) pairs whose speaker is not in that listener's slots (bots by session id). */
function missingFromSlots(plan: Plan, bots: ReadonlyMap<string, VoiceBot>): number {
  let missing = 0;
  for (const [listener, speakers] of plan) {
    const slots = new Set(bots.get(listener)?.slots ?? []);
    missing += speakers.filter((speaker) => !slots.has(speaker)).length;
  }
  return missing;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const JANUS = process.env.VOICE_ENGINE === "janus";
/** A process's CPU time so far, µs (Linux: utime + stime from /proc, in clock ticks of 10 ms). */
function processCpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

async function main() {
  const port = await freePort();
  let janus: RunningJanus | null = null;
  if (JANUS) {
    if (!janusAvailable) throw new Error("VOICE_ENGINE=janus: run inside a namespace with YHTEISTILA_NETNS_LINK set");
    janus = await startJanus();
  }
  const hosts = janus ? ["127.0.0.1", JANUS_LINK_ADDRESS] : undefined;
  const server = fork(new URL("./voice-server.ts", import.meta.url).pathname, [], {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      PORT: String(port),
      ...(janus
        ? { JANUS_URL: janus.url, JANUS_ADMIN_URL: janus.adminUrl, JANUS_ADMIN_SECRET: janus.adminSecret }
        : {}),
    },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  await new Promise<void>((resolve) => server.once("message", () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const response = await fetch(`${base}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ title: "Voice benchmark" }),
  });
  const session = (await response.json()) as CreateSessionResponse;

  const loadAtStart = loadavg()[0]!;
  const people: { room: SdkSessionRoom; bot: VoiceBot }[] = [];
  const rows: string[][] = [];
  /** Rows whose listeners were not all given whom the plan names, however long the bench waited. */
  const notes: string[] = [];
  const startedAt = performance.now();

  for (const size of SIZES) {
    // Add people in small batches: each brings a WebRTC handshake (DTLS) on both sides.
    while (people.length < size) {
      const batch = Array.from({ length: Math.min(5, size - people.length) }, async () => {
        const sdk = new Client(`ws://127.0.0.1:${port}`);
        const room: SdkSessionRoom = await sdk.joinOrCreate<SessionState>(SESSION_ROOM, {
          protocol: PROTOCOL_VERSION,
          code: session.code,
          name: `Bot ${people.length}`,
          color: 0,
          locale: "en",
        });
        await waitForState(room, (s) => s.people?.has(room.sessionId) === true, 10_000);
        const bot = new VoiceBot(room, 0, hosts);
        return { room, bot };
      });
      for (const person of await Promise.all(batch)) people.push(person);
      await Promise.all(people.slice(-batch.length).map((p) => p.bot.connect(30_000)));
    }
    people.forEach((p, i) => Object.assign(p.bot, { number: i + 1 }));

    for (const speaking of [1, 5, size]) {
      const talkers = people.slice(0, speaking);
      for (const p of people) {
        if (talkers.includes(p)) p.bot.talk();
        else p.bot.quiet();
      }
      await sleep(SETTLE_MS);
      // Measure only once every listener's slots hold whom the plan gives them: with Janus each
      // change is a renegotiation per listener, and a slot it could not fill must show as loss
      // below rather than as a smaller "wanted out/s".
      const bots = new Map(people.map((p) => [p.room.sessionId, p.bot]));
      const waitStart = performance.now();
      let missing = missingFromSlots(await askPlan(server), bots);
      while (missing > 0 && performance.now() - waitStart < PLAN_WAIT_MS) {
        await sleep(250);
        missing = missingFromSlots(await askPlan(server), bots);
      }
      const waited = performance.now() - waitStart;
      if (waited > 250) await sleep(SETTLE_MS);
      // Server counters and bot counters are read at the same two moments, so they share one window.
      const lagBefore = performance.now();
      const before = await ask(server);
      const janusBefore = janus ? processCpuMicros(janus.pid) : 0;
      const lag = [performance.now() - lagBefore];
      for (const p of people) p.bot.resetCounts();
      const cpuBefore = process.cpuUsage();
      await sleep(MEASURE_MS);
      const lagAfter = performance.now();
      const after = await ask(server);
      const janusAfter = janus ? processCpuMicros(janus.pid) : 0;
      lag.push(performance.now() - lagAfter);
      const plan = await askPlan(server);
      const counts = new Map(people.map((p) => [p, { sent: p.bot.sent, from: new Map(p.bot.receivedFrom) }]));
      const botsCpu = process.cpuUsage(cpuBefore);
      const seconds = (after.at - before.at) / 1000;

      // Expected: every packet a talker sent, once for each listener the hearing plan gives that talker.
      const bySession = new Map(people.map((p) => [p.room.sessionId, p]));
      let expected = 0;
      let delivered = 0;
      for (const [listenerId, speakers] of plan) {
        const listener = bySession.get(listenerId);
        if (!listener) continue;
        for (const id of speakers) {
          const speaker = bySession.get(id);
          if (!speaker || !talkers.includes(speaker)) continue;
          const sentBySpeaker = counts.get(speaker)!.sent;
          expected += sentBySpeaker;
          delivered += Math.min(sentBySpeaker, counts.get(listener)!.from.get(speaker.bot.number) ?? 0);
        }
      }
      const sent = talkers.reduce((sum, p) => sum + counts.get(p)!.sent, 0);
      const ingress = (after.received - before.received) / seconds;
      const forwarded = (after.forwarded - before.forwarded) / seconds;
      const serverCpu = (after.cpuMicros - before.cpuMicros + (janusAfter - janusBefore)) / 1e6 / seconds;
      const janusCpu = (janusAfter - janusBefore) / 1e6 / seconds;
      const loss = expected > 0 ? 1 - delivered / expected : 0;
      rows.push([
        String(size),
        String(speaking),
        (sent / seconds).toFixed(0),
        ingress.toFixed(0),
        forwarded.toFixed(0),
        (expected / seconds).toFixed(0),
        `${(serverCpu * 100).toFixed(0)} %`,
        janus ? `${(janusCpu * 100).toFixed(0)} %` : "-",
        forwarded > 0 ? ((serverCpu * 1e6) / forwarded).toFixed(0) : "-",
        `${(loss * 100).toFixed(1)} %`,
        `${Math.max(...lag).toFixed(0)} ms`,
        `${(((botsCpu.user + botsCpu.system) / 1e6 / seconds) * 100).toFixed(0)} %`,
      ]);
      console.log(rows.at(-1)!.join("\t"));
      if (missing > 0) {
        notes.push(
          `${size} people, ${speaking} talking: after ${(waited / 1000).toFixed(0)} s, ${missing} planned ` +
            `(listener, speaker) pairs were still missing from the listeners' slots; they count as loss.`,
        );
      } else if (waited > 1000) {
        notes.push(
          `${size} people, ${speaking} talking: the listeners' slots took ${(waited / 1000).toFixed(1)} s more to follow the plan.`,
        );
      }
    }
    for (const p of people) p.bot.quiet();
  }

  const header = [
    "people",
    "talking",
    "sent/s",
    "server in/s",
    "forwarded/s",
    "wanted out/s",
    "server CPU",
    "of it Janus",
    "µs/packet",
    "loss",
    "server lag",
    "bots CPU",
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join("  ");
  console.log("");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log("");
  console.log(
    `server CPU is in one core's time (100 % = one core); µs/packet is server CPU time per forwarded packet ` +
      `(the least sensitive to other load); wanted out/s is what the hearing plan says the listeners should get, ` +
      `and loss is end to end (bot to server to bot) against it; ` +
      `server lag is how long the server took to answer a question from this process (its event loop); ` +
      (janus
        ? `with Janus, server CPU includes Janus's, in/s and forwarded/s are Janus's own counts, and server lag ` +
          `includes reading them from its Admin API; `
        : "") +
      `${MEASURE_MS / 1000} s per row, ${((performance.now() - startedAt) / 1000).toFixed(0)} s in all.`,
  );

  for (const note of notes) console.log(note);

  const cores = availableParallelism();
  const load = `load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end, ${cores} cores`;
  console.log(
    Math.max(loadAtStart, loadavg()[0]!) > cores * 0.75
      ? `${load}: other work was competing for the CPU, so these figures understate the engine.`
      : `${load}.`,
  );

  for (const p of people) {
    await p.bot.close();
    await p.room.leave().catch(() => undefined);
  }
  server.send({ type: "stop" });
  await new Promise((resolve) => server.once("exit", resolve));
  await janus?.close();
}

await main();
process.exit(0);
