import { resolve } from "node:path";

// Colyseus' reconnection code reads a global WebSocket, which Node 20 lacks (Node 22+ has one).
globalThis.WebSocket ??= (await import("ws")).WebSocket as unknown as typeof globalThis.WebSocket;

const { startApp } = await import("./app");
const { storeFromEnv } = await import("./storage/from-env");
const { retentionDaysFrom } = await import("./retention/sweep");
const { voiceConfigFromEnv } = await import("./voice/config");
const { scaleOutFromEnv } = await import("./scaleout/config");
const { maxPeopleFrom } = await import("./session/limits");

const port = Number(process.env.PORT ?? 2567);
const { store, describe: whereDataIs } = await storeFromEnv();

const retentionDays = retentionDaysFrom(process.env.RETENTION_DAYS);
const scaleOut = await scaleOutFromEnv();
const app = await startApp({
  port,
  host: process.env.HOST,
  store,
  clientDir: resolve("dist"),
  retentionDays,
  maxPeople: maxPeopleFrom(process.env.MAX_PEOPLE),
  voice: voiceConfigFromEnv(),
  ...(process.env.ACCESSIBILITY_CONTACT ? { accessibilityContact: process.env.ACCESSIBILITY_CONTACT } : {}),
  ...(scaleOut ? { scaleOut } : {}),
});
console.log(`Yhteistila is running: open ${app.url}`);
console.log(`Data is kept in ${whereDataIs}`);
if (scaleOut) console.log(`Shares rooms with other processes through ${scaleOut.describe}`);
if (retentionDays) console.log(`Sessions idle for ${retentionDays} days are deleted.`);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void app.close().finally(() => process.exit(0));
  });
}
