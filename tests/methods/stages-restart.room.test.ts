import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Client } from "@colyseus/sdk";
import { startApp, type RunningApp } from "../../server/app";
import { SqliteSessionStore } from "../../server/storage/sqlite-store";
import { PROTOCOL_VERSION, SESSION_ROOM, type CreateSessionResponse, type MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import type { SessionState } from "../../shared/session/state";
import { templatePlan } from "../../shared/methods/templates";
import { freePort, nextMessage, waitForState, type SdkSessionRoom } from "../support/server";
import { refusal } from "../support/rooms";
import { decodedNotes, textsSeenBy } from "../support/boards";

const dataDir = mkdtempSync(join(tmpdir(), "yhteistila-stages-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function start(port: number): Promise<RunningApp> {
  const store = new SqliteSessionStore(join(dataDir, "stages.db"));
  return startApp({ port, host: "127.0.0.1", store, clientDir: join(dataDir, "no-client") });
}

/** Joins and resolves with the room and the first methods.state it is told. */
async function enter(
  port: number,
  code: string,
  options: { name: string; personKey: string; facilitatorSecret?: string },
): Promise<{ room: SdkSessionRoom; state: MethodsState }> {
  const joinOptions = { protocol: PROTOCOL_VERSION, code, color: 0, locale: "en", ...options };
  let room: SdkSessionRoom;
  const attempt = () => new Client(`ws://127.0.0.1:${port}`).joinOrCreate<SessionState>(SESSION_ROOM, joinOptions);
  try {
    room = await attempt();
  } catch {
    // After a restart, Node's fetch may first pick a pooled connection to the old process; once more.
    room = await attempt();
  }
  await waitForState(room, (s) => s.people?.has(room.sessionId) === true);
  const first = nextMessage<MethodsState>(room, "methods.state");
  sendCommand(room, "methods.sync", {});
  return { room, state: await first };
}

const step = (host: SdkSessionRoom, from: number) => {
  const told = nextMessage<MethodsState>(host, "methods.state", 8000, (s) => s.step === from + 1);
  sendCommand(host, "methods.step.next", { from });
  return told;
};

describe("stages across a restart", () => {
  it("TRIZ's earlier board stays read-only and its tag stays set after the server restarts", async () => {
    const port = await freePort();
    let app = await start(port);
    const response = await fetch(`http://127.0.0.1:${port}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "TRIZ" }),
    });
    const session = (await response.json()) as CreateSessionResponse;
    const facilitator = {
      name: "Host",
      personKey: "host-key-0123456789abcdef",
      facilitatorSecret: session.facilitatorSecret,
    };
    const anna = { name: "Anna", personKey: "guest-key-anna-0123456789abcdef" };
    const { room: host } = await enter(port, session.code, facilitator);
    const { room: guest } = await enter(port, session.code, anna);
    // Pairs need two people.
    const { room: ben } = await enter(port, session.code, { name: "Ben", personKey: "guest-key-ben-0123456789abcdef" });
    let n = 0;
    const plan = templatePlan("triz", "en", () => `r${++n}`);
    const saved = nextMessage<MethodsState>(host, "methods.state", 5000, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan });
    await saved;
    let state: MethodsState | null = null;
    for (let from = -1; from < 3; from++) state = await step(host, from);
    const worst = state!.stages!.current[0]!;
    sendCommand(guest, "boards.addNote", { boardId: worst, text: "blame each other", color: 0 });
    await waitForState(guest, () => textsSeenBy(guest).includes("blame each other"));
    const noteId = decodedNotes(guest)[0]!.id;
    await step(host, 3);
    const tagged = nextMessage<MethodsState>(guest, "methods.state", 5000, (s) => s.stages?.tags.length === 1);
    sendCommand(guest, "boards.tagNote", { noteId });
    await tagged;
    await Promise.all([host.leave(), guest.leave(), ben.leave()]);
    await app.close();

    app = await start(port);
    const again = await enter(port, session.code, anna);
    expect(again.state.step).toBe(4);
    expect(again.state.stages).toMatchObject({ readOnly: [worst], taggable: [worst], tags: [noteId] });
    await waitForState(again.room, () => textsSeenBy(again.room).includes("blame each other"));
    expect((await refusal(again.room, "boards.editNote", { noteId, text: "changed" })).code).toBe("board_read_only");
    await again.room.leave();
    await app.close();
  });
});
