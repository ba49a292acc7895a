import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCsv, csvCell } from "../../shared/export/csv";
import { buildJson } from "../../shared/export/json";
import { buildMarkdown, escapeMarkdown } from "../../shared/export/markdown";
import { fixtureInput } from "./fixture";

const GOLDEN = join(import.meta.dirname, "golden");

/** Compares with a committed golden file; `UPDATE_GOLDEN=1` rewrites it after a deliberate change. */
function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`missing golden file ${name}: run with UPDATE_GOLDEN=1 once and review it`);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("exports", () => {
  it("Markdown summary matches the golden file (English and Finnish)", () => {
    golden("session.en.md", buildMarkdown(fixtureInput("en")));
    golden("session.fi.md", buildMarkdown(fixtureInput("fi")));
  });

  it("CSV matches the golden file", () => {
    golden("session.en.csv", buildCsv(fixtureInput("en")));
  });

  it("CSV says where each named author sat when the session had a physical room, and nothing of the anonymous", () => {
    const hybrid = {
      rooms: [{ name: "Kuusi", seats: 8 }],
      attendance: [
        { uid: "uid-anna", name: "Anna", room: "Kuusi", as: "seat" as const },
        { uid: "uid-ben", name: "Ben", room: "Kuusi", as: "seat" as const },
      ],
    };
    const rows = buildCsv({ ...fixtureInput("fi"), hybrid })
      .slice(1)
      .trim()
      .split("\r\n")
      .map((line) => line.split('","').map((cell) => cell.replace(/^"|"$/g, "")));
    expect(rows[0]!.at(-1)).toBe("missä");
    const byAuthor = new Map(rows.slice(1).map((row) => [row[8], row.at(-1)]));
    expect(byAuthor.get("Anna")).toBe("paikan päällä");
    expect(byAuthor.get("Åsa")).toBe("etänä");
    // Ben's note was anonymous: neither his name nor where he sat.
    expect(rows.slice(1).some((row) => row.includes("Ben"))).toBe(false);
    expect(
      rows
        .slice(1)
        .filter((row) => row[8] === "")
        .every((row) => row.at(-1) === ""),
    ).toBe(true);
    // Without a physical room the table is as before.
    expect(buildCsv(fixtureInput("fi")).split("\r\n")[0]).not.toContain("missä");
  });

  it("JSON matches the golden file and parses", () => {
    const json = buildJson(fixtureInput("sv"));
    golden("session.sv.json", json);
    const parsed = JSON.parse(json) as { boards: { notes: { author: string | null; text: string }[] }[] };
    const all = parsed.boards.flatMap((b) => b.notes);
    expect(all.find((n) => n.text.startsWith("<script>"))?.author).toBeNull();
    expect(all.map((n) => n.text)).not.toContain("still private");
    expect(json).not.toContain("uid-");
  });

  it("never lets note text become markup, a formula, or an author of an anonymous note", () => {
    const md = buildMarkdown(fixtureInput("en"));
    expect(md).not.toContain("<script>");
    expect(md).toContain("\\<script\\>");
    expect(md).not.toMatch(/\*\*not bold\*\*/);
    expect(md).not.toContain("Ben —");
    expect(md).not.toContain("still private");
    expect(md).toContain("1 note of a private round not yet revealed is not included.");
    const csv = buildCsv(fixtureInput("en"));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""click"") ""quoted"""`);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    // The anonymous note's row has no author.
    const row = csv.split("\r\n").find((line) => line.includes("<script>"))!;
    expect(row.endsWith(',""')).toBe(true);
  });

  it("ranks the notes of a vote by their dots, ties sharing a rank", () => {
    const md = buildMarkdown(fixtureInput("en"));
    const ranking = md.split("\n").filter((line) => /^- \*\*\d+\.\*\* /.test(line));
    expect(ranking.map((line) => line.split(" — ")[1])).toEqual([
      "**3 dots** (voted: Anna ×2, Ben)",
      '**2 dots** (voted: Ben, Cecilia, "CC")',
      "**2 dots** (voted: Åsa ×2)",
      "**0 dots**",
    ]);
    expect(ranking.map((line) => line.slice(4, 6))).toEqual(["1.", "2.", "2.", "4."]);
  });

  it("escapes the characters that start Markdown constructs", () => {
    expect(escapeMarkdown("a*b_c`d")).toBe("a\\*b\\_c\\`d");
    expect(escapeMarkdown("- item")).toBe("\\- item");
    expect(escapeMarkdown("12. twelve")).toBe("12\\. twelve");
    expect(escapeMarkdown("[link](http://x)")).toBe("\\[link\\](http://x)");
    expect(escapeMarkdown("&amp; <b>")).toBe("\\&amp; \\<b\\>");
    expect(csvCell("+SUM(A1)")).toBe(`"'+SUM(A1)"`);
    expect(csvCell("@cmd")).toBe(`"'@cmd"`);
    expect(csvCell("-2")).toBe(`"'-2"`);
    expect(csvCell("plain, text")).toBe(`"plain, text"`);
  });
});
