import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Client } from "@colyseus/sdk";
import { startApp, type RunningApp } from "../../server/app";
import { SqliteSessionStore } from "../../server/storage/sqlite-store";
import { PROTOCOL_VERSION, SESSION_ROOM, type CreateSessionResponse } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import type { SessionState } from "../../shared/session/state";
import { freePort, waitForState, type SdkSessionRoom } from "../support/server";
import { handled } from "../support/rooms";
import { zoneWork } from "./helpers";

const dataDir = mkdtempSync(join(tmpdir(), "yhteistila-zones-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function start(port: number, now: () => number = Date.now): Promise<RunningApp> {
  const store = new SqliteSessionStore(join(dataDir, "zones.db"));
  return startApp({ port, host: "127.0.0.1", store, clientDir: join(dataDir, "no-client"), now });
}

async function joinAsHost(port: number, code: string, facilitatorSecret: string): Promise<SdkSessionRoom> {
  const options = { protocol: PROTOCOL_VERSION, code, name: "Host", color: 0, locale: "fi", facilitatorSecret };
  let room: SdkSessionRoom;
  try {
    room = await new Client(`ws://127.0.0.1:${port}`).joinOrCreate<SessionState>(SESSION_ROOM, options);
  } catch {
    // After a restart, Node's fetch may first pick a pooled connection to the old process; once more.
    room = await new Client(`ws://127.0.0.1:${port}`).joinOrCreate<SessionState>(SESSION_ROOM, options);
  }
  await waitForState(room, (s) => s.people?.has(room.sessionId) === true && s.zones.size > 0);
  return room;
}

/** The public layout of the zones as a client decoded it, in their order. */
function zoneLayout(room: SdkSessionRoom) {
  return [...room.state.zones.values()].map(({ id, name, x, z, radius, locked, capacity, letter }) => ({
    id,
    name,
    x,
    z,
    radius,
    locked,
    capacity,
    letter,
  }));
}

describe("zones and countdowns are part of the session's document", () => {
  it("survive a server restart: layout, order, locks, tasks and a running countdown", async () => {
    const port = await freePort();
    let app = await start(port);
    const response = await fetch(`http://127.0.0.1:${port}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Restart" }),
    });
    const session = (await response.json()) as CreateSessionResponse;
    let host = await joinAsHost(port, session.code, session.facilitatorSecret);

    sendCommand(host, "zones.remove", { id: "se" });
    sendCommand(host, "zones.create", { name: "Kela", x: 12, z: -13.3, radius: 2.5, capacity: 4 });
    sendCommand(host, "zones.update", { id: "nw", name: "Ideas", locked: true, radius: 3 });
    sendCommand(host, "zones.task", { target: "ne", text: "Write three risks\n- one\n- two" });
    sendCommand(host, "timers.control", { op: "start", target: "ne", seconds: 600 });
    sendCommand(host, "timers.control", { op: "start", target: "plenary", seconds: 900 });
    sendCommand(host, "timers.control", { op: "pause", target: "plenary" });
    await handled(host);
    await waitForState(host, (s) => s.zones.size === 4 && s.plenaryTimer.status === "paused");
    const before = zoneLayout(host);
    const neEndsAt = zoneWork(host.state, "ne")!.timer.stampedAt + zoneWork(host.state, "ne")!.timer.remainingMs;
    const plenaryLeft = host.state.plenaryTimer.remainingMs;
    await host.leave();
    await app.close();

    app = await start(port);
    host = await joinAsHost(port, session.code, session.facilitatorSecret);
    await waitForState(host, (s) => zoneWork(s, "ne")?.task !== undefined);
    const after = zoneLayout(host);
    expect(after).toEqual(before);
    expect(after.map((z) => z.id).slice(0, 3)).toEqual(["nw", "ne", "sw"]);
    expect(zoneWork(host.state, "ne")!.task).toBe("Write three risks\n- one\n- two");
    const ne = zoneWork(host.state, "ne")!.timer;
    expect(ne.status).toBe("running");
    expect(ne.stampedAt + ne.remainingMs).toBe(neEndsAt);
    expect(host.state.plenaryTimer.status).toBe("paused");
    expect(host.state.plenaryTimer.remainingMs).toBe(plenaryLeft);
    await host.leave();
    await app.close();
  });
});
