import { describe, expect, it } from "vitest";
import { emptyDoc } from "../../shared/boards/model";
import { exportSteps } from "../../shared/export/steps";
import { stepTexts } from "../../shared/export/common";
import type { Person } from "../../shared/methods/grouping";
import {
  emptyRun,
  extendStep,
  nextStep,
  previousStep,
  withPlan,
  type MethodsRun,
  type RunResult,
} from "../../shared/methods/run";
import { templatePlan } from "../../shared/methods/templates";
import { board, min, note } from "./fixture";

const people: Person[] = Array.from({ length: 4 }, (_, i) => ({ id: `u${i}`, organisation: "" }));
const ok = (result: RunResult): MethodsRun => {
  if (!result.ok) throw new Error(result.issue.key);
  return result.run;
};
describe("the record by step", () => {
  it("lists the steps as they ran, Back's undone step left out, with planned and actual time and the boards they wrote on", () => {
    let n = 0;
    let run = withPlan(
      emptyRun(0),
      templatePlan("oneTwoFourAll", "en", () => `s${++n}`),
      7,
    );
    run = ok(nextStep(run, people, min(0)));
    run = ok(extendStep(run, 60));
    run = ok(nextStep(run, people, min(3)));
    // A step gone back on is not in the record.
    run = ok(nextStep(run, people, min(5)));
    run = ok(previousStep(run));
    run = ok(nextStep(run, people, min(8)));
    // The step put up a board: its revealed notes are counted, a hidden one is not.
    const doc = emptyDoc();
    doc.boards.set("b1", board({ id: "b1", title: "Fours" }));
    for (const x of [
      note({ id: "n1", boardId: "b1", text: "one" }),
      note({ id: "n2", boardId: "b1", text: "two" }),
      note({ id: "n3", boardId: "b1", text: "hidden", hidden: true }),
    ])
      doc.notes.set(x.id, x);
    run.entries[2]!.capture = { boardId: "b1", rounds: [] };

    const steps = exportSteps(run, doc, null);
    expect(steps.map((s) => [s.n, s.startedAt, s.endedAt, s.extendedSeconds])).toEqual([
      [1, min(0), min(3), 60],
      [2, min(3), min(8), 0],
      [3, min(8), null, 0],
    ]);
    expect(steps[1]!.groups).toBe(2);
    expect(steps[2]!.boards).toEqual([{ id: "b1", notes: 2 }]);
    expect(exportSteps(run, doc, min(20)).at(-1)!.endedAt).toBe(min(20));
    expect(exportSteps(emptyRun(0), doc, null)).toEqual([]);

    const where = { locale: "en" as const, timeZone: "Europe/Helsinki" };
    const title = (id: string) => (id === "b1" ? "Fours" : "");
    const first = stepTexts(where, steps[0]!, title);
    expect(steps[0]!.plannedSeconds).toBe(60);
    expect(first.planned).toBe("1 minute + 1 minute extended");
    expect(first.actual).toMatch(/10[.:]00–10[.:]03 \(3 minutes\)$/);
    expect(stepTexts(where, steps[2]!, title)).toMatchObject({ produced: "Fours: 2 notes" });
    expect(stepTexts(where, steps[2]!, title).actual).toMatch(/still running$/);
    expect(stepTexts({ ...where, locale: "fi" }, steps[2]!, title).produced).toBe("Fours: 2 lappua");
  });
});
