import { describe, expect, it } from "vitest";
import { type MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { freePort, nextMessage, waitForState, type SdkSessionRoom } from "../support/server";
import { refusal } from "../support/rooms";
import { enter, methodsSession, restartableServer, toldWhere } from "../support/methods-server";
import { act, boardWhere, decodedNotes, textsSeenBy } from "../support/boards";

/**
 * Lean Coffee on the real server: the voted topics queue on the board, a participant cannot move it,
 * thumbs are counted (extend, then done), a late joiner sees the board, a restart keeps it, exported.
 */

const start = restartableServer("kanban");

const columns = (state: MethodsState) => state.kanban!.topics.map((t) => `${t.text}:${t.column}`);

describe("Lean Coffee board on the server", () => {
  it("queues voted topics, refuses participants' moves, counts thumbs, survives a restart and is exported", async () => {
    const port = await freePort();
    let app = await start(port);
    const cast = await methodsSession(port, "Lean Coffee", ["Anna", "Ben"], "kanban");
    const { session, facilitator } = cast;
    let host = cast.host.room;
    let [anna, ben] = cast.guests.map((g) => g.room) as [SdkSessionRoom, SdkSessionRoom];
    let n = 0;
    const plan = templatePlan("leanCoffee", "en", () => `s${++n}`);
    let told = toldWhere(host, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan });
    await told;

    // Topics step: everyone writes on the plenary's Topics board.
    told = toldWhere(host, (s) => s.step === 0);
    sendCommand(host, "methods.step.next", { from: -1 });
    expect((await told).kanban).toBeNull();
    await waitForState(anna, () => {
      try {
        return boardWhere(anna, (b) => b.title === "Topics") !== undefined;
      } catch {
        return false;
      }
    });
    const [topics] = boardWhere(anna, (b) => b.title === "Topics");
    const write = (room: SdkSessionRoom, text: string) =>
      act(room, "boards.addNote", { boardId: topics, text, color: 0 }, (r) => textsSeenBy(r).includes(text));
    await write(anna, "Hiring");
    await write(ben, "Budget");
    await write(anna, "Offsite");
    expect(await refusal(anna, "methods.kanban.move", { action: "next", topic: null })).toMatchObject({
      code: "forbidden",
    });

    // Vote step: Budget gets 3 dots, Offsite 1, Hiring none.
    told = toldWhere(host, (s) => s.step === 1);
    sendCommand(host, "methods.step.next", { from: 0 });
    await told;
    await act(
      host,
      "boards.startVote",
      { boardId: topics, perPerson: 2, maxPerNote: 2, anonymous: false, durationSeconds: 0 },
      (r) => r.state.boards.get(topics)!.votes?.size === 1,
    );
    const voteId = [...host.state.boards.get(topics)!.votes.keys()][0]!;
    const ids = Object.fromEntries(decodedNotes(anna).map((note) => [note.text, note.id]));
    for (const [room, note] of [
      [anna, "Budget"],
      [anna, "Budget"],
      [ben, "Budget"],
      [ben, "Offsite"],
    ] as const) {
      const dotted = nextMessage(room, "error", 300).then(
        (e) => Promise.reject(new Error(JSON.stringify(e))),
        () => undefined,
      );
      sendCommand(room, "boards.dot", { voteId, noteId: ids[note]!, delta: 1 });
      await dotted;
    }
    await waitForState(host, (s) => s.boards.get(topics)!.votes.get(voteId)!.voters === 2);

    // Discuss step: the queue, most votes first; only a facilitator moves it.
    const everyone = [host, anna, ben].map((r) => toldWhere(r, (s) => s.kanban !== null));
    sendCommand(host, "methods.step.next", { from: 1 });
    const views = await Promise.all(everyone);
    expect(columns(views[1]!)).toEqual(["Budget:todo", "Offsite:todo", "Hiring:todo"]);
    expect(views[1]!.kanban!.topics.map((t) => t.votes)).toEqual([3, 1, 0]);
    expect(views[1]!.kanban).toMatchObject({ topicSeconds: 420, extendSeconds: 180, extendVote: true });
    const budget = views[1]!.kanban!.topics[0]!.id;
    expect(await refusal(anna, "methods.kanban.move", { action: "next", topic: null })).toMatchObject({
      code: "forbidden",
    });
    expect(await refusal(host, "methods.kanban.move", { action: "count", topic: null })).toMatchObject({
      detail: "methods.kanban.nothingDiscussed",
    });
    expect(await refusal(anna, "methods.kanban.thumb", { topic: budget, round: 0, thumb: "up" })).toMatchObject({
      detail: "methods.kanban.nothingDiscussed",
    });
    expect(await refusal(anna, "methods.kanban.thumb", { topic: budget, round: 0, thumb: "sure" })).toMatchObject({
      code: "invalid_payload",
    });

    told = toldWhere(anna, (s) => s.kanban?.topics[0]?.column === "doing");
    sendCommand(host, "methods.kanban.move", { action: "next", topic: null });
    let state = await told;
    const round = state.kanban!.round;
    const firstEnd = state.kanban!.topics[0]!.endsAt!;
    expect(firstEnd - (state.startedAt ?? 0)).toBeGreaterThanOrEqual(420_000);
    // A doubled press (the sender saw nothing in Discussing) is stale.
    expect(await refusal(host, "methods.kanban.move", { action: "next", topic: null })).toMatchObject({
      detail: "methods.stale",
    });

    // Two thumbs up of two: the topic is extended by three minutes and a new round begins.
    told = toldWhere(host, (s) => s.kanban?.thumbs.up === 2);
    sendCommand(anna, "methods.kanban.thumb", { topic: budget, round, thumb: "up" });
    sendCommand(ben, "methods.kanban.thumb", { topic: budget, round, thumb: "down" });
    sendCommand(ben, "methods.kanban.thumb", { topic: budget, round, thumb: "up" });
    state = await told;
    expect(state.kanban!.thumbs).toEqual({ up: 2, sideways: 0, down: 0 });
    // Thumbs are counted, never named: the facilitator sees only their own (none).
    expect(state.kanban!.mine).toBeNull();
    told = toldWhere(anna, (s) => s.kanban?.topics[0]?.extensions === 1);
    sendCommand(host, "methods.kanban.move", { action: "count", topic: budget });
    state = await told;
    expect(state.kanban!.topics[0]).toMatchObject({ column: "doing", endsAt: firstEnd + 180_000 });
    expect(state.kanban).toMatchObject({ round: round + 1, mine: null, thumbs: { up: 0, sideways: 0, down: 0 } });
    expect(await refusal(ben, "methods.kanban.thumb", { topic: budget, round, thumb: "up" })).toMatchObject({
      detail: "methods.stale",
    });

    // One up, one sideways: no majority, so the topic is done; the next one starts.
    told = toldWhere(host, (s) => s.kanban?.thumbs.sideways === 1 && s.kanban.thumbs.up === 1);
    sendCommand(anna, "methods.kanban.thumb", { topic: budget, round: round + 1, thumb: "up" });
    sendCommand(ben, "methods.kanban.thumb", { topic: budget, round: round + 1, thumb: "sideways" });
    await told;
    told = toldWhere(anna, (s) => s.kanban?.topics[0]?.column === "done");
    sendCommand(host, "methods.kanban.move", { action: "count", topic: budget });
    expect(columns(await told)).toEqual(["Budget:done", "Offsite:todo", "Hiring:todo"]);
    const offsite = state.kanban!.topics[1]!.id;
    told = toldWhere(anna, (s) => s.kanban?.topics[1]?.column === "doing");
    sendCommand(host, "methods.kanban.move", { action: "next", topic: null });
    const offsiteRound = (await told).kanban!.round;

    // A late joiner sees the board as it is.
    const cai = await enter(port, session.code, { name: "Cai", personKey: "kanban-guest-2-0123456789abcdef" });
    expect(columns(cai.state)).toEqual(["Budget:done", "Offsite:doing", "Hiring:todo"]);
    await cai.room.leave();

    // A restart keeps the board and this round's thumbs.
    told = toldWhere(host, (s) => s.kanban?.thumbs.down === 1);
    sendCommand(anna, "methods.kanban.thumb", { topic: offsite, round: offsiteRound, thumb: "down" });
    await told;
    await Promise.all([host.leave(), anna.leave(), ben.leave()]);
    await app.close();
    app = await start(port);
    host = (await enter(port, session.code, facilitator)).room;
    const back = await enter(port, session.code, cast.guestsAs[0]!);
    anna = back.room;
    ben = (await enter(port, session.code, cast.guestsAs[1]!)).room;
    expect(columns(back.state)).toEqual(["Budget:done", "Offsite:doing", "Hiring:todo"]);
    expect(back.state.kanban).toMatchObject({ mine: "down", thumbs: { down: 1 } });
    told = toldWhere(anna, (s) => s.kanban?.topics[1]?.column === "done");
    sendCommand(host, "methods.kanban.move", { action: "done", topic: offsite });
    await told;

    const exported = async (format: string) =>
      (
        await fetch(`http://127.0.0.1:${port}/api/sessions/${session.code}/export.${format}?lang=en`, {
          headers: { authorization: `Bearer ${session.facilitatorSecret}` },
        })
      ).text();
    const json = JSON.parse(await exported("json")) as {
      leanCoffee: { boards: { step: string; topics: unknown[] }[] };
    };
    expect(json.leanCoffee.boards.map((b) => b.step)).toEqual(["Discuss"]);
    expect(json.leanCoffee.boards[0]!.topics).toEqual([
      { topic: "Budget", votes: 3, column: "done", outcome: "extended", extensions: 1 },
      { topic: "Offsite", votes: 1, column: "done", outcome: "done", extensions: 0 },
      { topic: "Hiring", votes: 0, column: "todo", outcome: "waiting", extensions: 0 },
    ]);
    const md = await exported("md");
    expect(md).toContain("## Lean Coffee: topics");
    expect(md).toContain("| Budget | 3 | Done | Discussed, extended 1× |");
    expect(md).toContain("| Hiring | 0 | To discuss | Not reached |");
    expect(await exported("csv")).toContain(
      '"Lean Coffee: topics","","Done","Budget","","3","1","","Discussed, extended 1×"',
    );

    // Back before the discuss step drops the board.
    told = toldWhere(host, (s) => s.step === 1);
    sendCommand(host, "methods.step.back", { from: 2 });
    expect((await told).kanban).toBeNull();
    expect(await refusal(host, "methods.kanban.move", { action: "next", topic: null })).toMatchObject({
      detail: "methods.kanban.none",
    });

    await Promise.all([host.leave(), anna.leave(), ben.leave()]);
    await app.close();
  });
});
