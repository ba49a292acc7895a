import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../shared/random";
import {
  formGroupCount,
  formGroupsOf,
  formPairs,
  mergePairs,
  passCards,
  placeLateJoiner,
  recordEncounters,
  removeLeaver,
  repeatEncounters,
  rotateTables,
  seatTables,
  sheetHolder,
  shuffle,
  soloGroups,
  tableMembers,
  troikaRoles,
  type Person,
  type Table,
} from "../../shared/methods/grouping";

function people(n: number, organisations: string[] = [""]): Person[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `p${String(i).padStart(3, "0")}`,
    organisation: organisations[i % organisations.length]!,
  }));
}

/** Everyone placed exactly once, nobody invented. */
function expectEveryoneOnce(groups: readonly (readonly string[])[], everyone: readonly Person[]) {
  const placed = groups.flat();
  expect(placed).toHaveLength(everyone.length);
  expect(new Set(placed)).toEqual(new Set(everyone.map((p) => p.id)));
}

function spread(groups: readonly (readonly string[])[]): number {
  const sizes = groups.map((g) => g.length);
  return Math.max(...sizes) - Math.min(...sizes);
}

const ORGS = ["Kela", "Verohallinto", "Espoo", "Traficom", ""];

describe("forming groups (seeded properties)", () => {
  it("pairs: everyone once, pairs and at most one trio, nobody alone", () => {
    for (let n = 2; n <= 61; n++) {
      for (const mix of [false, true]) {
        const everyone = people(n, ORGS);
        const groups = formPairs(everyone, mulberry32(n), { mix });
        expectEveryoneOnce(groups, everyone);
        expect(groups.filter((g) => g.length === 3)).toHaveLength(n % 2);
        expect(groups.every((g) => g.length === 2 || g.length === 3)).toBe(true);
      }
    }
  });

  it("groups of N and N groups: everyone once, sizes within one, no group of one", () => {
    const random = mulberry32(7);
    for (let trial = 0; trial < 400; trial++) {
      const n = 2 + Math.floor(random() * 150);
      const everyone = people(n, ORGS);
      const size = 2 + Math.floor(random() * 8);
      const count = 2 + Math.floor(random() * 14);
      for (const groups of [
        formGroupsOf(everyone, size, mulberry32(trial), { mix: trial % 2 === 0 }),
        formGroupCount(everyone, count, mulberry32(trial), { mix: trial % 2 === 1 }),
      ]) {
        expectEveryoneOnce(groups, everyone);
        expect(spread(groups), `n=${n} size=${size} count=${count}`).toBeLessThanOrEqual(1);
        expect(groups.every((g) => g.length >= 2)).toBe(true);
      }
      const ofSize = formGroupsOf(everyone, size, mulberry32(trial), { mix: false });
      expect(ofSize.length).toBe(Math.max(1, Math.min(Math.round(n / size), Math.floor(n / 2))));
      expect(formGroupCount(everyone, count, mulberry32(trial), { mix: false }).length).toBe(
        Math.min(count, Math.floor(n / 2)),
      );
    }
  });

  it("solo puts everyone on their own", () => {
    const everyone = people(5);
    expect(soloGroups(everyone)).toEqual(everyone.map((p) => [p.id]));
  });

  it("is repeatable by seed and independent of the order people are listed in", () => {
    const everyone = people(30, ORGS);
    const a = formGroupsOf(everyone, 4, mulberry32(42), { mix: true });
    expect(formGroupsOf([...everyone].reverse(), 4, mulberry32(42), { mix: true })).toEqual(a);
    expect(formGroupsOf(everyone, 4, mulberry32(43), { mix: true })).not.toEqual(a);
  });

  it("mixing spreads every organisation to within one per group; random grouping often does not", () => {
    let clustered = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const random = mulberry32(seed);
      const everyone = Array.from({ length: 8 + Math.floor(random() * 60) }, (_, i) => ({
        id: `x${i}`,
        organisation: ORGS[Math.floor(random() * random() * ORGS.length)]!,
      }));
      const orgOf = new Map(everyone.map((p) => [p.id, p.organisation]));
      const perGroup = (groups: string[][], org: string) =>
        groups.map((g) => g.filter((id) => orgOf.get(id) === org).length);
      const mixed = formGroupCount(everyone, 4, mulberry32(seed), { mix: true });
      const unmixed = formGroupCount(everyone, 4, mulberry32(seed), { mix: false });
      for (const org of ORGS) {
        expect(spread([...perGroup(mixed, org).map((n) => Array(n))]), `seed ${seed} ${org}`).toBeLessThanOrEqual(1);
        const counts = perGroup(unmixed, org);
        if (Math.max(...counts) - Math.min(...counts) > 1) clustered++;
      }
    }
    // Without mixing, chance clusters organisations in many trials: the mixed guarantee is not luck.
    expect(clustered).toBeGreaterThan(50);
  });
});

describe("merging pairs into fours", () => {
  it("merges two pairs per four, keeps who came from where, and never leaves a pair alone", () => {
    for (let n = 4; n <= 41; n++) {
      const everyone = people(n);
      const pairs = formPairs(everyone, mulberry32(n), { mix: false });
      const merged = mergePairs(pairs, mulberry32(n + 1000));
      expectEveryoneOnce(merged.groups, everyone);
      expect(merged.groups.every((g) => g.length >= 4 && g.length <= 7)).toBe(true);
      // Every pair goes whole into exactly one four.
      expect(merged.from.flat().sort((a, b) => a - b)).toEqual(pairs.map((_, i) => i));
      merged.from.forEach((indexes, g) => {
        expect([...merged.groups[g]!].sort()).toEqual(indexes.flatMap((i) => pairs[i]!).sort());
      });
      expect(merged.groups).toHaveLength(Math.floor(pairs.length / 2));
    }
  });

  it("leaves a single pair as it is", () => {
    expect(mergePairs([["a", "b"]], mulberry32(1))).toEqual({ groups: [["a", "b"]], from: [[0]] });
  });
});

describe("World Café rotation", () => {
  /** Runs `rounds` rounds and returns the tables of each. */
  function cafe(everyone: Person[], size: number, rounds: number, seed: number, mix = false): Table[][] {
    const random = mulberry32(seed);
    let tables = seatTables(everyone, size, random, { mix });
    let history = recordEncounters(new Map(), tables.map(tableMembers));
    const all = [tables];
    for (let r = 1; r < rounds; r++) {
      tables = rotateTables(tables, everyone, history, random, { mix });
      history = recordEncounters(history, tables.map(tableMembers));
      all.push(tables);
    }
    return all;
  }

  it("16 people at 4 tables for 3 rounds: hosts stay, guests move, and nobody meets anyone twice", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const everyone = people(16);
      const rounds = cafe(everyone, 4, 3, seed);
      let history = new Map<string, number>();
      for (const [r, tables] of rounds.entries()) {
        expectEveryoneOnce(tables.map(tableMembers), everyone);
        expect(tables.map(tableMembers).every((t) => t.length === 4)).toBe(true);
        if (r > 0) {
          expect(tables.map((t) => t.host)).toEqual(rounds[0]!.map((t) => t.host));
          expect(repeatEncounters(history, tables.map(tableMembers)), `seed ${seed} round ${r + 1}`).toBe(0);
        }
        history = recordEncounters(history, tables.map(tableMembers));
      }
    }
  });

  it("meets far fewer repeat people than moving guests at random", () => {
    let rotated = 0;
    let randomly = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const everyone = people(30);
      const rounds = cafe(everyone, 5, 4, seed);
      let history = new Map<string, number>();
      let randomHistory = new Map<string, number>();
      const random = mulberry32(seed + 99);
      for (const tables of rounds) {
        rotated += repeatEncounters(history, tables.map(tableMembers));
        history = recordEncounters(history, tables.map(tableMembers));
        // Baseline: same hosts, guests dealt at random.
        const guests = shuffle(
          tables.flatMap((t) => t.guests),
          random,
        );
        const baseline = tables.map((t, i) => [t.host, ...guests.filter((_, g) => g % tables.length === i)]);
        randomly += repeatEncounters(randomHistory, baseline);
        randomHistory = recordEncounters(randomHistory, baseline);
      }
    }
    expect(rotated * 3).toBeLessThan(randomly);
  });

  it("keeps sizes balanced with leavers and late joiners, and replaces a host who left", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const random = mulberry32(seed);
      const everyone = people(23, ORGS);
      const tables = seatTables(everyone, 5, random, { mix: true });
      const history = recordEncounters(new Map(), tables.map(tableMembers));
      const leftHost = tables[0]!.host;
      const present = [
        ...everyone.filter((p) => p.id !== leftHost && p.id !== tables[1]!.guests[0]),
        { id: "late1", organisation: "Kela" },
        { id: "late2", organisation: "" },
      ];
      const next = rotateTables(tables, present, history, random, { mix: true });
      expectEveryoneOnce(next.map(tableMembers), present);
      expect(spread(next.map(tableMembers))).toBeLessThanOrEqual(1);
      expect(next.slice(1).map((t) => t.host)).toEqual(tables.slice(1).map((t) => t.host));
      expect(next[0]!.host).not.toBe(leftHost);
    }
  });
});

describe("method mechanics", () => {
  it("25/10: each round everyone holds one card, never their own, never the same card twice", () => {
    for (let n = 6; n <= 60; n += 3) {
      const ids = people(n).map((p) => p.id);
      const rounds = passCards(ids, 5, mulberry32(n));
      expect(rounds).toHaveLength(5);
      const held = new Map(ids.map((id) => [id, new Set<string>()]));
      for (const round of rounds) {
        expect(new Set(round.values()).size).toBe(n);
        for (const [author, holder] of round) {
          expect(holder).not.toBe(author);
          expect(held.get(holder)!.has(author)).toBe(false);
          held.get(holder)!.add(author);
        }
      }
    }
    expect(() => passCards(["a", "b", "c"], 5, mulberry32(1))).toThrow(RangeError);
  });

  it("Troika: over the rounds every member is client exactly once", () => {
    const group = ["a", "b", "c"];
    const clients = [0, 1, 2].map((c) => troikaRoles(group, c));
    expect(clients.map((r) => r.client)).toEqual(group);
    expect(clients[0]!.consultants).toEqual(["b", "c"]);
  });

  it("Brainwriting: after k passes every sheet is with a different member, and back home after a full round", () => {
    const group = ["a", "b", "c", "d", "e", "f"];
    for (let pass = 0; pass < 6; pass++) {
      expect(new Set(group.map((_, sheet) => sheetHolder(group, sheet, pass))).size).toBe(6);
    }
    expect(group.map((_, sheet) => sheetHolder(group, sheet, 6))).toEqual(group);
  });

  it("late joiners go to the smallest group with fewest of their organisation", () => {
    const org = new Map([
      ["a", "Kela"],
      ["b", "Espoo"],
      ["c", "Kela"],
      ["d", "Espoo"],
      ["e", "Kela"],
    ]);
    const groups = [["a", "b", "e"], ["c"], ["d"]];
    expect(placeLateJoiner(groups, { id: "x", organisation: "kela " }, (id) => org.get(id)!, { mix: true })).toBe(2);
    expect(placeLateJoiner(groups, { id: "x", organisation: "Espoo" }, (id) => org.get(id)!, { mix: true })).toBe(1);
  });

  it("a leaver never leaves someone alone in their group", () => {
    expect(
      removeLeaver(
        [
          ["a", "b"],
          ["c", "d", "e"],
          ["f", "g"],
        ],
        "a",
      ),
    ).toEqual([
      ["c", "d", "e"],
      ["f", "g", "b"],
    ]);
    expect(
      removeLeaver(
        [
          ["a", "b", "c"],
          ["d", "e"],
        ],
        "a",
      ),
    ).toEqual([
      ["b", "c"],
      ["d", "e"],
    ]);
    // Solo steps stay solo.
    expect(removeLeaver([["a"], ["b"]], "a")).toEqual([["b"]]);
  });
});
