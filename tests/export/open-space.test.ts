import { describe, expect, it } from "vitest";
import { buildCsv } from "../../shared/export/csv";
import { buildJson } from "../../shared/export/json";
import { buildMarkdown } from "../../shared/export/markdown";
import type { ExportMarketStep } from "../../shared/methods/marketplace";
import { fixtureInput } from "./fixture";

/** Open Space's marketplaces in the exports: one under the heading as before, several each headed by its step. */

const topic = (slot: number, zone: string, title: string, notes: string[] = []) => ({
  slot,
  zone,
  title,
  convener: "Anna",
  noteTaker: "Ben",
  notes,
});
const morning: ExportMarketStep = {
  n: 2,
  step: "Morning marketplace",
  topics: [topic(1, "A", "Open data", ["Publish the API"]), topic(2, "B", "Rails")],
};
const afternoon: ExportMarketStep = {
  n: 7,
  step: "Afternoon marketplace",
  topics: [topic(1, "A", "Housing", ["Ask"])],
};

describe("Open Space in the exports", () => {
  it("keeps one marketplace under one heading; JSON lists steps whatever their number", () => {
    const input = { ...fixtureInput("en"), openSpace: [morning] };
    const json = JSON.parse(buildJson(input)) as { openSpace: unknown };
    expect(json.openSpace).toEqual({ steps: [{ n: 2, step: "Morning marketplace", topics: morning.topics }] });
    const md = buildMarkdown(input);
    expect(md).toContain("## Open Space: topics\n\n### Slot 1 · A: Open data\n");
    expect(md).toContain("- Publish the API\n");
    expect(md).not.toContain("step 2");
    const csv = buildCsv(input);
    expect(csv).toContain('"Open Space: topics","Slot 1 · A","Open data","Publish the API"');
    expect(csv).toContain('"Open Space: topics","Slot 2 · B","Rails"');
  });

  it("lists several marketplaces in the order their steps ran, each headed by its step", () => {
    const input = { ...fixtureInput("en"), openSpace: [morning, afternoon] };
    const json = JSON.parse(buildJson(input)) as { openSpace: unknown };
    expect(json.openSpace).toEqual({
      steps: [
        { n: 2, step: "Morning marketplace", topics: morning.topics },
        { n: 7, step: "Afternoon marketplace", topics: afternoon.topics },
      ],
    });
    const md = buildMarkdown(input);
    const first = md.indexOf("## Open Space: topics · step 2: Morning marketplace\n");
    const second = md.indexOf("## Open Space: topics · step 7: Afternoon marketplace\n");
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(md.indexOf("Open data")).toBeGreaterThan(first);
    expect(md.indexOf("Open data")).toBeLessThan(second);
    expect(md.indexOf("Housing")).toBeGreaterThan(second);
    const csv = buildCsv(input);
    expect(csv).toContain('"Open Space: topics · step 2: Morning marketplace","Slot 1 · A","Open data"');
    expect(csv).toContain('"Open Space: topics · step 7: Afternoon marketplace","Slot 1 · A","Housing","Ask"');
    expect(buildMarkdown({ ...input, locale: "fi" })).toContain(
      "## Open Space: aiheet · vaihe 7: Afternoon marketplace\n",
    );
    expect(buildMarkdown({ ...input, locale: "sv" })).toContain("## Open Space: ämnen · steg 2: Morning marketplace\n");
  });
});
