// The server under test for `npm run bench:voice`, in its own process so that its CPU time is its own.
// Answers the parent's "stats" requests with the voice engines' packet counters and its CPU time, and
// "plan" with the hearing plan (who each listener should hear).
import { WebSocket } from "ws";
import { matchMaker } from "@colyseus/core";

globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;

const { startApp } = await import("../../server/app");
const { MemorySessionStore } = await import("../../server/storage/memory-store");
const { DEFAULT_VOICE_CONFIG } = await import("../../server/voice/config");
const { voiceRooms } = await import("../../server/voice/commands");

const app = await startApp({
  port: Number(process.env.PORT),
  host: "127.0.0.1",
  store: new MemorySessionStore(),
  clientDir: "/nonexistent",
  voice: {
    ...DEFAULT_VOICE_CONFIG,
    loopbackOnly: true,
    engine:
      process.env.VOICE_ENGINE === "inline" || process.env.VOICE_ENGINE === "janus"
        ? process.env.VOICE_ENGINE
        : "worker",
    ...(process.env.JANUS_URL ? { janusUrl: process.env.JANUS_URL } : {}),
    ...(process.env.JANUS_ADMIN_URL ? { janusAdminUrl: process.env.JANUS_ADMIN_URL } : {}),
    ...(process.env.JANUS_ADMIN_SECRET ? { janusAdminSecret: process.env.JANUS_ADMIN_SECRET } : {}),
  },
});

process.on("message", async (message: { type: string }) => {
  if (message.type === "stats") {
    let received = 0;
    let forwarded = 0;
    for (const cache of await matchMaker.query({})) {
      const room = matchMaker.getLocalRoomById(cache.roomId);
      const stats = room ? await voiceRooms.get(room as never)?.engine?.stats() : undefined;
      received += stats?.received ?? 0;
      forwarded += stats?.forwarded ?? 0;
    }
    const cpu = process.cpuUsage();
    process.send?.({ type: "stats", received, forwarded, cpuMicros: cpu.user + cpu.system, at: performance.now() });
  } else if (message.type === "plan") {
    // Whom each listener should hear now: the bench waits until they are told so, and measures against it.
    const plan: [string, readonly string[]][] = [];
    for (const cache of await matchMaker.query({})) {
      const room = matchMaker.getLocalRoomById(cache.roomId);
      const voice = room ? voiceRooms.get(room as never) : undefined;
      if (voice) plan.push(...voice.currentPlan);
    }
    process.send?.({ type: "plan", plan });
  } else if (message.type === "stop") {
    await app.close();
    process.exit(0);
  }
});
process.send?.({ type: "ready" });
