import { MAX_PEOPLE } from "../protocol/constants";
import { mulberry32, type Random } from "../random";

/**
 * Forming breakout groups: pure, seeded and balanced, so that the facilitator's preview, the tests and
 * any later re-run with the same seed agree exactly.
 */
export interface GroupCandidate {
  id: string;
  /** The organisation the person stated when joining ("" when none). */
  organisation: string;
}

export type GroupingSize = { by: "size"; size: number } | { by: "count"; count: number };
export type GroupingMethod = "random" | "mix" | "manual";

/** Up to 16 groups (as many as there can be zones) of up to a whole session. */
export const GROUPING_LIMITS = { maxGroups: 16, maxSize: MAX_PEOPLE } as const;

/** A copy of `items` in a seeded random order (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * How many groups `people` people make. "Groups of N" rounds to the nearest count, so 10 people in
 * threes make three groups (4 + 3 + 3) rather than leaving one person alone; never more groups than people.
 */
export function groupCount(people: number, size: GroupingSize): number {
  if (people <= 0) return 0;
  const wanted = size.by === "count" ? size.count : Math.round(people / Math.max(1, size.size));
  return Math.max(1, Math.min(people, GROUPING_LIMITS.maxGroups, wanted));
}

/**
 * Splits people into groups whose sizes differ by at most one.
 * - `random`: a seeded shuffle dealt round the groups.
 * - `mix`: people are lined up organisation by organisation (largest first, each shuffled) and then
 *   dealt round the groups, so every organisation is spread as evenly as it can be: each group gets
 *   ⌊n/k⌋ or ⌈n/k⌉ people of an organisation with n people.
 * - `manual`: empty groups for the facilitator to fill.
 */
export function formGroups(
  people: readonly GroupCandidate[],
  size: GroupingSize,
  method: GroupingMethod,
  seed: number,
): string[][] {
  const count = groupCount(people.length, size);
  const groups: string[][] = Array.from({ length: count }, () => []);
  if (method === "manual" || count === 0) return groups;
  const random = mulberry32(seed);
  // Sort first so the result depends only on who is there, not on the order they were listed in.
  const sorted = [...people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let line: GroupCandidate[];
  if (method === "random") {
    line = shuffled(sorted, random);
  } else {
    const byOrganisation = new Map<string, GroupCandidate[]>();
    for (const person of sorted) {
      const key = person.organisation.trim().toLocaleLowerCase("fi");
      byOrganisation.set(key, [...(byOrganisation.get(key) ?? []), person]);
    }
    const buckets = shuffled([...byOrganisation.values()], random).map((bucket) => shuffled(bucket, random));
    // Largest organisations first (stable for ties, which keep their seeded order).
    buckets.sort((a, b) => b.length - a.length);
    line = buckets.flat();
  }
  // Start each deal at a seeded group, so the larger groups are not always the first ones.
  const offset = Math.floor(random() * count);
  line.forEach((person, i) => groups[(i + offset) % count]!.push(person.id));
  return groups;
}

/** Moves one person into another group (or out of every group with `to = -1`), for manual editing. */
export function movePerson(groups: readonly (readonly string[])[], id: string, to: number): string[][] {
  const next = groups.map((group) => group.filter((member) => member !== id));
  if (to >= 0 && to < next.length) next[to]!.push(id);
  return next;
}
