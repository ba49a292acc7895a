import { describe, expect, it } from "vitest";
import type { Person } from "../../shared/methods/grouping";
import {
  currentStep,
  currentStepEndsAt,
  emptyRun,
  extendStep,
  groupOf,
  methodsRunSchema,
  nextStep,
  placeArrival,
  previousStep,
  withPlan,
  type MethodsRun,
} from "../../shared/methods/run";
import { templatePlan } from "../../shared/methods/templates";
import { PLAN_LIMITS } from "../../shared/methods/plan";
import { zonesOfEntries } from "../../shared/methods/choreography";

function people(n: number, prefix = "u"): Person[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, organisation: i % 2 ? "Kela" : "Espoo" }));
}

function counter(): () => string {
  let n = 0;
  return () => `s${++n}`;
}

function next(run: MethodsRun, present: Person[], now = 0): MethodsRun {
  const result = nextStep(run, present, now);
  if (!result.ok) throw new Error(`refused: ${result.issue.key}`);
  return result.run;
}

describe("running a plan", () => {
  it("1-2-4-All: solo, pairs, the pairs merged into fours, all; Back restores the pairs exactly", () => {
    const everyone = people(8);
    let run = withPlan(emptyRun(0), templatePlan("oneTwoFourAll", "en", counter()), 1234);
    expect(currentStep(run)).toBe(-1);
    run = next(run, everyone);
    expect(run.entries[0]!.groups).toHaveLength(8);
    run = next(run, everyone);
    const pairs = run.entries[1]!.groups;
    expect(pairs.map((g) => g.length)).toEqual([2, 2, 2, 2]);
    run = next(run, everyone);
    const fours = run.entries[2]!;
    expect(fours.groups.map((g) => g.length)).toEqual([4, 4]);
    // Each four is exactly two of the pairs, and says which.
    fours.from!.forEach((indexes, i) =>
      expect([...fours.groups[i]!].sort()).toEqual(indexes.flatMap((p) => pairs[p]!).sort()),
    );
    expect(groupOf(run, "u0")).toContain("u0");
    const back = previousStep(run);
    expect(back.ok && back.run.entries.at(-1)!.groups).toEqual(pairs);
    run = next(run, everyone);
    expect(run.entries[3]!.groups).toEqual([everyone.map((p) => p.id).sort()]);
    expect(nextStep(run, everyone, 0)).toMatchObject({ ok: false, issue: { key: "methods.issue.noSuchStep" } });
    // The whole run is storable as it is.
    expect(methodsRunSchema.parse(JSON.parse(JSON.stringify(run)))).toEqual(run);
  });

  it("same seed, same groups; a leaver's partner joins another group and a late joiner is placed", () => {
    const plan = templatePlan("troika", "en", counter());
    const a = next(withPlan(emptyRun(0), plan, 99), people(9));
    const b = next(withPlan(emptyRun(0), plan, 99), people(9));
    expect(a.entries).toEqual(b.entries);
    const trio = a.entries[0]!.groups[0]!;
    const present = [...people(9).filter((p) => p.id !== trio[0]), { id: "late", organisation: "" }];
    const after = next(a, present).entries[1]!.groups;
    expect(after.flat().sort()).toEqual(present.map((p) => p.id).sort());
    expect(after.every((g) => g.length >= 2)).toBe(true);
  });

  it("places someone arriving during a step in the smallest group, or on their own in a solo step", () => {
    const everyone = people(7);
    let run = next(withPlan(emptyRun(0), templatePlan("oneTwoFourAll", "en", counter()), 3), everyone);
    const late = { id: "late", organisation: "" };
    expect(placeArrival(run, late, everyone).entries[0]!.groups.at(-1)).toEqual(["late"]);
    run = next(run, everyone);
    const placed = placeArrival(run, late, [...everyone, late]);
    expect(placed.entries[1]!.groups.find((g) => g.includes("late"))).toHaveLength(3);
    expect(placed.entries[1]!.groups.map((g) => g.length).sort()).toEqual([2, 3, 3]);
    // Already placed: nothing changes.
    expect(placeArrival(placed, late, [...everyone, late])).toBe(placed);
    expect(placeArrival(withPlan(emptyRun(0), run.plan!, 1), late, everyone).entries).toEqual([]);
  });

  it("World Café keeps hosts across rounds", () => {
    const everyone = people(20);
    let run = withPlan(emptyRun(0), templatePlan("worldCafe", "en", counter()), 5);
    run = next(next(next(run, everyone), everyone), everyone);
    const hosts = run.entries.map((e) => e.groups.map((g) => g[0]));
    expect(hosts[1]).toEqual(hosts[0]);
    expect(hosts[2]).toEqual(hosts[0]);
  });

  it("refuses a step the people present cannot form, and Back before the first step", () => {
    const run = withPlan(emptyRun(0), templatePlan("crowdSourcing", "en", counter()), 1);
    const first = next(run, people(3));
    expect(nextStep(first, people(3), 0)).toMatchObject({ ok: false, issue: { key: "methods.issue.tooFewPeople" } });
    expect(previousStep(run)).toMatchObject({ ok: false });
    expect(nextStep(emptyRun(0), people(3), 0)).toMatchObject({ ok: false });
  });

  it("Extend lengthens only the current step, up to the longest step, and a stored run without it reads as none", () => {
    const plan = templatePlan("oneTwoFourAll", "en", counter());
    const run = withPlan(emptyRun(0), plan, 1);
    expect(extendStep(run, 60)).toMatchObject({ ok: false, issue: { key: "methods.issue.noSuchStep" } });
    expect(currentStepEndsAt(run)).toBeNull();
    const first = next(run, people(4), 10_000);
    expect(currentStepEndsAt(first)).toBe(10_000 + 60_000);
    const longer = extendStep(first, 300);
    if (!longer.ok) throw new Error(longer.issue.key);
    expect(currentStepEndsAt(longer.run)).toBe(10_000 + 360_000);
    // The next step starts with its own planned length; Back finds the earlier step as extended.
    const second = next(longer.run, people(4), 400_000);
    expect(currentStepEndsAt(second)).toBe(400_000 + 120_000);
    const back = previousStep(second);
    expect(back.ok && currentStepEndsAt(back.run)).toBe(10_000 + 360_000);
    // Never longer in all than the longest step a plan may have.
    const max = PLAN_LIMITS.duration.max;
    expect(extendStep(first, max - 60)).toMatchObject({ ok: true });
    expect(extendStep(first, max - 60 + 1)).toMatchObject({
      ok: false,
      issue: { key: "methods.issue.extendTooLong", step: 0 },
    });
    // Runs stored before Extend existed have no extension field.
    const stored = JSON.parse(JSON.stringify(first)) as { entries: Record<string, unknown>[] };
    delete stored.entries[0]!.extendedSeconds;
    expect(methodsRunSchema.parse(stored).entries[0]!.extendedSeconds).toBe(0);
  });
});

describe("hybrid: a meeting room's table is one group", () => {
  const seated = (ids: string[], table: string): Person[] => ids.map((id) => ({ id, organisation: "", table }));

  it("1-2-4-All with a table: remote people pair and merge among themselves; each table stays one group, last, through every step", () => {
    const remote = people(8);
    const kuusi = seated(["k1", "k2", "k3"], "kuusi");
    const koivu = seated(["b1", "b2"], "koivu");
    const everyone = [...remote, ...kuusi, ...koivu];
    let run = withPlan(emptyRun(0), templatePlan("oneTwoFourAll", "en", counter()), 99);
    run = next(run, everyone); // solo: everyone alone, tables included
    expect(run.entries[0]!.groups).toHaveLength(13);
    expect(run.entries[0]!.tableGroups).toBe(0);
    run = next(run, everyone); // pairs
    const pairs = run.entries[1]!;
    expect(pairs.tableGroups).toBe(2);
    expect(pairs.groups.slice(-2)).toEqual([
      ["b1", "b2"],
      ["k1", "k2", "k3"],
    ]);
    expect(pairs.groups.slice(0, -2).map((g) => g.length)).toEqual([2, 2, 2, 2]);
    expect(pairs.groups.slice(0, -2).flat().sort()).toEqual(remote.map((p) => p.id).sort());
    run = next(run, everyone); // pairs merged into fours
    const fours = run.entries[2]!;
    expect(fours.groups.slice(0, -2).map((g) => g.length)).toEqual([4, 4]);
    expect(fours.groups.slice(-2)).toEqual(pairs.groups.slice(-2));
    expect(fours.from).toHaveLength(fours.groups.length);
    run = next(run, everyone); // all
    expect(run.entries[3]!.groups).toEqual([everyone.map((p) => p.id).sort()]);
    expect(methodsRunSchema.parse(JSON.parse(JSON.stringify(run)))).toEqual(run);
  });

  it("a table's groups are sent to no zone; the remote groups take the zones in order", () => {
    const everyone = [...people(4), ...seated(["k1", "k2"], "kuusi")];
    let run = withPlan(emptyRun(0), templatePlan("oneTwoFourAll", "en", counter()), 5);
    run = next(next(run, everyone), everyone);
    const zones = zonesOfEntries(run.plan!, run.entries, ["za", "zb", "zc"]);
    expect(zones[1]).toEqual(["za", "zb", null]);
    run = next(run, everyone);
    expect(zonesOfEntries(run.plan!, run.entries, ["za", "zb", "zc"])[2]).toEqual([expect.any(String), null]);
  });

  it("late arrivals: someone sitting down joins their table's group, a remote person a remote group", () => {
    const everyone = [...people(4), ...seated(["k1", "k2"], "kuusi")];
    let run = withPlan(emptyRun(0), templatePlan("oneTwoFourAll", "en", counter()), 5);
    run = next(next(run, everyone), everyone);
    const k3 = { id: "k3", organisation: "", table: "kuusi" };
    run = placeArrival(run, k3, [...everyone, k3]);
    expect(run.entries.at(-1)!.groups.at(-1)).toEqual(["k1", "k2", "k3"]);
    const koivu = { id: "b1", organisation: "", table: "koivu" };
    run = placeArrival(run, koivu, [...everyone, k3, koivu]);
    expect(run.entries.at(-1)!.groups.at(-1)).toEqual(["b1"]);
    expect(run.entries.at(-1)!.tableGroups).toBe(2);
    const late = { id: "r9", organisation: "Kela" };
    run = placeArrival(run, late, [...everyone, k3, koivu, late]);
    const groups = run.entries.at(-1)!.groups;
    expect(groups.slice(0, -2).flat()).toContain("r9");
    expect(groups.slice(-2).flat()).not.toContain("r9");
  });
});
