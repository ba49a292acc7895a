import { describe, expect, it } from "vitest";
import {
  exportTopics,
  harvestTopics,
  harvestsMarket,
  marketNow,
  marketOpenings,
  marketsFor,
  openMarket,
  postTopic,
  shownMarket,
  slotWindows,
  type Market,
  type MarketResult,
} from "../../shared/methods/marketplace";
import { templatePlan } from "../../shared/methods/templates";
import type { Plan, PlanStep } from "../../shared/methods/plan";
import type { MethodsRun } from "../../shared/methods/run";

/** Each Open Space marketplace of a plan keeps its own grid: which steps open one, and each one's slots. */

const ok = (result: MarketResult): Market => {
  if (!result.ok) throw new Error(result.key);
  return result.market;
};

let n = 0;
const base = templatePlan("openSpace", "en", () => `s${++n}`);
// 0 opening, 1 marketplace, 2..4 slots, 5 closing.
const [opening, market, slot, , , closing] = base.steps as [PlanStep, PlanStep, PlanStep, PlanStep, PlanStep, PlanStep];
const pause: PlanStep = { ...opening, id: "pause", mechanic: null, capture: null };

const planOf = (steps: PlanStep[]): Plan => ({ ...base, steps: steps.map((s, i) => ({ ...s, id: `p${i}` })) });
/** A run through every step of `plan` up to `upTo`, a minute a step. */
const runTo = (plan: Plan, upTo: number): MethodsRun => ({
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

/** Morning: 1 marketplace, 2..4 slots, 5 closing; afternoon: 6 marketplace, 7..9 slots, 10 closing. */
const day = planOf([opening, market, slot, slot, slot, closing, market, slot, slot, slot, closing]);
const ZONES = ["A", "B"].map((letter) => ({ id: `z${letter}`, letter }));
const anna = { uid: "anna", name: "Anna" };

describe("Open Space marketplaces by step", () => {
  it("opens a marketplace at each posting step: after a harvest or once the one before ran its slots", () => {
    expect(marketOpenings(runTo(day, 10))).toEqual([1, 6]);
    expect(marketOpenings(runTo(day, 5))).toEqual([1]);
    // No harvest between them: the fourth marketplace step after the posting one opens the next.
    const backToBack = planOf([market, slot, slot, slot, market, slot]);
    expect(marketOpenings(runTo(backToBack, 5))).toEqual([0, 4]);
    // A break between slots keeps the marketplace.
    const lunch = planOf([market, slot, pause, slot, slot, closing]);
    expect(marketOpenings(runTo(lunch, 5))).toEqual([0]);
    // A harvest closes a marketplace with slots left: the next marketplace step opens a new one.
    const short = planOf([market, slot, closing, market, slot]);
    expect(marketOpenings(runTo(short, 4))).toEqual([0, 3]);
  });

  it("opens the step's own marketplace, keeps the earlier one, and drops only those Back went before", () => {
    expect(marketsFor([], runTo(day, 1))).toEqual({ drop: [], open: 1 });
    expect(marketsFor([1], runTo(day, 3))).toEqual({ drop: [], open: null });
    expect(marketsFor([1], runTo(day, 6))).toEqual({ drop: [], open: 6 });
    expect(marketsFor([1, 6], runTo(day, 7))).toEqual({ drop: [], open: null });
    // Back from the afternoon's posting step to the morning's closing.
    expect(marketsFor([1, 6], runTo(day, 5))).toEqual({ drop: [6], open: null });
    expect(marketsFor([1], runTo(day, 0))).toEqual({ drop: [1], open: null });
    expect(shownMarket([{ entry: 1 }, { entry: 6 }])).toEqual({ entry: 6 });
    expect(shownMarket([])).toBeNull();
  });

  it("counts each marketplace's own slots: the morning's is closed while the afternoon's runs", () => {
    const morning = openMarket(1, { slots: 3, zones: 2 }, ZONES);
    const afternoon = openMarket(6, { slots: 3, zones: 2 }, ZONES);
    expect(marketNow(morning, runTo(day, 4))).toEqual({ slot: 2, closed: false });
    expect(marketNow(morning, runTo(day, 8))).toEqual({ slot: 2, closed: true });
    expect(marketNow(afternoon, runTo(day, 6))).toEqual({ slot: -1, closed: false });
    expect(marketNow(afternoon, runTo(day, 8))).toEqual({ slot: 1, closed: false });
    expect(slotWindows(morning, runTo(day, 10)).map((w) => w.from)).toEqual([120_000, 180_000, 240_000]);
    expect(slotWindows(afternoon, runTo(day, 10)).map((w) => w.from)).toEqual([420_000, 480_000, 540_000]);
    // Back to back, the morning's is closed as soon as the next one opens.
    const backToBack = planOf([market, slot, slot, slot, market, slot]);
    expect(marketNow(openMarket(0, { slots: 3, zones: 2 }, ZONES), runTo(backToBack, 4))).toEqual({
      slot: 2,
      closed: true,
    });
  });

  it("harvests and exports each marketplace's topics from its own slots' windows", () => {
    const afternoon = ok(
      postTopic(openMarket(6, { slots: 3, zones: 2 }, ZONES), { slot: -1, closed: false }, anna, {
        slot: 0,
        zone: "zA",
        title: "Housing",
      }),
    );
    expect(harvestTopics(afternoon, runTo(day, 10))).toEqual([
      { zone: "zA", title: "A · Housing · Anna", window: { from: 420_000, until: 480_000 } },
    ]);
    const seen: unknown[] = [];
    exportTopics(afternoon, runTo(day, 10), (zone, from, until) => {
      seen.push([zone, from, until]);
      return [];
    });
    expect(seen).toEqual([["zA", 420_000, 480_000]]);
  });

  it("lets a harvest gather only the marketplace it closes", () => {
    const morning = openMarket(1, { slots: 3, zones: 2 }, ZONES);
    expect(harvestsMarket(morning, runTo(day, 4))).toBe(false);
    expect(harvestsMarket(morning, runTo(day, 5))).toBe(true);
    expect(harvestsMarket(openMarket(6, { slots: 3, zones: 2 }, ZONES), runTo(day, 10))).toBe(true);
    // A harvest after another one (a World Café's close later in the day) leaves the marketplace be.
    const later = planOf([market, slot, closing, pause, closing]);
    expect(harvestsMarket(openMarket(0, { slots: 3, zones: 2 }, ZONES), runTo(later, 2))).toBe(true);
    expect(harvestsMarket(openMarket(0, { slots: 3, zones: 2 }, ZONES), runTo(later, 4))).toBe(false);
  });
});
