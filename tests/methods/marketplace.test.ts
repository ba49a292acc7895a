import { describe, expect, it } from "vitest";
import {
  harvestTopics,
  marketNow,
  marketViewFor,
  moveTopic,
  openMarket,
  postTopic,
  setNoteTaker,
  slotTasks,
  slotWindows,
  withdrawTopic,
  type Market,
  type MarketResult,
} from "../../shared/methods/marketplace";
import { templatePlan } from "../../shared/methods/templates";
import type { MethodsRun } from "../../shared/methods/run";

const ok = (result: MarketResult): Market => {
  if (!result.ok) throw new Error(result.key);
  return result.market;
};
const key = (result: MarketResult) => (result.ok ? "ok" : result.key);

const ZONES = ["A", "B", "C", "D"].map((letter) => ({ id: `z${letter}`, letter }));
const posting = { slot: -1, closed: false };
const anna = { uid: "anna", name: "Anna", facilitator: false, zone: "" };
const ben = { uid: "ben", name: "Ben", facilitator: false, zone: "" };
const host = { uid: "host", name: "Host", facilitator: true, zone: "" };

let n = 0;
const plan = templatePlan("openSpace", "en", () => `s${++n}`);
/** The Open Space template run up to step `upTo` (0 opening, 1 marketplace, 2..4 slots, 5 closing), a minute a step. */
const runTo = (upTo: number): MethodsRun => ({
  plan,
  seed: 1,
  entries: Array.from({ length: upTo + 1 }, (_, step) => ({
    step,
    startedAt: step * 60_000,
    groups: [],
    tableGroups: 0,
    from: null,
    extendedSeconds: 0,
    boards: null,
    capture: null,
  })),
});

describe("Open Space marketplace", () => {
  it("opens a grid of slots by the room's first zones", () => {
    const market = openMarket(1, { slots: 3, zones: 6 }, ZONES);
    expect(market.zones).toHaveLength(4);
    expect(openMarket(1, { slots: 3, zones: 2 }, ZONES).zones.map((z) => z.letter)).toEqual(["A", "B"]);
  });

  it("posts one topic a cell, convened and noted by its poster, within bounds and length", () => {
    let market = openMarket(1, { slots: 3, zones: 6 }, ZONES);
    market = ok(postTopic(market, posting, anna, { slot: 0, zone: "zA", title: "  Open   data " }));
    expect(market.topics[0]).toMatchObject({ title: "Open data", convener: "anna", noteTaker: "anna" });
    expect(key(postTopic(market, posting, ben, { slot: 0, zone: "zA", title: "x" }))).toBe("methods.market.taken");
    expect(key(postTopic(market, posting, ben, { slot: 3, zone: "zA", title: "x" }))).toBe("methods.market.noCell");
    expect(key(postTopic(market, posting, ben, { slot: -1, zone: "zA", title: "x" }))).toBe("methods.market.noCell");
    expect(key(postTopic(market, posting, ben, { slot: 0, zone: "zZ", title: "x" }))).toBe("methods.market.noCell");
    expect(key(postTopic(market, posting, ben, { slot: 0, zone: "zB", title: "   " }))).toBe("methods.market.badTitle");
    expect(key(postTopic(market, posting, ben, { slot: 0, zone: "zB", title: "x".repeat(81) }))).toBe(
      "methods.market.badTitle",
    );
    // Nobody convenes two sessions at once.
    expect(key(postTopic(market, posting, anna, { slot: 0, zone: "zB", title: "Two" }))).toBe("methods.market.busy");
    expect(key(postTopic(market, posting, anna, { slot: 1, zone: "zB", title: "Two" }))).toBe("ok");
  });

  it("lets the convener or a facilitator move and withdraw a topic, nobody else", () => {
    let market = openMarket(1, { slots: 3, zones: 6 }, ZONES);
    market = ok(postTopic(market, posting, anna, { slot: 0, zone: "zA", title: "Roads" }));
    market = ok(postTopic(market, posting, ben, { slot: 0, zone: "zB", title: "Rails" }));
    expect(key(moveTopic(market, posting, ben, "t1", { slot: 1, zone: "zA" }))).toBe("methods.market.notYours");
    expect(key(withdrawTopic(market, posting, ben, "t1"))).toBe("methods.market.notYours");
    expect(key(moveTopic(market, posting, anna, "t1", { slot: 0, zone: "zB" }))).toBe("methods.market.taken");
    market = ok(moveTopic(market, posting, anna, "t1", { slot: 2, zone: "zC" }));
    expect(market.topics[0]).toMatchObject({ slot: 2, zone: "zC" });
    market = ok(moveTopic(market, posting, host, "t2", { slot: 2, zone: "zD" }));
    market = ok(withdrawTopic(market, posting, host, "t1"));
    expect(market.topics.map((t) => t.id)).toEqual(["t2"]);
    expect(key(withdrawTopic(market, posting, anna, "t1"))).toBe("methods.market.noTopic");
  });

  it("keeps slots that are over and a closed marketplace as they were", () => {
    let market = openMarket(1, { slots: 3, zones: 6 }, ZONES);
    market = ok(postTopic(market, posting, anna, { slot: 0, zone: "zA", title: "Roads" }));
    const second = { slot: 1, closed: false };
    expect(key(postTopic(market, second, ben, { slot: 0, zone: "zB", title: "x" }))).toBe("methods.market.pastSlot");
    expect(key(moveTopic(market, second, anna, "t1", { slot: 2, zone: "zA" }))).toBe("methods.market.pastSlot");
    expect(key(withdrawTopic(market, second, anna, "t1"))).toBe("methods.market.pastSlot");
    const closed = { slot: 2, closed: true };
    expect(key(postTopic(market, closed, ben, { slot: 2, zone: "zB", title: "x" }))).toBe("methods.market.closed");
  });

  it("hands note-taking to whoever stands in the zone, or to anyone a facilitator names", () => {
    let market = openMarket(1, { slots: 3, zones: 6 }, ZONES);
    market = ok(postTopic(market, posting, anna, { slot: 0, zone: "zA", title: "Roads" }));
    const benAway = { ...ben, zone: "zB" };
    expect(key(setNoteTaker(market, posting, benAway, "t1", ben))).toBe("methods.market.notInZone");
    expect(key(setNoteTaker(market, posting, ben, "t1", anna))).toBe("methods.market.notYours");
    market = ok(setNoteTaker(market, posting, { ...ben, zone: "zA" }, "t1", ben));
    expect(market.topics[0]).toMatchObject({ noteTaker: "ben", noteTakerName: "Ben" });
    // The convener takes it back from anywhere; a facilitator names anyone.
    market = ok(setNoteTaker(market, posting, anna, "t1", anna));
    market = ok(setNoteTaker(market, posting, host, "t1", { uid: "cai", name: "Cai" }));
    expect(market.topics[0]!.noteTakerName).toBe("Cai");
  });

  it("follows the run: posting at the marketplace step, a slot per step after it, closed at the harvest", () => {
    const market = openMarket(1, { slots: 3, zones: 6 }, ZONES);
    expect(marketNow(market, runTo(1))).toEqual({ slot: -1, closed: false });
    expect(marketNow(market, runTo(2))).toEqual({ slot: 0, closed: false });
    expect(marketNow(market, runTo(4))).toEqual({ slot: 2, closed: false });
    expect(marketNow(market, runTo(5)).closed).toBe(true);
    expect(slotWindows(market, runTo(5))).toEqual([
      { slot: 0, from: 120_000, until: 180_000 },
      { slot: 1, from: 180_000, until: 240_000 },
      { slot: 2, from: 240_000, until: 300_000 },
    ]);
  });

  it("harvests each topic that ran with its zone, its slot's window and its note-taker", () => {
    let market = openMarket(1, { slots: 3, zones: 6 }, ZONES);
    market = ok(postTopic(market, posting, anna, { slot: 1, zone: "zB", title: "Rails" }));
    market = ok(postTopic(market, posting, ben, { slot: 0, zone: "zA", title: "Roads" }));
    expect(harvestTopics(market, runTo(5))).toEqual([
      { zone: "zA", title: "A · Roads · Ben", window: { from: 120_000, until: 180_000 } },
      { zone: "zB", title: "B · Rails · Anna", window: { from: 180_000, until: 240_000 } },
    ]);
    // Only slots that ran are gathered.
    expect(harvestTopics(market, runTo(2)).map((t) => t.title)).toEqual(["A · Roads · Ben"]);
    expect(slotTasks(market, 1).get("zB")).toBe("Rails");
    expect(slotTasks(market, 1).get("zA")).toBe("");
  });

  it("shows everyone the grid by names, never by ids", () => {
    let market = openMarket(1, { slots: 3, zones: 6 }, ZONES);
    market = ok(postTopic(market, posting, anna, { slot: 0, zone: "zA", title: "Roads" }));
    const view = marketViewFor(market, posting, "ben");
    expect(view.topics[0]).toMatchObject({ convener: "Anna", noteTaker: "Anna", mine: false, taking: false });
    expect(JSON.stringify(view)).not.toContain('"anna"');
    expect(marketViewFor(market, posting, "anna").topics[0]).toMatchObject({ mine: true, taking: true });
  });
});
