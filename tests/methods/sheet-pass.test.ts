import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../shared/random";
import {
  heldSheet,
  hushedMembers,
  joinSheetPass,
  passDue,
  passNow,
  setVoiceOpen,
  sheetPassDone,
  sheetPassViewFor,
  startSheetPass,
  writeRow,
  type SheetPass,
} from "../../shared/methods/sheet-pass";

const ok = (result: { ok: true; pass: SheetPass } | { ok: false; key: string }): SheetPass => {
  if (!result.ok) throw new Error(result.key);
  return result.pass;
};

const mechanic = { ideasPerRow: 3, passSeconds: 300 };
const start = (groups: string[][], silent = true) => startSheetPass(0, mechanic, groups, silent, 0);
const write = (pass: SheetPass, who: string, ideas = [`${who} 1`, `${who} 2`, `${who} 3`], now = 1) => {
  const where = heldSheet(pass, who)!;
  const row = pass.groups[where.group]!.pass;
  return writeRow(pass, who, where.sheet!, row, ideas, now);
};

describe("Brainwriting 6-3-5 sheets", () => {
  it("gives each member their own sheet first, then the next member's, until every sheet is full", () => {
    let pass = start([["a", "b", "c"]]);
    expect(heldSheet(pass, "a")).toEqual({ group: 0, sheet: 0 });
    expect(heldSheet(pass, "c")).toEqual({ group: 0, sheet: 2 });
    pass = ok(write(pass, "a"));
    pass = ok(write(pass, "b"));
    expect(pass.groups[0]!.pass).toBe(0);
    pass = ok(write(pass, "c", ["c 1", "c 2", "c 3"], 50));
    // Everyone wrote: the sheets moved on, a's sheet is now with b, under a's row.
    expect(pass.groups[0]).toMatchObject({ pass: 1, passedAt: 50 });
    expect(heldSheet(pass, "b")).toEqual({ group: 0, sheet: 0 });
    const b = sheetPassViewFor(pass, "b", false);
    expect(b.held).toEqual({ sheet: 1, row: 1, above: [["a 1", "a 2", "a 3"]], mine: null });
    expect(JSON.stringify(b)).not.toContain('"a"');
    for (const who of ["a", "b", "c", "a", "b", "c"]) pass = ok(write(pass, who));
    expect(sheetPassDone(pass)).toBe(true);
    expect(write(pass, "a")).toEqual({ ok: false, key: "methods.sheetPass.done" });
    expect(sheetPassViewFor(pass, "a", false).sheets).toHaveLength(3);
  });

  it("refuses earlier rows, sheets not held, outsiders and bad rows", () => {
    let pass = start([["a", "b", "c"]]);
    pass = ok(passNow(pass, 0, 0, 10));
    // b now holds sheet 0 at row 1.
    expect(writeRow(pass, "b", 0, 0, ["x", "y", "z"], 11)).toEqual({ ok: false, key: "methods.sheetPass.readOnly" });
    expect(writeRow(pass, "b", 1, 1, ["x", "y", "z"], 11)).toEqual({ ok: false, key: "methods.sheetPass.notYours" });
    expect(writeRow(pass, "b", 0, 2, ["x", "y", "z"], 11)).toEqual({ ok: false, key: "methods.sheetPass.notYours" });
    expect(writeRow(pass, "z", 0, 1, ["x", "y", "z"], 11)).toEqual({
      ok: false,
      key: "methods.sheetPass.notInGroup",
    });
    expect(writeRow(pass, "b", 0, 1, ["x", "y"], 11)).toEqual({ ok: false, key: "methods.sheetPass.badIdeas" });
    expect(writeRow(pass, "b", 0, 1, [" ", "", ""], 11)).toEqual({ ok: false, key: "methods.sheetPass.badIdeas" });
    expect(writeRow(pass, "b", 0, 1, ["x".repeat(201), "", ""], 11)).toEqual({
      ok: false,
      key: "methods.sheetPass.badIdeas",
    });
    // A row is rewritable until the pass; blanks are allowed beside one idea.
    pass = ok(writeRow(pass, "b", 0, 1, ["first", "", ""], 11));
    pass = ok(writeRow(pass, "b", 0, 1, [" second ", "", ""], 12));
    expect(sheetPassViewFor(pass, "b", false).held?.mine).toEqual(["second", "", ""]);
    expect(passNow(pass, 0, 0, 13)).toEqual({ ok: false, key: "methods.stale" });
  });

  it("passes each group on its own clock and keeps an unwritten row as an empty place", () => {
    let pass = start([
      ["a", "b"],
      ["c", "d"],
    ]);
    pass = ok(write(pass, "a", ["a1", "", ""], 1));
    expect(passDue(pass, 299_999)).toBe(pass);
    pass = ok(passNow(pass, 1, 0, 100_000));
    pass = passDue(pass, 300_000);
    expect(pass.groups.map((g) => g.pass)).toEqual([1, 1]);
    expect(pass.groups[0]!.passedAt).toBe(300_000);
    expect(sheetPassViewFor(pass, "b", false).held).toEqual({ sheet: 1, row: 1, above: [["a1", "", ""]], mine: null });
    expect(sheetPassViewFor(pass, "a", false).held).toEqual({ sheet: 2, row: 1, above: [], mine: null });
    expect(sheetPassViewFor(pass, "a", false).passEndsAt).toBe(600_000);
    expect(sheetPassViewFor(pass, "x", true).progress).toEqual([
      { pass: 1, passes: 2, written: 0, sheets: 2 },
      { pass: 1, passes: 2, written: 0, sheets: 2 },
    ]);
  });

  it("is silent for the groups' members until the facilitator opens the voice", () => {
    let pass = start([["a", "b"], ["c"]]);
    expect(hushedMembers(pass)).toEqual(["a", "b", "c"]);
    pass = ok(setVoiceOpen(pass, true));
    expect(hushedMembers(pass)).toEqual([]);
    expect(hushedMembers(start([["a"]], false))).toEqual([]);
    expect(setVoiceOpen(start([["a"]], false), true)).toEqual({ ok: false, key: "methods.sheetPass.notSilent" });
    // After the step: no silence, no facilitator controls, each group's sheets to read.
    const after = sheetPassViewFor(start([["a", "b"]]), "a", true, false);
    expect(after).toMatchObject({ silent: false, progress: null, held: null, passEndsAt: null });
    expect(after.sheets).toEqual([[], []]);
  });

  it("fills every sheet with one row by each member, in any order of writing and passing, for many seeds", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = mulberry32(seed);
      const sizes = [2 + Math.floor(random() * 5), 2 + Math.floor(random() * 5)];
      let next = 0;
      const groups = sizes.map((size) => Array.from({ length: size }, () => `p${next++}`));
      let pass = start(groups);
      let now = 0;
      for (let guard = 0; !sheetPassDone(pass) && guard < 500; guard++) {
        now += 1000;
        const everyone = groups.flat();
        const who = everyone[Math.floor(random() * everyone.length)]!;
        if (random() < 0.1) {
          const g = heldSheet(pass, who)!.group;
          const result = passNow(pass, g, pass.groups[g]!.pass, now);
          if (result.ok) pass = result.pass;
        } else if (heldSheet(pass, who)!.sheet !== null) pass = ok(write(pass, who, [who, "", ""], now));
      }
      expect(sheetPassDone(pass), `seed ${seed}`).toBe(true);
      for (const [g, group] of pass.groups.entries()) {
        for (const [s, rows] of group.sheets.entries()) {
          expect(rows, `seed ${seed}`).toHaveLength(group.members.length);
          // Row p of sheet s is by the member p places after its starter, or left empty.
          rows.forEach((row, p) => {
            if (row) expect(row.author, `seed ${seed}`).toBe(groups[g]![(s + p) % group.members.length]);
          });
        }
      }
    }
  });

  it("gives a late joiner a blank sheet in their group's round: nobody's sheet changes hands, the group ends on time", () => {
    let pass = start([
      ["a", "b", "c"],
      ["d", "e"],
    ]);
    pass = ok(write(pass, "a"));
    pass = ok(write(pass, "b"));
    pass = ok(write(pass, "c"));
    expect(pass.groups[0]!.pass).toBe(1);
    pass = ok(write(pass, "b", ["b again", "", ""]));
    const before = ["a", "b", "c"].map((who) => heldSheet(pass, who));
    // Placed in a's group by the run: joins it, not the smaller one.
    pass = joinSheetPass(pass, "z", ["a", "b", "c", "z"]);
    expect(["a", "b", "c"].map((who) => heldSheet(pass, who))).toEqual(
      before.map((w) => ({ group: 0, sheet: w!.sheet! >= 2 ? w!.sheet! + 1 : w!.sheet })),
    );
    const z = heldSheet(pass, "z")!;
    expect(sheetPassViewFor(pass, "z", false, true, true)).toMatchObject({
      held: { row: 1, above: [], mine: null },
      pass: 1,
      passes: 3,
      noSheet: false,
    });
    // The row b wrote this pass is still there, on the sheet b holds.
    expect(sheetPassViewFor(pass, "b", false).held?.mine).toEqual(["b again", "", ""]);
    // The pass waits for the joiner too; then the sheets go round four people.
    pass = ok(write(pass, "a"));
    pass = ok(write(pass, "c"));
    expect(pass.groups[0]!.pass).toBe(1);
    pass = ok(write(pass, "z"));
    expect(pass.groups[0]!.pass).toBe(2);
    // The joiner's sheet travels on like the others: after z comes a.
    expect(heldSheet(pass, "a")!.sheet).toBe(z.sheet);
    expect(sheetPassViewFor(pass, "a", false).held?.above).toEqual([["z 1", "z 2", "z 3"]]);
    // Someone the run placed in no sheet group: the smallest group still writing.
    expect(joinSheetPass(pass, "y", []).groups[1]!.members).toEqual(["d", "e", "y"]);
    expect(joinSheetPass(pass, "a", ["a"])).toBe(pass);
    // After the last pass there is no sheet to give: the joiner is told so.
    const done = passNow(pass, 0, 2, 10);
    const finished = ok(done);
    expect(joinSheetPass(finished, "x", ["a", "x"])).toBe(finished);
    expect(sheetPassViewFor(finished, "x", false, true, true).noSheet).toBe(true);
    expect(sheetPassViewFor(finished, "x", false, false, true).noSheet).toBe(false);
    expect(sheetPassViewFor(finished, "x", true, true, false).noSheet).toBe(false);
  });

  it("never hands anyone the same sheet twice, however many join late and whenever, for many seeds", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = mulberry32(seed);
      const size = 2 + Math.floor(random() * 6);
      const members = Array.from({ length: size }, (_, i) => `m${i}`);
      let pass = start([members]);
      let now = 0;
      let joined = 0;
      for (let guard = 0; !sheetPassDone(pass) && guard < 500; guard++) {
        now += 1000;
        const group = pass.groups[0]!;
        if (random() < 0.15 && joined < 4) {
          const before = group.members.map((who) => group.sheets[heldSheet(pass, who)!.sheet!]);
          pass = joinSheetPass(pass, `late${joined++}`, group.members);
          const after = pass.groups[0]!;
          // Every sheet stays in the hands it was in.
          expect(
            group.members.map((who) => after.sheets[heldSheet(pass, who)!.sheet!]),
            `seed ${seed}`,
          ).toEqual(before);
          continue;
        }
        const who = group.members[Math.floor(random() * group.members.length)]!;
        if (random() < 0.1) pass = ok(passNow(pass, 0, group.pass, now));
        else if (heldSheet(pass, who)!.sheet !== null) pass = ok(write(pass, who, [who, "", ""], now));
      }
      expect(sheetPassDone(pass), `seed ${seed}`).toBe(true);
      const group = pass.groups[0]!;
      expect(group.pass, `seed ${seed}`).toBe(size);
      for (const rows of group.sheets) {
        const authors = rows.flatMap((row) => (row ? [row.author] : []));
        expect(new Set(authors).size, `seed ${seed}`).toBe(authors.length);
      }
    }
  });
});
