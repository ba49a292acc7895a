import { describe, expect, it } from "vitest";
import { planSchema, type Plan, type PlanStep } from "../../shared/methods/plan";
import {
  checkStepForPeople,
  describePlanIssue,
  duplicatePlan,
  exportPlanFile,
  groupShape,
  parsePlanFile,
  planTiming,
  validatePlan,
} from "../../shared/methods/rules";

function step(id: string, over: Partial<PlanStep> = {}): PlanStep {
  return {
    id,
    title: `Step ${id}`,
    prompt: "",
    durationSeconds: 60,
    grouping: { kind: "everyone" },
    capture: null,
    vote: null,
    silent: false,
    mechanic: null,
    ...over,
  };
}

function plan(...steps: PlanStep[]): Plan {
  return { id: "plan1", title: "Plan", template: null, steps };
}

function counter(prefix = "id"): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

const keysOf = (p: Plan) => validatePlan(p).map((issue) => [issue.step, issue.key]);

describe("plan schema", () => {
  it("trims text, and refuses out-of-range durations, group sizes and unknown fields", () => {
    const parsed = planSchema.parse({ ...plan(step("a", { title: "  Pairs   talk " })) });
    expect(parsed.steps[0]!.title).toBe("Pairs talk");
    expect(planSchema.safeParse(plan(step("a", { durationSeconds: 10 }))).success).toBe(false);
    expect(planSchema.safeParse(plan(step("a", { durationSeconds: 4 * 3600 }))).success).toBe(false);
    expect(planSchema.safeParse(plan(step("a", { grouping: { kind: "groupsOf", size: 1, mix: false } }))).success).toBe(
      false,
    );
    expect(planSchema.safeParse({ ...plan(step("a")), extra: 1 }).success).toBe(false);
    expect(planSchema.safeParse(plan()).success).toBe(false);
  });
});

describe("validatePlan", () => {
  it("accepts a consistent plan", () => {
    const p = plan(
      step("a", { grouping: { kind: "pairs", mix: true }, capture: board("new") }),
      step("b", {
        grouping: { kind: "mergePairs" },
        capture: { ...board("new"), board: { kind: "step", stepId: "a" } },
      }),
      step("c", {
        grouping: { kind: "previous" },
        vote: { perPerson: 3, maxPerNote: 1, anonymous: true },
        capture: board("new"),
      }),
    );
    expect(validatePlan(p)).toEqual([]);
  });

  it("refuses reusing or merging groups in the first step, and merging what are not pairs", () => {
    expect(keysOf(plan(step("a", { grouping: { kind: "previous" } })))).toEqual([
      [0, "methods.issue.needsEarlierGroups"],
    ]);
    expect(keysOf(plan(step("a", { grouping: { kind: "mergePairs" } })))).toEqual([
      [0, "methods.issue.needsEarlierGroups"],
    ]);
    expect(
      keysOf(
        plan(
          step("a", { grouping: { kind: "groupsOf", size: 3, mix: false } }),
          step("b", { grouping: { kind: "mergePairs" } }),
        ),
      ),
    ).toEqual([[1, "methods.issue.mergeNeedsPairs"]]);
    // Pairs kept through "previous" may still merge.
    expect(
      keysOf(
        plan(
          step("a", { grouping: { kind: "pairs", mix: false } }),
          step("b", { grouping: { kind: "previous" } }),
          step("c", { grouping: { kind: "mergePairs" } }),
        ),
      ),
    ).toEqual([]);
  });

  it("refuses duplicate step ids, board references forward or to a step without a board, and a vote without a board", () => {
    expect(keysOf(plan(step("a"), step("a")))).toEqual([[1, "methods.issue.duplicateStepId"]]);
    const ref = (stepId: string) => ({ ...board("new"), board: { kind: "step" as const, stepId } });
    expect(keysOf(plan(step("a", { capture: ref("b") }), step("b", { capture: board("new") })))).toEqual([
      [0, "methods.issue.captureStepUnknown"],
    ]);
    expect(keysOf(plan(step("a"), step("b", { capture: ref("a") })))).toEqual([
      [1, "methods.issue.captureStepUnknown"],
    ]);
    expect(keysOf(plan(step("a", { vote: { perPerson: 1, maxPerNote: 1, anonymous: false } })))).toEqual([
      [0, "methods.issue.voteNeedsBoard"],
    ]);
  });

  it("checks each mechanic against its step", () => {
    const trio = { kind: "groupsOf", size: 3, mix: true } as const;
    expect(
      keysOf(plan(step("a", { mechanic: { kind: "troika", phase: "advise", client: 0, oneWayGlass: true } }))),
    ).toEqual([[0, "methods.issue.troikaNeedsTrios"]]);
    expect(
      keysOf(
        plan(step("a", { grouping: trio, mechanic: { kind: "troika", phase: "ask", client: 3, oneWayGlass: true } })),
      ),
    ).toEqual([
      [0, "methods.issue.troikaClient"],
      [0, "methods.issue.glassOnlyAdvice"],
    ]);
    expect(
      keysOf(plan(step("a", { grouping: trio, mechanic: { kind: "sheetPass", ideasPerRow: 3, passSeconds: 300 } }))),
    ).toEqual([
      [0, "methods.issue.passLongerThanStep"],
      [0, "methods.issue.needsBoard"],
    ]);
    expect(
      keysOf(
        plan(step("a", { grouping: trio, capture: board("new"), mechanic: { kind: "cardPass", rounds: 5, scale: 5 } })),
      ),
    ).toEqual([[0, "methods.issue.cardPassEveryone"]]);
    expect(
      keysOf(plan(step("a", { mechanic: { kind: "stage", stage: 4, of: 3, alreadyTag: false, owners: false } }))),
    ).toEqual([[0, "methods.issue.stageOutOfRange"]]);
  });

  it("refuses a plan longer than a workshop day", () => {
    const long = plan(...Array.from({ length: 5 }, (_, i) => step(`s${i}`, { durationSeconds: 3 * 3600 })));
    expect(keysOf(long)).toEqual([[null, "methods.issue.tooLong"]]);
  });

  it("follows 'previous' back to the step that formed the groups", () => {
    const p = plan(
      step("a", { grouping: { kind: "pairs", mix: false } }),
      step("b", { grouping: { kind: "previous" } }),
      step("c", { grouping: { kind: "mergePairs" } }),
      step("d", { grouping: { kind: "previous" } }),
    );
    expect(groupShape(p.steps, 1)).toEqual({ kind: "pairs" });
    expect(groupShape(p.steps, 3)).toEqual({ kind: "fours" });
  });
});

describe("checkStepForPeople", () => {
  it("asks for enough people to form the step's groups", () => {
    const p = plan(
      step("a"),
      step("b", { grouping: { kind: "pairs", mix: false } }),
      step("c", { capture: board("new"), mechanic: { kind: "cardPass", rounds: 5, scale: 5 } }),
    );
    expect(checkStepForPeople(p, 0, 1)).toEqual([]);
    expect(checkStepForPeople(p, 1, 1).map((i) => i.params)).toEqual([{ min: 2 }]);
    expect(checkStepForPeople(p, 1, 2)).toEqual([]);
    expect(checkStepForPeople(p, 2, 5).map((i) => i.params)).toEqual([{ min: 6 }]);
    expect(checkStepForPeople(p, 2, 6)).toEqual([]);
    expect(checkStepForPeople(p, 7, 6).map((i) => i.key)).toEqual(["methods.issue.noSuchStep"]);
  });
});

describe("planTiming", () => {
  it("starts each step where the one before ends, and gives the planned end", () => {
    const p = plan(
      step("a", { durationSeconds: 60 }),
      step("b", { durationSeconds: 120 }),
      step("c", { durationSeconds: 240 }),
    );
    const start = Date.UTC(2026, 11, 5, 9, 0);
    const timing = planTiming(p, start);
    expect(timing.steps.map((s) => [s.id, s.start, s.end])).toEqual([
      ["a", 0, 60],
      ["b", 60, 180],
      ["c", 180, 420],
    ]);
    expect(timing.totalSeconds).toBe(420);
    expect(timing.plannedEnd).toBe(start + 420_000);
    expect(timing.steps[1]!.startsAt).toBe(start + 60_000);
    expect(planTiming(p).plannedEnd).toBeNull();
  });
});

describe("duplicatePlan", () => {
  it("gives fresh ids and keeps references between steps pointing at the copies", () => {
    const p = plan(
      step("a", { capture: board("new") }),
      step("b", { capture: { ...board("new"), board: { kind: "step", stepId: "a" } } }),
    );
    const copy = duplicatePlan(p, counter("c"), "Copy");
    expect(copy.id).not.toBe(p.id);
    expect(copy.title).toBe("Copy");
    const ids = copy.steps.map((s) => s.id);
    expect(ids).not.toContain("a");
    expect(new Set([...ids, copy.id]).size).toBe(3);
    expect(copy.steps[1]!.capture!.board).toEqual({ kind: "step", stepId: ids[0] });
    expect(validatePlan(copy)).toEqual([]);
    // The original is untouched.
    expect(p.steps[1]!.capture!.board).toEqual({ kind: "step", stepId: "a" });
  });
});

describe("plan files", () => {
  const good = plan(step("a", { capture: board("new") }), step("b", { grouping: { kind: "pairs", mix: true } }));

  it("round-trips through export and import", () => {
    expect(parsePlanFile(exportPlanFile(good), "en")).toEqual({ ok: true, plan: good });
    // A bare plan (without the wrapper) is read too.
    expect(parsePlanFile(JSON.stringify(good), "fi")).toEqual({ ok: true, plan: good });
  });

  it("says clearly, in the reader's language, what is wrong with a bad file", () => {
    expect(parsePlanFile("not json {", "en")).toEqual({ ok: false, errors: [expect.stringContaining("not JSON")] });
    expect(parsePlanFile("not json {", "fi")).toEqual({
      ok: false,
      errors: [expect.stringContaining("JSON-muotoinen")],
    });
    expect(parsePlanFile("[1,2]", "sv")).toEqual({
      ok: false,
      errors: [expect.stringContaining("inte en sessionsplan")],
    });
    expect(parsePlanFile(JSON.stringify({ format: "other", plan: good }), "en").ok).toBe(false);
    const future = parsePlanFile(JSON.stringify({ format: "yhteistila.plan", version: 9, plan: good }), "en");
    expect(future).toEqual({ ok: false, errors: [expect.stringContaining("version 9")] });
    expect(parsePlanFile("x".repeat(300 * 1024), "en")).toEqual({
      ok: false,
      errors: [expect.stringContaining("256 KB")],
    });
  });

  it("names the step and the field of a schema error", () => {
    const bad = { ...good, steps: [good.steps[0], { ...good.steps[1], durationSeconds: 5 }] };
    const result = parsePlanFile(JSON.stringify(bad), "en");
    expect(result).toEqual({ ok: false, errors: ["Step 2, duration: too small or too short (at least 30)"] });
    const fi = parsePlanFile(JSON.stringify(bad), "fi");
    expect(fi).toEqual({ ok: false, errors: ["Vaihe 2, kesto: liian pieni tai lyhyt (vähintään 30)"] });
    const missing = parsePlanFile(JSON.stringify({ ...good, title: undefined }), "sv");
    expect(missing).toEqual({ ok: false, errors: ["rubrik: saknas"] });
  });

  it("reports a consistency problem with the step's number", () => {
    const bad = plan(step("a", { grouping: { kind: "mergePairs" } }));
    expect(parsePlanFile(JSON.stringify(bad), "en")).toEqual({
      ok: false,
      errors: ["Step 1: The first step cannot reuse or merge earlier groups."],
    });
    expect(describePlanIssue("sv", { step: null, key: "methods.issue.tooLong", params: { hours: 12 } })).toBe(
      "Planen är längre än 12 timmar.",
    );
  });
});

function board(kind: "new") {
  return {
    board: { kind, title: "Notes", where: "group" as const },
    writing: "open" as const,
    names: "named" as const,
  };
}
