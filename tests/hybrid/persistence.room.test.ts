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

const dataDir = mkdtempSync(join(tmpdir(), "yhteistila-hybrid-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function start(port: number): Promise<RunningApp> {
  const store = new SqliteSessionStore(join(dataDir, "hybrid.db"));
  return startApp({ port, host: "127.0.0.1", store, clientDir: join(dataDir, "no-client") });
}

async function enter(port: number, options: Record<string, unknown>): Promise<SdkSessionRoom> {
  const all = { protocol: PROTOCOL_VERSION, color: 0, locale: "fi", ...options };
  let room: SdkSessionRoom;
  try {
    room = await new Client(`ws://127.0.0.1:${port}`).joinOrCreate<SessionState>(SESSION_ROOM, all);
  } catch {
    // After a restart, Node's fetch may first pick a pooled connection to the old process; once more.
    room = await new Client(`ws://127.0.0.1:${port}`).joinOrCreate<SessionState>(SESSION_ROOM, all);
  }
  await waitForState(room, (s) => s.people?.has(room.sessionId) === true);
  return room;
}

const layout = (room: SdkSessionRoom) =>
  [...room.state.physicalRooms.values()].map(({ id, name, seats, x, z }) => ({ id, name, seats, x, z }));

describe("physical rooms are part of the session's document", () => {
  it("survive a server restart with their names, seats and order; the seating starts afresh", async () => {
    const port = await freePort();
    let app = await start(port);
    const response = await fetch(`http://127.0.0.1:${port}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Restart" }),
    });
    const session = (await response.json()) as CreateSessionResponse;
    const asHost = { code: session.code, name: "Host", facilitatorSecret: session.facilitatorSecret };
    let host = await enter(port, asHost);
    sendCommand(host, "hybrid.add", { name: "Kuusi", seats: 8 });
    sendCommand(host, "hybrid.add", { name: "Koivu", seats: 4 });
    await waitForState(host, (s) => s.physicalRooms.size === 2);
    const kuusi = [...host.state.physicalRooms.values()][0]!.id;
    sendCommand(host, "hybrid.update", { id: kuusi, name: "Meeting room Kuusi", seats: 10 });
    const seated = await enter(port, { code: session.code, name: "Aino", hybrid: { room: kuusi, as: "seat" } });
    await handled(host);
    await waitForState(host, (s) => s.physicalRooms.get(kuusi)?.seated.size === 1);
    const before = layout(host);
    expect(before.map((r) => r.name)).toEqual(["Meeting room Kuusi", "Koivu"]);
    await Promise.all([host.leave(), seated.leave()]);
    await app.close();

    app = await start(port);
    // Before anyone is in, the join page already lists the rooms from storage.
    const url = `http://127.0.0.1:${port}/api/sessions/${session.code}`;
    // Node's fetch may first pick a pooled connection to the old process; once more then.
    const info = await (await fetch(url).catch(() => fetch(url))).json();
    expect(info.physicalRooms.map((r: { name: string }) => r.name)).toEqual(["Meeting room Kuusi", "Koivu"]);
    host = await enter(port, asHost);
    await waitForState(host, (s) => s.physicalRooms.size === 2);
    expect(layout(host)).toEqual(before);
    expect(host.state.physicalRooms.get(kuusi)!.seated.size).toBe(0);
    await host.leave();
    await app.close();
  });
});
