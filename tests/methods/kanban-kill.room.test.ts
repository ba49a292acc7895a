import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CreateSessionResponse } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { freePort, waitForState } from "../support/server";
import { startChildServer, type ChildServer } from "../support/child-server";
import { act, boardWhere, joinAt, textsSeenBy } from "../support/boards";
import { toldAfter } from "../support/methods-server";

const dataDir = mkdtempSync(join(tmpdir(), "yhteistila-kanban-kill-"));
let child: ChildServer | undefined;
afterAll(async () => {
  await child?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

const key = (name: string) => `kanban-kill-${name.toLowerCase()}-key-0001`;

describe("a server killed with SIGKILL while Lean Coffee discusses a topic", () => {
  it("comes back with the board, the topic under discussion and its acknowledged thumbs", async () => {
    const port = await freePort();
    child = await startChildServer({ port, dataDir, env: {} });
    const response = await fetch(`${child.baseUrl}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Coffee cut" }),
    });
    const session = (await response.json()) as CreateSessionResponse;
    const facilitator = { name: "Host", facilitatorSecret: session.facilitatorSecret, personKey: key("host") };
    const host = await joinAt(child.baseUrl, session.code, facilitator);
    const anna = await joinAt(child.baseUrl, session.code, { name: "Anna", personKey: key("anna") });
    for (const room of [host, anna]) room.onMessage("methods.state", () => {});
    let n = 0;
    const plan = templatePlan("leanCoffee", "en", () => `k${++n}`);
    await toldAfter(
      host,
      () => sendCommand(host, "methods.plan.save", { plan }),
      (s) => s.plan !== null,
    );
    await toldAfter(
      host,
      () => sendCommand(host, "methods.step.next", { from: -1 }),
      (s) => s.step === 0,
    );
    await waitForState(anna, (s) => [...s.boards.values()].some((b) => b.title === "Topics"));
    const [topics] = boardWhere(anna, (b) => b.title === "Topics");
    for (const text of ["First", "Second"]) {
      await act(anna, "boards.addNote", { boardId: topics, text, color: 0 }, (r) => textsSeenBy(r).includes(text));
    }
    for (const from of [0, 1]) {
      await toldAfter(
        host,
        () => sendCommand(host, "methods.step.next", { from }),
        (s) => s.step === from + 1,
      );
    }
    const started = await toldAfter(
      anna,
      () => sendCommand(host, "methods.kanban.move", { action: "next", topic: null }),
      (s) => s.kanban?.topics[0]?.column === "doing",
    );
    const first = started.kanban!.topics[0]!;
    // The thumb is acknowledged (everyone told) before the power cut.
    const thumbed = await toldAfter(
      anna,
      () => sendCommand(anna, "methods.kanban.thumb", { topic: first.id, round: started.kanban!.round, thumb: "up" }),
      (s) => s.kanban?.mine === "up",
    );

    await child.kill();
    child = await startChildServer({ port, dataDir, env: {} });
    const anna2 = await joinAt(child.baseUrl, session.code, { name: "Anna", personKey: key("anna") });
    const state = await toldAfter(
      anna2,
      () => sendCommand(anna2, "methods.sync", {}),
      () => true,
    );
    expect(state.kanban).toEqual(thumbed.kanban);
    expect(state.kanban!.topics.map((t) => [t.text, t.column])).toEqual([
      ["First", "doing"],
      ["Second", "todo"],
    ]);
    await anna2.leave();
  });
});
