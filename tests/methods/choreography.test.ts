import { describe, expect, it } from "vitest";
import { applyChanges, emptyDoc, type BoardDoc, type BoardsDoc, type NoteDoc } from "../../shared/boards/model";
import {
  gatherHarvest,
  mergeOntoBoard,
  returnTravelled,
  undoHarvest,
  unwrite,
  writeIdeas,
} from "../../shared/boards/merge";
import { groupIdeas, startSheetPass } from "../../shared/methods/sheet-pass";
import { harvestTables, zoneMerges, zonesOfEntries } from "../../shared/methods/choreography";
import type { Person } from "../../shared/methods/grouping";
import { emptyRun, nextStep, previousStep, withPlan, type MethodsRun } from "../../shared/methods/run";
import { templatePlan } from "../../shared/methods/templates";
import { mulberry32 } from "../../shared/random";

const ZONES = ["za", "zb", "zc", "zd", "ze", "zf", "zg", "zh"];

function people(n: number): Person[] {
  return Array.from({ length: n }, (_, i) => ({ id: `u${i}`, organisation: ["Kela", "Espoo", ""][i % 3]! }));
}

function counter(prefix = "s"): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

function next(run: MethodsRun, present: Person[], now = 0): MethodsRun {
  const result = nextStep(run, present, now);
  if (!result.ok) throw new Error(`refused: ${result.issue.key}`);
  return result.run;
}

function board(id: string, zoneId: string): BoardDoc {
  return {
    id,
    title: "",
    preset: "zone",
    zoneId,
    x: 0,
    z: 0,
    yaw: 0,
    width: 260,
    height: 160,
    locked: false,
    clustering: false,
    round: null,
    rounds: [],
    order: 0,
    createdAt: 0,
  };
}

function note(id: string, boardId: string, x: number, y: number, extra: Partial<NoteDoc> = {}): NoteDoc {
  return {
    id,
    boardId,
    text: `text of ${id}`,
    color: 0,
    x,
    y,
    clusterId: "",
    authorUid: "u0",
    authorName: "Anna",
    hidden: false,
    anonymous: false,
    createdAt: 10,
    updatedAt: 10,
    ...extra,
  };
}

/** A document with one board per zone, `perBoard` notes on each in a row. */
function docWith(zones: readonly string[], perBoard: number): BoardsDoc {
  const doc = emptyDoc();
  for (const zone of zones) {
    doc.boards.set(`b-${zone}`, board(`b-${zone}`, zone));
    for (let i = 0; i < perBoard; i++) {
      const n = note(`n-${zone}-${i}`, `b-${zone}`, 30 + (i % 5) * 45, 30 + Math.floor(i / 5) * 45);
      doc.notes.set(n.id, n);
    }
  }
  return doc;
}

const snapshot = (doc: BoardsDoc) =>
  [...doc.notes.values()].map((n) => [n.id, n.boardId, n.x, n.y, n.clusterId, n.text]).sort();

describe("1-2-4-All: zones and boards follow the groups", () => {
  it("pairs take the zones in order; each four stays in the zone of one of its pairs and the other pair's zone merges into it", () => {
    let run = withPlan(emptyRun(0), templatePlan("oneTwoFourAll", "en", counter()), 7);
    const everyone = people(8);
    run = next(next(run, everyone), everyone);
    run = next(run, everyone);
    const plan = run.plan!;
    const zones = zonesOfEntries(plan, run.entries, ZONES);
    expect(zones[0]!.every((z) => z === null)).toBe(true);
    expect(zones[1]).toEqual(["za", "zb", "zc", "zd"]);
    const pairZone = new Map<string, string>();
    run.entries[1]!.groups.forEach((g, i) => g.forEach((uid) => pairZone.set(uid, zones[1]![i]!)));
    const merges = zoneMerges(plan, run.entries, zones);
    expect(merges).toHaveLength(2);
    run.entries[2]!.groups.forEach((four, i) => {
      const theirs = new Set(four.map((uid) => pairZone.get(uid)));
      expect(theirs.size).toBe(2);
      expect(theirs.has(zones[2]![i]!)).toBe(true);
      const merge = merges.find((m) => m.to === zones[2]![i])!;
      expect(new Set([merge.to, ...merge.from])).toEqual(theirs);
    });
  });

  it("seeded property: for 4 to 17 people the fours' zones are their pairs' zones, and merging then Back puts every note back exactly", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const random = mulberry32(seed);
      const count = 4 + Math.floor(random() * 14);
      const everyone = people(count);
      let run = withPlan(emptyRun(0), templatePlan("oneTwoFourAll", "fi", counter()), seed);
      run = next(next(run, everyone), everyone);
      // Sometimes someone leaves between the pairs and the fours.
      const present = random() < 0.3 ? everyone.slice(1) : everyone;
      run = next(run, present);
      const plan = run.plan!;
      const zones = zonesOfEntries(plan, run.entries, ZONES);
      const pairZones = zones[1]!.filter((z): z is string => z !== null);
      const fourZones = zones[2]!.filter((z): z is string => z !== null);
      expect(new Set(fourZones).size).toBe(fourZones.length);
      for (const z of fourZones) expect(pairZones).toContain(z);

      const doc = docWith(pairZones, 1 + Math.floor(random() * 8));
      const before = snapshot(doc);
      const merges = zoneMerges(plan, run.entries, zones);
      // Every pair's zone is either a four's or merges into one: no pair's notes are left behind.
      expect(new Set(merges.flatMap((m) => [m.to, ...m.from]))).toEqual(new Set(pairZones));
      const travel = merges.flatMap((m) => {
        const merged = mergeOntoBoard(
          doc,
          `b-${m.to}`,
          m.from.map((z) => `b-${z}`),
          0,
          99,
        );
        applyChanges(doc, merged.changes);
        return merged.travel;
      });
      // On each merged board no two notes share a place, and every note is still there.
      for (const z of fourZones) {
        const spots = [...doc.notes.values()].filter((n) => n.boardId === `b-${z}`).map((n) => `${n.x},${n.y}`);
        expect(new Set(spots).size).toBe(spots.length);
      }
      expect(doc.notes.size).toBe(before.length);
      for (const z of merges.flatMap((m) => m.from)) {
        expect([...doc.notes.values()].some((n) => n.boardId === `b-${z}`)).toBe(false);
      }
      applyChanges(doc, returnTravelled(doc, travel, 100));
      expect(snapshot(doc)).toEqual(before);
      // Back in the run gives the pairs their zones again.
      const back = previousStep(run);
      if (!back.ok) throw new Error("back refused");
      expect(zonesOfEntries(plan, back.run.entries, ZONES).at(-1)).toEqual(zones[1]);
    }
  });

  it("Back keeps what the four wrote and what was deleted stays deleted; a note returns to its cluster when that still exists", () => {
    const doc = docWith(["za", "zb"], 2);
    doc.clusters.set("c1", { id: "c1", boardId: "b-zb", title: "", x: 0, y: 0, width: 100, height: 100, createdAt: 0 });
    doc.notes.set("n-zb-0", { ...doc.notes.get("n-zb-0")!, clusterId: "c1" });
    const { changes, travel } = mergeOntoBoard(doc, "b-za", ["b-zb"], 0, 50);
    applyChanges(doc, changes);
    expect(doc.notes.get("n-zb-0")).toMatchObject({ boardId: "b-za", clusterId: "" });
    doc.notes.set("new", note("new", "b-za", 200, 120, { createdAt: 60 }));
    doc.notes.delete("n-zb-1");
    applyChanges(doc, returnTravelled(doc, travel, 70));
    expect(doc.notes.get("n-zb-0")).toMatchObject({ boardId: "b-zb", clusterId: "c1", x: 30, y: 30 });
    expect(doc.notes.get("new")!.boardId).toBe("b-za");
    expect(doc.notes.has("n-zb-1")).toBe(false);
  });

  it("only notes written since the pairs began travel; older ones (an earlier cycle's) stay on their zone's board", () => {
    const doc = docWith(["za", "zb"], 1);
    doc.notes.set("old", note("old", "b-zb", 100, 100, { createdAt: 1 }));
    const { changes } = mergeOntoBoard(doc, "b-za", ["b-zb"], 5, 50);
    expect(changes.map((c) => c.id)).toEqual(["n-zb-0"]);
  });
});

describe("World Café: tables keep their zones, the harvest gathers them", () => {
  it("a table stays in its host's zone round after round, so its board (the tablecloth) stays with it", () => {
    const everyone = people(15);
    let run = withPlan(emptyRun(0), templatePlan("worldCafe", "en", counter()), 11);
    for (let round = 0; round < 3; round++) run = next(run, everyone, round * 1000);
    const zones = zonesOfEntries(run.plan!, run.entries, ZONES);
    const hostZone = (entry: number) =>
      new Map(run.entries[entry]!.groups.map((g, i) => [g[0]!, zones[entry]![i]!] as const));
    expect(zones[0]).toEqual(["za", "zb", "zc"]);
    expect(hostZone(1)).toEqual(hostZone(0));
    expect(hostZone(2)).toEqual(hostZone(0));
    // The guests did move.
    expect(run.entries[1]!.groups).not.toEqual(run.entries[0]!.groups);
  });

  it("the harvest gathers each table in zone order with its host, counting notes from the first round", () => {
    const everyone = people(12);
    let run = withPlan(emptyRun(0), templatePlan("worldCafe", "en", counter()), 3);
    for (let step = 0; step < 4; step++) run = next(run, everyone, 1000 + step * 1000);
    const zones = zonesOfEntries(run.plan!, run.entries, ZONES);
    const { tables, since } = harvestTables(run.plan!, run.entries, zones, ZONES);
    expect(since).toBe(1000);
    expect(tables.map((t) => t.zoneId)).toEqual(["za", "zb"]);
    expect(tables.map((t) => t.host)).toEqual(run.entries[2]!.groups.map((g) => g[0]));
  });

  it("the harvest wall copies every table's notes into a titled column each, keeps privacy, leaves the tablecloths, and Back takes it down", () => {
    const doc = docWith(["za", "zb", "zc"], 4);
    doc.notes.set("secret", note("secret", "b-zc", 200, 100, { hidden: true, anonymous: true, authorUid: "u7" }));
    const before = snapshot(doc);
    const gathered = gatherHarvest(
      doc,
      [
        { boardId: "b-za", title: "A · Anna" },
        { boardId: "b-zb", title: "B" },
        { boardId: "b-zc", title: "C" },
      ],
      "Harvest",
      0,
      500,
      counter("h"),
    )!;
    applyChanges(doc, gathered.changes);
    const wall = doc.boards.get(gathered.harvest.boardId)!;
    expect(wall).toMatchObject({ title: "Harvest", zoneId: "", preset: "custom" });
    const columns = [...doc.clusters.values()].filter((c) => c.boardId === wall.id).sort((a, b) => a.x - b.x);
    expect(columns.map((c) => c.title)).toEqual(["A · Anna", "B", "C"]);
    const copies = [...doc.notes.values()].filter((n) => n.boardId === wall.id);
    expect(copies).toHaveLength(13);
    for (const column of columns) {
      const inIt = copies.filter((n) => n.clusterId === column.id);
      for (const n of inIt) expect(n.x >= column.x && n.x <= column.x + column.width).toBe(true);
    }
    expect(copies.find((n) => n.text === "text of secret")).toMatchObject({
      hidden: true,
      anonymous: true,
      authorUid: "u7",
    });
    // The tablecloths are untouched.
    expect(snapshot(doc).filter(([, boardId]) => boardId !== wall.id)).toEqual(before);

    applyChanges(doc, undoHarvest(doc, gathered.harvest));
    expect(doc.boards.has(wall.id)).toBe(false);
    expect(snapshot(doc)).toEqual(before);
  });

  it("Back leaves the harvest wall up once someone has written on it", () => {
    const doc = docWith(["za"], 2);
    const gathered = gatherHarvest(doc, [{ boardId: "b-za", title: "A" }], "Harvest", 0, 500, counter("h"))!;
    applyChanges(doc, gathered.changes);
    doc.notes.set("mine", note("mine", gathered.harvest.boardId, 500, 100));
    expect(undoHarvest(doc, gathered.harvest)).toEqual([]);
  });

  it("no harvest wall when there is nothing to gather", () => {
    const doc = docWith(["za"], 0);
    expect(gatherHarvest(doc, [{ boardId: "b-za", title: "A" }], "Harvest", 0, 500, counter("h"))).toBeNull();
  });
});

describe("Brainwriting: the sheets' ideas go onto the group's board", () => {
  it("writes each idea as an anonymous note on a spot of its own, cut to a note's length, and Back takes them off", () => {
    const doc = docWith(["za"], 2);
    const before = snapshot(doc);
    const long = "x".repeat(200);
    const ideas = [
      { text: "Open the data", author: "u1" },
      { text: long, author: "u2" },
    ];
    const { changes, written } = writeIdeas(doc, "b-za", ideas, 500, counter("i"));
    expect(written).toEqual(["i1", "i2"]);
    applyChanges(doc, changes);
    const notes = written.map((id) => doc.notes.get(id)!);
    expect(notes.map((n) => n.text)).toEqual(["Open the data", `${"x".repeat(139)}…`]);
    for (const n of notes) expect(n).toMatchObject({ anonymous: true, authorName: "", hidden: false, boardId: "b-za" });
    expect(notes.map((n) => n.authorUid)).toEqual(["u1", "u2"]);
    // None on top of another, the two notes already there included.
    const spots = [...doc.notes.values()].map((n) => `${n.x},${n.y}`);
    expect(new Set(spots).size).toBe(spots.length);
    // A board that does not exist takes nothing.
    expect(writeIdeas(doc, "gone", ideas, 500, counter("j"))).toEqual({ changes: [], written: [] });

    // Back: the copies come off; a note someone deleted meanwhile is not deleted twice.
    doc.notes.delete("i1");
    const undo = unwrite(doc, written);
    expect(undo).toEqual([{ kind: "note", id: "i2", value: null }]);
    applyChanges(doc, undo);
    expect(snapshot(doc)).toEqual(before);
  });

  it("lists a group's ideas sheet by sheet, row by row, without blanks", () => {
    const pass = startSheetPass(0, { ideasPerRow: 3, passSeconds: 300 }, [["a", "b"]], true, 0);
    const group = pass.groups[0]!;
    group.sheets[0]![0] = { author: "a", ideas: ["a1", " ", "a2 "] };
    group.sheets[1]![0] = { author: "b", ideas: ["b1", "", ""] };
    group.sheets[0]![1] = { author: "b", ideas: ["b2", "", ""] };
    expect(groupIdeas(group)).toEqual([
      { text: "a1", author: "a" },
      { text: "a2", author: "a" },
      { text: "b2", author: "b" },
      { text: "b1", author: "b" },
    ]);
  });
});
