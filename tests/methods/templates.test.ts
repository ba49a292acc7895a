import { describe, expect, it } from "vitest";
import { catalog } from "../../shared/i18n/catalog";
import { LOCALES } from "../../shared/protocol/common";
import { planSchema } from "../../shared/methods/plan";
import { groupShape, parsePlanFile, exportPlanFile, validatePlan } from "../../shared/methods/rules";
import { TEMPLATES, TEMPLATE_IDS, templateKeys, templatePlan } from "../../shared/methods/templates";

function counter(): () => string {
  let n = 0;
  return () => `t${++n}`;
}

describe.each(TEMPLATE_IDS)("template %s", (id) => {
  it.each(LOCALES)("is a valid plan in %s that survives export and import", (locale) => {
    const plan = templatePlan(id, locale, counter());
    expect(planSchema.parse(plan)).toEqual(plan);
    expect(validatePlan(plan)).toEqual([]);
    expect(parsePlanFile(exportPlanFile(plan), locale)).toEqual({ ok: true, plan });
  });

  it("has every string in all three languages, translated rather than copied", () => {
    const keys = templateKeys(id);
    for (const key of keys) {
      for (const locale of LOCALES) {
        expect((catalog[locale] as Record<string, string>)[key], `${locale} ${key}`).toBeTruthy();
      }
    }
    // Prompts are sentences: a Finnish or Swedish one identical to the English would be untranslated.
    const prompts = TEMPLATES[id].steps.map((s) => s.prompt.key);
    for (const key of prompts) {
      expect(catalog.fi[key as keyof typeof catalog.fi]).not.toBe(catalog.en[key as keyof typeof catalog.en]);
      expect(catalog.sv[key as keyof typeof catalog.sv]).not.toBe(catalog.en[key as keyof typeof catalog.en]);
    }
  });
});

describe("template mechanics", () => {
  const plan = (id: (typeof TEMPLATE_IDS)[number]) => templatePlan(id, "en", counter());

  it("1-2-4-All: alone 1, pairs 2, fours 4, all 5 minutes; the fours merge the pairs and keep their board", () => {
    const p = plan("oneTwoFourAll");
    expect(p.steps.map((s) => s.durationSeconds / 60)).toEqual([1, 2, 4, 5]);
    expect(p.steps.map((s) => s.grouping.kind)).toEqual(["solo", "pairs", "mergePairs", "everyone"]);
    expect(p.steps[2]!.capture!.board).toEqual({ kind: "step", stepId: p.steps[1]!.id });
    expect(groupShape(p.steps, 2)).toEqual({ kind: "fours" });
  });

  it("25/10: anonymous bold ideas, five rounds of passing scored 1-5", () => {
    const p = plan("crowdSourcing");
    expect(p.steps[0]!.capture).toMatchObject({ writing: "private", names: "anonymous" });
    expect(p.steps[1]!.mechanic).toEqual({ kind: "cardPass", rounds: 5, scale: 5 });
  });

  it("TRIZ: three 1-2-4-All cycles as stages 1-3, with the 'we do this' tag and action owners", () => {
    const p = plan("triz");
    expect(p.steps).toHaveLength(12);
    const stages = p.steps.map((s) => (s.mechanic?.kind === "stage" ? s.mechanic.stage : 0));
    expect(stages).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
    expect(p.steps.some((s) => s.mechanic?.kind === "stage" && s.mechanic.stage === 2 && s.mechanic.alreadyTag)).toBe(
      true,
    );
    expect(p.steps.some((s) => s.mechanic?.kind === "stage" && s.mechanic.stage === 3 && s.mechanic.owners)).toBe(true);
  });

  it("Troika: trios, each member client once, one-way glass in every advice phase and only there", () => {
    const p = plan("troika");
    expect(p.steps[0]!.grouping).toEqual({ kind: "groupsOf", size: 3, mix: true });
    const troika = p.steps.map((s) => (s.mechanic?.kind === "troika" ? s.mechanic : null));
    expect(troika.every((m) => m !== null)).toBe(true);
    expect(new Set(troika.map((m) => m!.client))).toEqual(new Set([0, 1, 2]));
    expect(troika.filter((m) => m!.oneWayGlass).map((m) => m!.phase)).toEqual(["advise", "advise", "advise"]);
    expect(troika.filter((m) => m!.client === 0).map((m) => m!.phase)).toEqual(["explain", "ask", "advise", "reflect"]);
  });

  it("World Café: tables of five, hosts stay and others rotate, one tablecloth kept across rounds, a harvest", () => {
    const p = plan("worldCafe");
    expect(p.steps.slice(0, 3).map((s) => s.grouping)).toEqual([
      { kind: "tables", size: 5, rotate: false, mix: true },
      { kind: "tables", size: 5, rotate: true, mix: true },
      { kind: "tables", size: 5, rotate: true, mix: true },
    ]);
    for (const s of p.steps.slice(1)) expect(s.capture!.board).toEqual({ kind: "step", stepId: p.steps[0]!.id });
    expect(p.steps[3]!.mechanic).toEqual({ kind: "harvest" });
  });

  it("Brainwriting 6-3-5: groups of six, three ideas per five-minute pass, silent, then cluster and vote", () => {
    const p = plan("brainwriting");
    expect(p.steps[0]).toMatchObject({
      grouping: { kind: "groupsOf", size: 6 },
      silent: true,
      mechanic: { kind: "sheetPass", ideasPerRow: 3, passSeconds: 300 },
      durationSeconds: 6 * 300,
    });
    expect(p.steps[2]!.vote).not.toBeNull();
  });

  it("Lean Coffee, Open Space and What / So What / Now What carry their mechanics", () => {
    expect(plan("leanCoffee").steps[2]!.mechanic).toEqual({ kind: "kanban", topicSeconds: 420, extendVote: true });
    expect(plan("leanCoffee").steps[1]!.vote).not.toBeNull();
    expect(plan("openSpace").steps[1]!.mechanic).toMatchObject({ kind: "marketplace", noteTaker: true });
    expect(plan("openSpace").steps.at(-1)!.mechanic).toEqual({ kind: "harvest" });
    const wsn = plan("whatSoWhat");
    expect(wsn.steps.map((s) => s.title)).toEqual(["What?", "So what?", "Now what?"]);
    expect(wsn.steps[0]!.grouping).toEqual({ kind: "groupsOf", size: 6, mix: true });
  });

  it("speaks the facilitator's language", () => {
    expect(templatePlan("worldCafe", "fi", counter()).title).toBe("Maailmankahvila");
    expect(templatePlan("oneTwoFourAll", "sv", counter()).steps[0]!.title).toBe("Ensam");
  });
});
