/**
 * The server under benchmark, in a process of its own so that its CPU figure counts only the
 * server's work. Started by server.bench.ts; reports its port, then its CPU time on request.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cpuSample, exitWithParent, tellParent, watchStateProblems, type ServerRequest } from "./ipc";

// Colyseus' reconnection code reads a global WebSocket, which Node 20 lacks (see server/main.ts).
globalThis.WebSocket ??= (await import("ws")).WebSocket as unknown as typeof globalThis.WebSocket;

const { startApp } = await import("../../server/app");
const { MemorySessionStore } = await import("../../server/storage/memory-store");
const { SqliteSessionStore } = await import("../../server/storage/sqlite-store");

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

process.on("message", (request: ServerRequest) => {
  if (request.type === "cpu") tellParent({ type: "cpu", sample: cpuSample() });
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
