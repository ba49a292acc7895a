import { describe, expect, it } from "vitest";
import {
  castThumb,
  countThumbs,
  discussing,
  exportKanban,
  finishTopic,
  kanbanBoardsFor,
  kanbanSchema,
  kanbanViewFor,
  openKanban,
  shownKanban,
  startNext,
  thumbsExtend,
  topicOutcome,
  type Kanban,
  type KanbanResult,
} from "../../shared/methods/kanban";
import { templatePlan } from "../../shared/methods/templates";
import type { MethodsRun } from "../../shared/methods/run";

const ok = (result: KanbanResult): Kanban => {
  if (!result.ok) throw new Error(result.key);
  return result.board;
};
const refused = (result: KanbanResult): string => (result.ok ? "accepted" : result.key);

const MIN = 60_000;
const mechanic = { topicSeconds: 420, extendVote: true, extendSeconds: 120 };
const board = () =>
  openKanban(2, mechanic, [
    { id: "a", text: "Hiring", votes: 1, createdAt: 10 },
    { id: "b", text: "Budget", votes: 3, createdAt: 30 },
    { id: "c", text: "Offsite", votes: 3, createdAt: 20 },
    { id: "d", text: "Tools", votes: 0, createdAt: 5 },
  ]);
const columns = (b: Kanban) => b.topics.map((t) => `${t.id}:${t.column}`).join(" ");

describe("Lean Coffee board", () => {
  it("queues the topics by votes, equal votes in the order they were written", () => {
    const b = board();
    expect(b.topics.map((t) => t.id)).toEqual(["c", "b", "a", "d"]);
    expect(columns(b)).toBe("c:todo b:todo a:todo d:todo");
    expect(kanbanSchema.parse(b)).toEqual(b);
    // Without an extension of its own the step extends by the default three minutes.
    expect(openKanban(0, { topicSeconds: 300, extendVote: true }, []).extendSeconds).toBe(180);
  });

  it("keeps one topic in Discussing: Start next moves it to Done and starts the next on its own clock", () => {
    let b = ok(startNext(board(), null, 1000));
    expect(columns(b)).toBe("c:doing b:todo a:todo d:todo");
    expect(discussing(b)!.endsAt).toBe(1000 + 7 * MIN);
    b = ok(startNext(b, "c", 5000));
    expect(columns(b)).toBe("c:done b:doing a:todo d:todo");
    expect(b.topics.filter((t) => t.column === "doing")).toHaveLength(1);
    expect(discussing(b)!.endsAt).toBe(5000 + 7 * MIN);
    // A doubled press (the sender still saw "c") moves nothing.
    expect(refused(startNext(b, "c", 6000))).toBe("methods.stale");
    // A Done or a count sent by someone who saw nothing in Discussing is as stale.
    expect(refused(finishTopic(b, null, 6000))).toBe("methods.stale");
    expect(refused(countThumbs(b, null, 6000))).toBe("methods.stale");
    b = ok(finishTopic(b, "b", 7000));
    expect(discussing(b)).toBeNull();
    expect(refused(finishTopic(b, "b", 7000))).toBe("methods.kanban.nothingDiscussed");
    b = ok(startNext(ok(startNext(b, null, 8000)), "a", 9000));
    expect(refused(startNext(b, "d", 9500))).toBe("methods.kanban.lastTopic");
    b = ok(finishTopic(b, "d", 10_000));
    expect(columns(b)).toBe("c:done b:done a:done d:done");
    expect(refused(startNext(b, null, 11_000))).toBe("methods.kanban.noTopics");
  });

  it("takes one thumb per person per round, only for the topic under discussion", () => {
    let b = board();
    expect(refused(castThumb(b, "u1", "c", 0, "up"))).toBe("methods.kanban.nothingDiscussed");
    b = ok(startNext(b, null, 0));
    const round = b.round;
    b = ok(castThumb(b, "u1", "c", round, "down"));
    b = ok(castThumb(b, "u1", "c", round, "up"));
    b = ok(castThumb(b, "u2", "c", round, "sideways"));
    expect(kanbanViewFor(b, "u1", true)).toMatchObject({ thumbs: { up: 1, sideways: 1, down: 0 }, mine: "up" });
    expect(kanbanViewFor(b, "u3", true).mine).toBeNull();
    expect(refused(castThumb(b, "u3", "b", round, "up"))).toBe("methods.stale");
    expect(refused(castThumb(b, "u3", "c", round - 1, "up"))).toBe("methods.stale");
    const quiet = openKanban(0, { ...mechanic, extendVote: false }, [{ id: "x", text: "x", votes: 0, createdAt: 0 }]);
    expect(refused(castThumb(ok(startNext(quiet, null, 0)), "u1", "x", 1, "up"))).toBe("methods.kanban.noThumbs");
  });

  it("extends the topic on a majority of thumbs up, else moves it to Done", () => {
    expect(thumbsExtend({ up: 2, sideways: 1, down: 0 })).toBe(true);
    expect(thumbsExtend({ up: 1, sideways: 1, down: 0 })).toBe(false);
    expect(thumbsExtend({ up: 0, sideways: 0, down: 0 })).toBe(false);

    let b = ok(startNext(board(), null, 0));
    b = ok(castThumb(b, "u1", "c", b.round, "up"));
    b = ok(castThumb(b, "u2", "c", b.round, "up"));
    b = ok(castThumb(b, "u3", "c", b.round, "down"));
    // Counted after the topic ran over: the extension runs from now.
    const extended = ok(countThumbs(b, "c", 8 * MIN));
    expect(discussing(extended)).toMatchObject({ id: "c", endsAt: 10 * MIN, extensions: 1 });
    expect(extended.thumbs).toEqual({});
    expect(extended.round).toBe(b.round + 1);
    // The new round's thumbs start empty; a tie is no majority, so the topic is done.
    let again = ok(castThumb(extended, "u1", "c", extended.round, "up"));
    again = ok(castThumb(again, "u2", "c", again.round, "sideways"));
    const done = ok(countThumbs(again, "c", 9 * MIN));
    expect(discussing(done)).toBeNull();
    expect(done.topics[0]).toMatchObject({ id: "c", column: "done", doneAt: 9 * MIN, extensions: 1 });
    expect(done.topics.map(topicOutcome)).toEqual(["extended", "waiting", "waiting", "waiting"]);
    expect(refused(countThumbs(done, "c", 9 * MIN))).toBe("methods.kanban.nothingDiscussed");
  });

  it("extends from the topic's own end when counted early", () => {
    let b = ok(startNext(board(), null, 0));
    b = ok(castThumb(b, "u1", "c", b.round, "up"));
    expect(discussing(ok(countThumbs(b, "c", MIN)))!.endsAt).toBe(9 * MIN);
    expect(refused(countThumbs(b, "b", MIN))).toBe("methods.stale");
  });

  it("exports each topic in queue order with its dots, column and outcome", () => {
    let b = ok(startNext(board(), null, 0));
    b = ok(castThumb(b, "u1", "c", b.round, "up"));
    b = ok(countThumbs(b, "c", MIN));
    b = ok(startNext(b, "c", 2 * MIN));
    expect(exportKanban(b)).toEqual([
      { topic: "Offsite", votes: 3, column: "done", outcome: "extended", extensions: 1 },
      { topic: "Budget", votes: 3, column: "doing", outcome: "discussing", extensions: 0 },
      { topic: "Hiring", votes: 1, column: "todo", outcome: "waiting", extensions: 0 },
      { topic: "Tools", votes: 0, column: "todo", outcome: "waiting", extensions: 0 },
    ]);
  });

  it("gives each Lean Coffee step a board of its own: a second round keeps the first's, Back drops only its own", () => {
    let n = 0;
    const round = () => templatePlan("leanCoffee", "en", () => `p${++n}`);
    const plan = { ...round(), steps: [...round().steps, ...round().steps] };
    const runTo = (steps: number): MethodsRun => ({
      plan,
      seed: 1,
      entries: Array.from({ length: steps }, (_, step) => ({
        step,
        startedAt: step,
        groups: [],
        from: null,
        tableGroups: 0,
        extendedSeconds: 0,
        boards: null,
        capture: null,
      })),
    });
    expect(kanbanBoardsFor([], runTo(2))).toEqual({ drop: [], open: null });
    expect(kanbanBoardsFor([], runTo(3))).toEqual({ drop: [], open: 2 });
    expect(kanbanBoardsFor([2], runTo(3))).toEqual({ drop: [], open: null });
    expect(kanbanBoardsFor([2], runTo(5))).toEqual({ drop: [], open: null });
    expect(kanbanBoardsFor([2], runTo(6))).toEqual({ drop: [], open: 5 });
    // Back from the second discussion drops its board and keeps the first round's.
    expect(kanbanBoardsFor([2, 5], runTo(5))).toEqual({ drop: [5], open: null });
    // A new plan (no steps run) drops them all.
    expect(kanbanBoardsFor([2, 5], runTo(0))).toEqual({ drop: [2, 5], open: null });
    const first = openKanban(2, mechanic, []);
    const second = openKanban(5, mechanic, []);
    expect(shownKanban([second, first])).toBe(second);
    expect(shownKanban([])).toBeNull();
  });
});
