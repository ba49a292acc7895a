import { describe, expect, it } from "vitest";
import {
  OWN_TEMPLATES_MAX,
  addOwnTemplate,
  readOwnTemplates,
  removeOwnTemplate,
} from "../../shared/methods/own-templates";
import { templatePlan } from "../../shared/methods/templates";

function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

describe("a facilitator's own templates", () => {
  it("keeps a copy with fresh ids, newest first, and saving the same title again replaces it", () => {
    const plan = templatePlan("worldCafe", "fi", counter("p"));
    let list = addOwnTemplate([], plan, counter("a"), 1);
    expect(list[0]!.plan.id).not.toBe(plan.id);
    expect(list[0]!.plan.steps.map((s) => s.title)).toEqual(plan.steps.map((s) => s.title));
    // The harvest still keeps the first round's tablecloths under the new ids.
    const steps = list[0]!.plan.steps;
    expect(steps.at(-1)!.capture!.board).toEqual({ kind: "step", stepId: steps[0]!.id });
    const other = templatePlan("troika", "fi", counter("q"));
    list = addOwnTemplate(list, other, counter("b"), 2);
    list = addOwnTemplate(list, { ...plan, steps: plan.steps.slice(0, 2) }, counter("c"), 3);
    expect(list.map((o) => [o.plan.title, o.plan.steps.length])).toEqual([
      [plan.title, 2],
      [other.title, other.steps.length],
    ]);
    expect(removeOwnTemplate(list, list[0]!.plan.id).map((o) => o.plan.title)).toEqual([other.title]);
  });

  it("holds at most the limit, dropping the oldest", () => {
    let list = addOwnTemplate([], templatePlan("leanCoffee", "en", counter("x")), counter("y"), 0);
    const base = list[0]!.plan;
    for (let i = 0; i < OWN_TEMPLATES_MAX + 5; i++)
      list = addOwnTemplate(list, { ...base, title: `T${i}` }, counter(`z${i}-`), i);
    expect(list).toHaveLength(OWN_TEMPLATES_MAX);
    expect(list[0]!.plan.title).toBe(`T${OWN_TEMPLATES_MAX + 4}`);
  });

  it("reads back what it stored, and drops anything that is no longer a valid plan", () => {
    const list = addOwnTemplate([], templatePlan("oneTwoFourAll", "sv", counter("p")), counter("a"), 5);
    expect(readOwnTemplates(JSON.stringify(list))).toEqual(list);
    const broken = { ...list[0]!, plan: { ...list[0]!.plan, steps: [] } };
    const mergeFirst = {
      ...list[0]!,
      plan: { ...list[0]!.plan, steps: [list[0]!.plan.steps[2]!] },
    };
    expect(readOwnTemplates(JSON.stringify([broken, mergeFirst, 7, null, list[0]]))).toEqual(list);
    expect(readOwnTemplates("not json")).toEqual([]);
    expect(readOwnTemplates(null)).toEqual([]);
    expect(readOwnTemplates('{"plan":1}')).toEqual([]);
  });
});
