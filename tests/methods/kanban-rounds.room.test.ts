import { describe, expect, it } from "vitest";
import type { MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { freePort, waitForState, type SdkSessionRoom } from "../support/server";
import { refusal } from "../support/rooms";
import { enterAgain, methodsSession, restartableServer, toldWhere } from "../support/methods-server";
import { act, decodedNotes, textsSeenBy } from "../support/boards";

/**
 * Lean Coffee's dot vote and its rounds on the real server: the vote ends when the discussion begins
 * (a late dot is refused and cannot reorder the queue) and Back opens it again as it was; a plan with
 * two Lean Coffee rounds keeps both boards through Back, a restart and the export.
 */

const start = restartableServer("kanban-rounds");

const queue = (state: MethodsState) => state.kanban!.topics.map((t) => `${t.text}:${t.votes}:${t.column}`);

/** The boards titled "Topics" that `room` sees, oldest first. */
function topicBoards(room: SdkSessionRoom): string[] {
  return [...room.state.boards.entries()]
    .filter(([, b]) => b.title === "Topics")
    .sort(([, a], [, b]) => a.order - b.order)
    .map(([id]) => id);
}

async function next(host: SdkSessionRoom, from: number): Promise<MethodsState> {
  const told = toldWhere(host, (s) => s.step === from + 1);
  sendCommand(host, "methods.step.next", { from });
  return told;
}

async function startVote(host: SdkSessionRoom, boardId: string): Promise<string> {
  await act(
    host,
    "boards.startVote",
    { boardId, perPerson: 2, maxPerNote: 2, anonymous: false, durationSeconds: 0 },
    (r) => [...(r.state.boards.get(boardId)!.votes?.values() ?? [])].some((v) => v.endedAt === 0),
  );
  return [...host.state.boards.get(boardId)!.votes.entries()].find(([, v]) => v.endedAt === 0)![0];
}

/** The first state this person is told from now on that passes `test` (asking once, in case it already does). */
function toldOrAsk(room: SdkSessionRoom, test: (state: MethodsState) => boolean): Promise<MethodsState> {
  const told = toldWhere(room, test);
  sendCommand(room, "methods.sync", {});
  return told;
}

const noteId = (room: SdkSessionRoom, text: string) => decodedNotes(room).find((n) => n.text === text)!.id;
const dotsUsed = (room: SdkSessionRoom, voteId: string) =>
  room.state.boardsMine.get(room.sessionId)?.used.get(voteId) ?? 0;

async function dot(room: SdkSessionRoom, voteId: string, text: string): Promise<void> {
  const used = dotsUsed(room, voteId);
  await act(room, "boards.dot", { voteId, noteId: noteId(room, text), delta: 1 }, (r) => dotsUsed(r, voteId) > used);
}

describe("Lean Coffee's dot vote and rounds on the server", () => {
  it("ends the dot vote as the discussion begins, refuses a late dot, and Back opens the vote again", async () => {
    const port = await freePort();
    const app = await start(port);
    const cast = await methodsSession(port, "Coffee vote", ["Anna", "Ben"], "kanban-vote");
    const host = cast.host.room;
    const [anna, ben] = cast.guests.map((g) => g.room) as [SdkSessionRoom, SdkSessionRoom];
    let n = 0;
    const told = toldWhere(host, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan: templatePlan("leanCoffee", "en", () => `v${++n}`) });
    await told;
    await next(host, -1);
    await waitForState(anna, () => topicBoards(anna).length === 1);
    const [topics] = topicBoards(anna) as [string];
    for (const [room, text] of [
      [anna, "Hiring"],
      [ben, "Budget"],
      [anna, "Offsite"],
    ] as const) {
      await act(room, "boards.addNote", { boardId: topics, text, color: 0 }, (r) => textsSeenBy(r).includes(text));
    }
    await next(host, 0);
    const voteId = await startVote(host, topics);
    await dot(anna, voteId, "Budget");
    await dot(anna, voteId, "Budget");
    await dot(ben, voteId, "Offsite");

    // Into Discuss: the vote is over, its results frozen, the queue built from them.
    const discussing = toldWhere(ben, (s) => s.kanban !== null);
    await next(host, 1);
    expect(queue(await discussing)).toEqual(["Budget:2:todo", "Offsite:1:todo", "Hiring:0:todo"]);
    await waitForState(ben, (s) => s.boards.get(topics)!.votes.get(voteId)!.endedAt > 0);
    const results = () =>
      [...ben.state.boards.get(topics)!.votes.get(voteId)!.results].map((r) => `${r.text}:${r.count}`);
    expect(results()).toEqual(["Budget:2", "Offsite:1", "Hiring:0"]);

    // Ben's second dot comes too late: refused with its reason, and neither the queue nor the results move.
    expect(await refusal(ben, "boards.dot", { voteId, noteId: noteId(ben, "Hiring"), delta: 1 })).toMatchObject({
      code: "vote_closed",
      command: "boards.dot",
    });
    const synced = toldWhere(ben, () => true);
    sendCommand(ben, "methods.sync", {});
    expect(queue(await synced)).toEqual(["Budget:2:todo", "Offsite:1:todo", "Hiring:0:todo"]);
    expect(results()).toEqual(["Budget:2", "Offsite:1", "Hiring:0"]);

    // Back to the vote: open again with everyone's dots where they were; Ben can place his second.
    const voting = toldWhere(ben, (s) => s.step === 1);
    sendCommand(host, "methods.step.back", { from: 2 });
    expect((await voting).kanban).toBeNull();
    await waitForState(ben, (s) => s.boards.get(topics)!.votes.get(voteId)!.endedAt === 0);
    expect(ben.state.boards.get(topics)!.votes.get(voteId)!.voters).toBe(2);
    await waitForState(anna, () => dotsUsed(anna, voteId) === 2);
    await waitForState(ben, () => dotsUsed(ben, voteId) === 1);
    await dot(ben, voteId, "Hiring");

    // Discuss again: the queue counts it (Hiring was written before Offsite, so it goes first of the two).
    const again = toldWhere(anna, (s) => s.kanban !== null);
    await next(host, 1);
    expect(queue(await again)).toEqual(["Budget:2:todo", "Hiring:1:todo", "Offsite:1:todo"]);

    // Back and Next pressed in a burst: each finds what the one before left, so the step ends with the
    // board, the vote ended once, and a last Back still opens it again.
    for (const [command, from] of [
      ["methods.step.back", 2],
      ["methods.step.next", 1],
      ["methods.step.back", 2],
      ["methods.step.next", 1],
    ] as const) {
      sendCommand(host, command, { from });
    }
    await waitForState(ben, (s) => s.boards.get(topics)!.votes.get(voteId)!.endedAt > 0);
    const settled = toldOrAsk(anna, (s) => s.step === 2 && s.kanban !== null);
    expect(queue(await settled)).toEqual(["Budget:2:todo", "Hiring:1:todo", "Offsite:1:todo"]);
    const reopened = toldWhere(anna, (s) => s.step === 1);
    sendCommand(host, "methods.step.back", { from: 2 });
    expect((await reopened).kanban).toBeNull();
    await waitForState(ben, (s) => s.boards.get(topics)!.votes.get(voteId)!.endedAt === 0);
    await waitForState(ben, () => dotsUsed(ben, voteId) === 2);

    await Promise.all([host.leave(), anna.leave(), ben.leave()]);
    await app.close();
  });

  it("keeps a board for each of two Lean Coffee rounds through Back, a restart and the export", async () => {
    const port = await freePort();
    let app = await start(port);
    const cast = await methodsSession(port, "Two coffees", ["Anna", "Ben"], "kanban-rounds");
    const { session } = cast;
    let host = cast.host.room;
    let [anna, ben] = cast.guests.map((g) => g.room) as [SdkSessionRoom, SdkSessionRoom];
    let n = 0;
    const first = templatePlan("leanCoffee", "en", () => `a${++n}`);
    const second = templatePlan("leanCoffee", "en", () => `b${++n}`);
    const plan = {
      ...first,
      steps: [...first.steps, ...second.steps.map((s, i) => (i === 2 ? { ...s, title: "Discuss again" } : s))],
    };
    const told = toldWhere(host, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan });
    await told;

    // Round one: two topics, one dot, the first topic under discussion.
    await next(host, -1);
    await waitForState(anna, () => topicBoards(anna).length === 1);
    const [one] = topicBoards(anna) as [string];
    for (const text of ["Roadmap", "Retro"]) {
      await act(anna, "boards.addNote", { boardId: one, text, color: 0 }, (r) => textsSeenBy(r).includes(text));
    }
    await next(host, 0);
    await dot(ben, await startVote(host, one), "Retro");
    await next(host, 1);
    const started = toldWhere(anna, (s) => s.kanban?.topics[0]?.column === "doing");
    sendCommand(host, "methods.kanban.move", { action: "next", topic: null });
    const roundOne = queue(await started);
    expect(roundOne).toEqual(["Retro:1:doing", "Roadmap:0:todo"]);

    // Round two on a Topics board of its own.
    await next(host, 2);
    await waitForState(anna, () => topicBoards(anna).length === 2);
    const two = topicBoards(anna)[1]!;
    for (const text of ["Tooling", "Onboarding"]) {
      await act(ben, "boards.addNote", { boardId: two, text, color: 0 }, (r) => textsSeenBy(r).includes(text));
    }
    await next(host, 3);
    await dot(anna, await startVote(host, two), "Onboarding");
    const roundTwo = toldWhere(anna, (s) => s.step === 5 && s.kanban !== null);
    await next(host, 4);
    expect(queue(await roundTwo)).toEqual(["Onboarding:1:todo", "Tooling:0:todo"]);

    // Back from the second discussion: the first round's board is shown again, as it was.
    const back = toldWhere(anna, (s) => s.step === 4);
    sendCommand(host, "methods.step.back", { from: 5 });
    const afterBack = await back;
    expect(queue(afterBack)).toEqual(roundOne);
    expect(afterBack.kanban!.current).toBe(false);
    await next(host, 4);

    // A restart keeps both: the second is shown, and Back still finds the first.
    await Promise.all([host.leave(), anna.leave(), ben.leave()]);
    await app.close();
    app = await start(port);
    const again = await enterAgain(port, cast);
    host = again.host.room;
    [anna, ben] = again.guests.map((g) => g.room) as [SdkSessionRoom, SdkSessionRoom];
    expect(queue(again.guests[0]!.state)).toEqual(["Onboarding:1:todo", "Tooling:0:todo"]);

    const json = JSON.parse(
      await (
        await fetch(`http://127.0.0.1:${port}/api/sessions/${session.code}/export.json?lang=en`, {
          headers: { authorization: `Bearer ${session.facilitatorSecret}` },
        })
      ).text(),
    ) as { leanCoffee: { boards: { step: string; topics: { topic: string; column: string }[] }[] } };
    expect(
      json.leanCoffee.boards.map((b) => ({ step: b.step, topics: b.topics.map((t) => `${t.topic}:${t.column}`) })),
    ).toEqual([
      { step: "Discuss", topics: ["Retro:doing", "Roadmap:todo"] },
      { step: "Discuss again", topics: ["Onboarding:todo", "Tooling:todo"] },
    ]);
    const md = await (
      await fetch(`http://127.0.0.1:${port}/api/sessions/${session.code}/export.md?lang=en`, {
        headers: { authorization: `Bearer ${session.facilitatorSecret}` },
      })
    ).text();
    expect(md).toContain("## Lean Coffee: topics · Discuss\n");
    expect(md).toContain("## Lean Coffee: topics · Discuss again\n");

    const restored = toldWhere(anna, (s) => s.step === 4);
    sendCommand(host, "methods.step.back", { from: 5 });
    expect(queue(await restored)).toEqual(roundOne);

    await Promise.all([host.leave(), anna.leave(), ben.leave()]);
    await app.close();
  });

  it("reads a board stored by a server from before rounds had boards of their own, and moves it to its step's record", async () => {
    const port = await freePort();
    let app = await start(port);
    const cast = await methodsSession(port, "Old coffee", ["Anna"], "kanban-legacy");
    const { session } = cast;
    let n = 0;
    const saved = toldWhere(cast.host.room, (s) => s.plan !== null);
    sendCommand(cast.host.room, "methods.plan.save", { plan: templatePlan("leanCoffee", "en", () => `o${++n}`) });
    await saved;
    for (const from of [-1, 0]) await next(cast.host.room, from);
    await waitForState(cast.guests[0]!.room, () => topicBoards(cast.guests[0]!.room).length === 1);
    const [topics] = topicBoards(cast.guests[0]!.room) as [string];
    await act(cast.guests[0]!.room, "boards.addNote", { boardId: topics, text: "Legacy", color: 0 }, (r) =>
      textsSeenBy(r).includes("Legacy"),
    );
    const opened = toldWhere(cast.guests[0]!.room, (s) => s.kanban !== null);
    await next(cast.host.room, 1);
    await opened;
    await Promise.all([cast.host.room.leave(), ...cast.guests.map((g) => g.room.leave())]);
    await app.close();

    // The board as an older server kept it: one record named "kanban".
    app = await start(port);
    const store = app.services.store;
    const kind = "methods.kanban";
    const stored = (await store.getRecord(session.code, kind, "entry-2"))!;
    await store.deleteRecord(session.code, kind, "entry-2");
    await store.saveRecord(session.code, { ...stored, id: "kanban" });
    const again = await enterAgain(port, cast);
    expect(queue(again.guests[0]!.state)).toEqual(["Legacy:0:todo"]);
    const moved = toldWhere(again.guests[0]!.room, (s) => s.kanban?.topics[0]?.column === "doing");
    sendCommand(again.host.room, "methods.kanban.move", { action: "next", topic: null });
    await moved;
    const ids = (await store.loadRecords(session.code)).filter((r) => r.kind === kind).map((r) => r.id);
    expect(ids).toEqual(["entry-2"]);

    await Promise.all([again.host.room.leave(), ...again.guests.map((g) => g.room.leave())]);
    await app.close();
  });
});
