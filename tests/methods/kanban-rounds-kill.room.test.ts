import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CreateSessionResponse, MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { freePort, waitForState, type SdkSessionRoom } from "../support/server";
import { startChildServer, type ChildServer } from "../support/child-server";
import { act, joinAt, textsSeenBy } from "../support/boards";
import { toldAfter } from "../support/methods-server";

const dataDir = mkdtempSync(join(tmpdir(), "yhteistila-kanban-rounds-kill-"));
let child: ChildServer | undefined;
afterAll(async () => {
  await child?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

const key = (name: string) => `kanban-rounds-kill-${name.toLowerCase()}-key-0001`;

const columns = (state: MethodsState) => state.kanban!.topics.map((t) => `${t.text}:${t.column}`);

/** The boards titled "Topics" that `room` sees, oldest first. */
const topicBoards = (room: SdkSessionRoom) =>
  [...room.state.boards.entries()]
    .filter(([, b]) => b.title === "Topics")
    .sort(([, a], [, b]) => a.order - b.order)
    .map(([id]) => id);

describe("a server killed with SIGKILL during a plan's second Lean Coffee round", () => {
  it("comes back with both rounds' boards: the second shown, the first again after Back", async () => {
    const port = await freePort();
    child = await startChildServer({ port, dataDir, env: {} });
    const response = await fetch(`${child.baseUrl}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Two coffees cut" }),
    });
    const session = (await response.json()) as CreateSessionResponse;
    const facilitator = { name: "Host", facilitatorSecret: session.facilitatorSecret, personKey: key("host") };
    const host = await joinAt(child.baseUrl, session.code, facilitator);
    const anna = await joinAt(child.baseUrl, session.code, { name: "Anna", personKey: key("anna") });
    for (const room of [host, anna]) room.onMessage("methods.state", () => {});
    let n = 0;
    const round = () => templatePlan("leanCoffee", "en", () => `k${++n}`);
    const first = round();
    const plan = { ...first, steps: [...first.steps, ...round().steps] };
    await toldAfter(
      host,
      () => sendCommand(host, "methods.plan.save", { plan }),
      (s) => s.plan !== null,
    );
    const next = (from: number) =>
      toldAfter(
        host,
        () => sendCommand(host, "methods.step.next", { from }),
        (s) => s.step === from + 1,
      );
    const write = async (boardId: string, text: string) =>
      act(anna, "boards.addNote", { boardId, text, color: 0 }, (r) => textsSeenBy(r).includes(text));

    // Round one: two topics, the first under discussion.
    await next(-1);
    await waitForState(anna, () => topicBoards(anna).length === 1);
    await write(topicBoards(anna)[0]!, "First");
    await write(topicBoards(anna)[0]!, "Second");
    await next(0);
    await next(1);
    const roundOne = await toldAfter(
      anna,
      () => sendCommand(host, "methods.kanban.move", { action: "next", topic: null }),
      (s) => s.kanban?.topics[0]?.column === "doing",
    );

    // Round two on its own Topics board, its board acknowledged before the power cut.
    await next(2);
    await waitForState(anna, () => topicBoards(anna).length === 2);
    await write(topicBoards(anna)[1]!, "Third");
    await next(3);
    const roundTwo = await toldAfter(
      anna,
      () => sendCommand(host, "methods.step.next", { from: 4 }),
      (s) => s.step === 5 && s.kanban !== null,
    );
    expect(columns(roundTwo)).toEqual(["Third:todo"]);

    await child.kill();
    child = await startChildServer({ port, dataDir, env: {} });
    const anna2 = await joinAt(child.baseUrl, session.code, { name: "Anna", personKey: key("anna") });
    const host2 = await joinAt(child.baseUrl, session.code, facilitator);
    host2.onMessage("methods.state", () => {});
    const state = await toldAfter(
      anna2,
      () => sendCommand(anna2, "methods.sync", {}),
      () => true,
    );
    expect(state.kanban).toEqual(roundTwo.kanban);
    // Back from the second discussion: the first round's board, as it was before the cut.
    const back = await toldAfter(
      anna2,
      () => sendCommand(host2, "methods.step.back", { from: 5 }),
      (s) => s.step === 4,
    );
    expect(back.kanban).toEqual({ ...roundOne.kanban!, current: false });
    expect(columns(back)).toEqual(["First:doing", "Second:todo"]);
    await Promise.all([anna2.leave(), host2.leave()]);
  }, 90_000);
});
