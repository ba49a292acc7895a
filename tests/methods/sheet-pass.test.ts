import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../shared/random";
import type { MethodsRun } from "../../shared/methods/run";
import {
  heldSheet,
  hushedMembers,
  joinSheetPass,
  passDue,
  passNow,
  setVoiceOpen,
  sheetPassDone,
  sheetPassesFor,
  sheetPassViewFor,
  shownSheetPass,
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
    // Placed in a's group by the run: joins it, not the smaller one. Everyone keeps the sheet they
    // hold, under the same number; the joiner's blank sheet is number 4.
    pass = joinSheetPass(pass, "z", ["a", "b", "c", "z"]);
    expect(["a", "b", "c"].map((who) => heldSheet(pass, who))).toEqual(before);
    const z = heldSheet(pass, "z")!;
    expect(z).toEqual({ group: 0, sheet: 3 });
    expect(sheetPassViewFor(pass, "z", false, true, true)).toMatchObject({
      held: { sheet: 4, row: 1, above: [], mine: null },
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

  it("keeps every sheet's number for its lifetime: a late joiner's sheet takes the next free one", () => {
    let pass = start([["a", "b", "c", "d"]]);
    pass = ok(passNow(pass, 0, 0, 10));
    pass = ok(passNow(pass, 0, 1, 20));
    // At pass 2: a holds sheet 3, b sheet 4, c sheet 1, d sheet 2.
    const numbers = (p: SheetPass, who: readonly string[]) => who.map((w) => sheetPassViewFor(p, w, false).held?.sheet);
    expect(numbers(pass, ["a", "b", "c", "d"])).toEqual([3, 4, 1, 2]);
    pass = ok(write(pass, "a", ["a on 3", "", ""], 21));
    // x's blank sheet goes in at the place x holds in the round, yet takes number 5; y's then number 6.
    pass = joinSheetPass(pass, "x", ["a", "x"]);
    expect(numbers(pass, ["a", "b", "c", "d", "x"])).toEqual([3, 4, 1, 2, 5]);
    pass = joinSheetPass(pass, "y", ["a", "y"]);
    expect(numbers(pass, ["a", "b", "c", "d", "x", "y"])).toEqual([3, 4, 1, 2, 5, 6]);
    // A write names the sheet by its number (less one), as the holder saw it.
    expect(writeRow(pass, "x", 2, 2, ["x", "", ""], 22)).toEqual({ ok: false, key: "methods.sheetPass.notYours" });
    pass = ok(writeRow(pass, "x", 4, 2, ["x on 5", "", ""], 22));
    for (const who of ["b", "c", "d", "y"]) pass = ok(write(pass, who, [`${who} 2`, "", ""], 23));
    // Each sheet travels on under its number, to the next in the round (the joiners last, then a).
    expect(pass.groups[0]!.pass).toBe(3);
    expect(numbers(pass, ["a", "b", "c", "d", "x", "y"])).toEqual([6, 3, 4, 1, 2, 5]);
    expect(sheetPassViewFor(pass, "b", false).held?.above).toEqual([["a on 3", "", ""]]);
    expect(sheetPassViewFor(pass, "y", false).held?.above).toEqual([["x on 5", "", ""]]);
    // Read back in full, sheets come in number order.
    pass = ok(passNow(pass, 0, 3, 30));
    const sheets = sheetPassViewFor(pass, "a", false).sheets!;
    expect(sheets).toHaveLength(6);
    expect(sheets[2]).toContainEqual(["a on 3", "", ""]);
    expect(sheets[4]).toEqual([["x on 5", "", ""]]);
  });

  it("keeps a stable number through the 300 seeds' joins and passes", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = mulberry32(seed);
      const size = 2 + Math.floor(random() * 6);
      let pass = start([Array.from({ length: size }, (_, i) => `m${i}`)]);
      let joined = 0;
      for (let guard = 0; !sheetPassDone(pass) && guard < 200; guard++) {
        const group = pass.groups[0]!;
        const held = new Map(group.members.map((who) => [who, sheetPassViewFor(pass, who, false).held?.sheet]));
        if (random() < 0.2 && joined < 4) {
          pass = joinSheetPass(pass, `late${joined++}`, group.members);
          const after = pass.groups[0]!;
          for (const [who, sheet] of held)
            expect(sheetPassViewFor(pass, who, false).held?.sheet, `seed ${seed}`).toBe(sheet);
          expect(sheetPassViewFor(pass, after.members.at(-1)!, false).held?.sheet, `seed ${seed}`).toBe(
            after.sheets.length,
          );
        } else {
          // Whoever held sheet k now holds what the one before them in the round held.
          pass = ok(passNow(pass, 0, group.pass, guard));
          if (sheetPassDone(pass)) break;
          const members = pass.groups[0]!.members;
          members.forEach((who, i) => {
            const before = members[(i - 1 + members.length) % members.length]!;
            expect(sheetPassViewFor(pass, who, false).held?.sheet, `seed ${seed}`).toBe(held.get(before));
          });
        }
      }
    }
  });

  it("keeps each Brainwriting step's sheets of its own: a second step adds its set, Back drops only its own", () => {
    const step = (title: string) => ({
      id: title,
      title,
      prompt: "",
      durationSeconds: 600,
      grouping: { kind: "groupsOf" as const, size: 2, mix: false },
      silent: true,
      mechanic: { kind: "sheetPass" as const, ideasPerRow: 3, passSeconds: 300 },
    });
    const plan = { title: "Two rounds", steps: [step("one"), { ...step("talk"), mechanic: undefined }, step("two")] };
    const entry = (s: number, groups: string[][], startedAt: number) => ({
      step: s,
      groups,
      startedAt,
      extendedSeconds: 0,
    });
    const run = (entries: ReturnType<typeof entry>[]) => ({ plan, entries }) as unknown as MethodsRun;
    const groups = [["a", "b"]];
    const first = sheetPassesFor([], run([entry(0, groups, 5)]));
    expect(first).toMatchObject({ drop: [], put: { entry: 0, groups: [{ members: ["a", "b"], passedAt: 5 }] } });
    const one = ok(write(first.put!, "a"));
    // The step after: nothing to hand out, the first step's sheets stay (shown, only read).
    expect(sheetPassesFor([one], run([entry(0, groups, 5), entry(1, groups, 9)]))).toEqual({ drop: [], put: null });
    const second = sheetPassesFor([one], run([entry(0, groups, 5), entry(1, groups, 9), entry(2, groups, 20)]));
    expect(second.drop).toEqual([]);
    expect(second.put).toMatchObject({ entry: 2, groups: [{ pass: 0, sheets: [[], []] }] });
    expect(shownSheetPass([one, second.put!])).toBe(second.put);
    // Back from the second step drops its sheets only; the first's are as they were.
    const back = sheetPassesFor([one, second.put!], run([entry(0, groups, 5), entry(1, groups, 9)]));
    expect(back).toEqual({ drop: [2], put: null });
    expect(shownSheetPass([one])).toBe(one);
    // Back to the first step: its sheets are current again, unchanged.
    expect(sheetPassesFor([one], run([entry(0, groups, 5)]))).toEqual({ drop: [], put: null });
    // Someone placed in a group of the current step gets a blank sheet there.
    const joined = sheetPassesFor([one], run([entry(0, [["a", "b", "z"]], 5)]));
    expect(joined.put?.groups[0]!.members).toEqual(["a", "b", "z"]);
  });
});
