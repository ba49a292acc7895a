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

const dataDir = mkdtempSync(join(tmpdir(), "yhteistila-methods-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function start(port: number): Promise<RunningApp> {
  const store = new SqliteSessionStore(join(dataDir, "methods.db"));
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
  // A view asks where the session is when it mounts.
  const first = nextMessage<MethodsState>(room, "methods.state");
  sendCommand(room, "methods.sync", {});
  return { room, state: await first };
}

/** Resolves with the first methods.state this client is told that satisfies `test`. */
function toldWhere(
  room: SdkSessionRoom,
  test: (state: MethodsState) => boolean,
  timeoutMs = 3000,
): Promise<MethodsState> {
  return nextMessage<MethodsState>(room, "methods.state", timeoutMs, test);
}

function counter(): () => string {
  let n = 0;
  return () => `m${++n}`;
}

describe("session plans on the server", () => {
  it("refuses a participant, stores a facilitator's plan and run, and keeps both across a restart", async () => {
    const port = await freePort();
    let app = await start(port);
    const response = await fetch(`http://127.0.0.1:${port}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Methods" }),
    });
    const session = (await response.json()) as CreateSessionResponse;
    const facilitator = {
      name: "Host",
      personKey: "host-key-0123456789abcdef",
      facilitatorSecret: session.facilitatorSecret,
    };
    let { room: host, state: hostState } = await enter(port, session.code, facilitator);
    expect(hostState).toMatchObject({ plan: null, step: -1, steps: 0, current: null });
    const guests = await Promise.all(
      ["Anna", "Ben", "Cai", "Dora"].map((name, i) =>
        enter(port, session.code, { name, personKey: `guest-key-${i}-0123456789abcdef` }),
      ),
    );
    const anna = guests[0]!.room;
    const plan = templatePlan("oneTwoFourAll", "fi", counter());

    // A participant can neither store a plan nor advance one.
    expect(await refusal(anna, "methods.plan.save", { plan })).toMatchObject({ code: "forbidden" });
    expect(await refusal(anna, "methods.step.next", { from: -1 })).toMatchObject({ code: "forbidden" });
    // Nor can a facilitator store an inconsistent plan or advance without one.
    expect(await refusal(host, "methods.step.next", { from: -1 })).toMatchObject({ code: "not_found" });
    const bad = { ...plan, steps: [{ ...plan.steps[2]! }] };
    expect(await refusal(host, "methods.plan.save", { plan: bad })).toMatchObject({
      code: "invalid_payload",
      detail: "methods.issue.needsEarlierGroups",
    });

    let told = toldWhere(host, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan });
    hostState = await told;
    expect(hostState.plan).toEqual(plan);
    expect(hostState.step).toBe(-1);

    // Next: solo, then pairs. Each participant hears the step and their own group; never the plan.
    let annaTold = toldWhere(anna, (s) => s.step === 0);
    sendCommand(host, "methods.step.next", { from: -1 });
    expect(await annaTold).toMatchObject({ plan: null, step: 0, steps: 4, current: { title: "Yksin" } });
    annaTold = toldWhere(anna, (s) => s.step === 1);
    sendCommand(host, "methods.step.next", { from: 0 });
    const pairs = await annaTold;
    expect(pairs.step).toBe(1);
    expect(pairs.group).toHaveLength(2);
    expect(pairs.group.map((m) => m.id)).toContain(anna.sessionId);
    // A second facilitator press from an outdated view does not skip a step.
    expect(await refusal(host, "methods.step.next", { from: 0 })).toMatchObject({
      code: "invalid_payload",
      detail: "methods.stale",
    });
    const pairNames = pairs.group.map((m) => m.name).sort();

    await Promise.all([host.leave(), ...guests.map((g) => g.room.leave())]);
    await app.close();

    // After a restart the session is at the same step, with the same plan and the same pairs.
    app = await start(port);
    ({ room: host, state: hostState } = await enter(port, session.code, facilitator));
    expect(hostState.plan).toEqual(plan);
    expect(hostState.step).toBe(1);
    const annaAgain = await enter(port, session.code, { name: "Anna", personKey: "guest-key-0-0123456789abcdef" });
    expect(annaAgain.state).toMatchObject({ step: 1, current: { title: plan.steps[1]!.title } });
    const partner = pairNames.find((name) => name !== "Anna")!;
    const partnerIndex = ["Anna", "Ben", "Cai", "Dora"].indexOf(partner);
    // When the partner comes back, Anna is told her pair again.
    annaTold = toldWhere(annaAgain.room, (s) => s.group.length === 2);
    const back = await enter(port, session.code, {
      name: partner,
      personKey: `guest-key-${partnerIndex}-0123456789abcdef`,
    });
    expect(back.state.group.map((m) => m.name).sort()).toEqual(pairNames);
    expect((await annaTold).group.map((m) => m.name).sort()).toEqual(pairNames);

    // Someone new arriving during the pairs step joins a pair at once.
    const eve = await enter(port, session.code, { name: "Eve", personKey: "guest-key-eve-0123456789abcdef" });
    expect(eve.state.step).toBe(1);
    expect(eve.state.group.map((m) => m.id)).toContain(eve.room.sessionId);
    expect(eve.state.group.length).toBeGreaterThanOrEqual(1);

    // Back returns to the step before, and is stored too.
    told = toldWhere(host, (s) => s.step === 0);
    sendCommand(host, "methods.step.back", { from: 1 });
    expect(await told).toMatchObject({ step: 0, plan });
    await Promise.all([host.leave(), annaAgain.room.leave(), back.room.leave(), eve.room.leave()]);
    await app.close();
  });
});
