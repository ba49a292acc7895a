import { describe, expect, it } from "vitest";
import { buildCsv } from "../../shared/export/csv";
import { buildJson } from "../../shared/export/json";
import { buildMarkdown } from "../../shared/export/markdown";
import type { ExportSheetStep } from "../../shared/methods/sheet-pass";
import { fixtureInput } from "./fixture";

/** Brainwriting's sheets in the exports: one step as before, several each headed by its step. */

const one: ExportSheetStep = { n: 1, step: "Write and pass", groups: [[[["a1", "", ""]], [["b1", "b2", ""]]]] };
const two: ExportSheetStep = { n: 4, step: "Write and pass", groups: [[[["c1", "", ""]]], [[["d1", "", ""]]]] };

describe("Brainwriting in the exports", () => {
  it("keeps one step's sheets under one heading; JSON lists steps whatever their number", () => {
    const input = { ...fixtureInput("en"), brainwriting: [one] };
    const json = JSON.parse(buildJson(input)) as { brainwriting: unknown };
    expect(json.brainwriting).toEqual({
      steps: [{ n: 1, step: "Write and pass", groups: [{ sheets: one.groups[0] }] }],
    });
    const md = buildMarkdown(input);
    expect(md).toContain("## Brainwriting sheets\n\n### Group 1\n\n#### Sheet 1\n\n1. a1\n");
    expect(md).toContain("#### Sheet 2\n\n1. b1 · b2\n");
    expect(buildCsv(input)).toContain('"Brainwriting sheets","Group 1","Sheet 2, Row 1","b2"');
  });

  it("lists several steps' sheets in order, each headed by its step", () => {
    const input = { ...fixtureInput("en"), brainwriting: [one, two] };
    const json = JSON.parse(buildJson(input)) as { brainwriting: unknown };
    expect(json.brainwriting).toEqual({
      steps: [
        { n: 1, step: "Write and pass", groups: [{ sheets: one.groups[0] }] },
        { n: 4, step: "Write and pass", groups: [{ sheets: two.groups[0] }, { sheets: two.groups[1] }] },
      ],
    });
    const md = buildMarkdown(input);
    const first = md.indexOf("## Brainwriting sheets · step 1: Write and pass\n");
    const second = md.indexOf("## Brainwriting sheets · step 4: Write and pass\n");
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(md.indexOf("1. a1")).toBeGreaterThan(first);
    expect(md.indexOf("1. a1")).toBeLessThan(second);
    expect(md.indexOf("1. d1")).toBeGreaterThan(second);
    const csv = buildCsv(input);
    expect(csv).toContain('"Brainwriting sheets · step 1: Write and pass","Group 1","Sheet 1, Row 1","a1"');
    expect(csv).toContain('"Brainwriting sheets · step 4: Write and pass","Group 2","Sheet 1, Row 1","d1"');
    const fi = buildMarkdown({ ...input, locale: "fi" });
    expect(fi).toContain("## Aivokirjoituksen arkit · vaihe 4: Write and pass\n");
  });
});
