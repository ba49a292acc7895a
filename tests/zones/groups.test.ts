import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../shared/random";
import { formGroups, groupCount, movePerson, type GroupCandidate } from "../../shared/zones/groups";

function people(n: number, organisations: string[] = [""]): GroupCandidate[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `p${String(i).padStart(3, "0")}`,
    organisation: organisations[i % organisations.length]!,
  }));
}

function sizes(groups: string[][]): number[] {
  return groups.map((g) => g.length);
}

describe("how many groups", () => {
  it("rounds 'groups of N' to the nearest count and never leaves more groups than people", () => {
    expect(groupCount(10, { by: "size", size: 3 })).toBe(3);
    expect(groupCount(11, { by: "size", size: 4 })).toBe(3);
    expect(groupCount(2, { by: "size", size: 1 })).toBe(2);
    expect(groupCount(3, { by: "size", size: 5 })).toBe(1);
    expect(groupCount(3, { by: "count", count: 5 })).toBe(3);
    expect(groupCount(0, { by: "count", count: 5 })).toBe(0);
  });
});

describe("forming groups", () => {
  it("balances sizes to within one, for every size and count", () => {
    for (let n = 1; n <= 40; n++) {
      for (let k = 1; k <= 8; k++) {
        for (const method of ["random", "mix"] as const) {
          const groups = formGroups(people(n, ["A", "B", "C"]), { by: "count", count: k }, method, n * 31 + k);
          const s = sizes(groups);
          expect(Math.max(...s) - Math.min(...s)).toBeLessThanOrEqual(1);
          expect(s.reduce((a, b) => a + b, 0)).toBe(n);
          expect(new Set(groups.flat()).size).toBe(n);
        }
      }
    }
  });

  it("is deterministic with a seed, and a different seed gives a different split", () => {
    const everyone = people(24);
    const a = formGroups(everyone, { by: "size", size: 4 }, "random", 42);
    const b = formGroups(everyone, { by: "size", size: 4 }, "random", 42);
    const c = formGroups(everyone, { by: "size", size: 4 }, "random", 43);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    // The order people are listed in does not matter, only who they are.
    expect(formGroups([...everyone].reverse(), { by: "size", size: 4 }, "random", 42)).toEqual(a);
  });

  it("spreads every organisation across the groups as evenly as it can", () => {
    const orgs = ["Kela", "Verohallinto", "Espoo", "Traficom", ""];
    for (let seed = 1; seed <= 50; seed++) {
      const random = mulberry32(seed);
      const everyone = Array.from({ length: 5 + Math.floor(random() * 40) }, (_, i) => ({
        id: `x${i}`,
        // Unequal organisation sizes, as in real workshops.
        organisation: orgs[Math.floor(random() * random() * orgs.length)]!,
      }));
      const k = 2 + Math.floor(random() * 5);
      const groups = formGroups(everyone, { by: "count", count: k }, "mix", seed);
      const orgOf = new Map(everyone.map((p) => [p.id, p.organisation]));
      for (const org of orgs) {
        const perGroup = groups.map((g) => g.filter((id) => orgOf.get(id) === org).length);
        expect(Math.max(...perGroup) - Math.min(...perGroup), `seed ${seed}, ${org}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it("mixes better than chance: random groups often cluster an organisation, mixed groups never", () => {
    const everyone = people(12, ["Kela", "Kela", "Kela", "Espoo"]);
    let clustered = 0;
    for (let seed = 0; seed < 100; seed++) {
      const groups = formGroups(everyone, { by: "count", count: 3 }, "random", seed);
      const espoo = groups.map((g) => g.filter((id) => Number(id.slice(1)) % 4 === 3).length);
      if (Math.max(...espoo) > 1) clustered++;
      const mixed = formGroups(everyone, { by: "count", count: 3 }, "mix", seed);
      expect(mixed.map((g) => g.filter((id) => Number(id.slice(1)) % 4 === 3).length)).toEqual([1, 1, 1]);
    }
    expect(clustered).toBeGreaterThan(50);
  });

  it("treats organisations case-insensitively and ignores surrounding spaces", () => {
    const everyone = [
      { id: "a", organisation: "Kela" },
      { id: "b", organisation: "KELA" },
      { id: "c", organisation: "kela " },
      { id: "d", organisation: " Kela" },
      { id: "e", organisation: "Espoo" },
      { id: "f", organisation: "espoo" },
      { id: "g", organisation: "ESPOO" },
      { id: "h", organisation: "Espoo" },
    ];
    for (let seed = 0; seed < 30; seed++) {
      const groups = formGroups(everyone, { by: "count", count: 4 }, "mix", seed);
      // One of each organisation per group, whatever the spelling.
      for (const group of groups) expect(group.filter((id) => id < "e")).toHaveLength(1);
    }
  });

  it("gives empty groups for manual forming, and moves people between groups", () => {
    const groups = formGroups(people(5), { by: "count", count: 2 }, "manual", 1);
    expect(groups).toEqual([[], []]);
    const one = movePerson(groups, "p000", 1);
    expect(one).toEqual([[], ["p000"]]);
    expect(movePerson(one, "p000", 0)).toEqual([["p000"], []]);
    expect(movePerson(one, "p000", -1)).toEqual([[], []]);
  });
});
