import { intBelow, type Random } from "../random";

/**
 * Forming, rotating and merging groups for a method's steps. Pure and seeded (the caller passes the
 * generator), so the facilitator's preview, the server and a test replaying a seed agree exactly.
 * Guarantees, each unit-tested: everyone present is placed exactly once; sizes differ by at most one;
 * nobody is alone unless the step asks for it; organisations are spread when mixing is asked for.
 */

export interface Person {
  id: string;
  /** The organisation stated at join ("" when none). */
  organisation: string;
  /**
   * The physical meeting room they sit in (hybrid), absent when remote. Everyone at one table works
   * as one group (run.ts): they share a room, and its one room device carries their one voice.
   */
  table?: string;
}

export interface MixOption {
  /** Spread each organisation across the groups as evenly as possible. */
  mix: boolean;
}

/** A copy of `items` in a seeded random order (Fisher–Yates). */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = intBelow(random, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const orgKey = (person: Person) => person.organisation.trim().toLocaleLowerCase("fi");

/**
 * People in the order they are dealt round the groups. Sorting first makes the result depend on who
 * is there, not on the order they were listed in. Mixing lines people up organisation by organisation
 * (largest first), so dealing round k groups gives each group ⌊n/k⌋ or ⌈n/k⌉ of an organisation of n.
 */
function lineUp(people: readonly Person[], random: Random, mix: boolean): Person[] {
  const sorted = [...people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (!mix) return shuffle(sorted, random);
  const byOrganisation = new Map<string, Person[]>();
  for (const person of sorted)
    byOrganisation.set(orgKey(person), [...(byOrganisation.get(orgKey(person)) ?? []), person]);
  const buckets = shuffle([...byOrganisation.values()], random).map((bucket) => shuffle(bucket, random));
  buckets.sort((a, b) => b.length - a.length);
  return buckets.flat();
}

/** Deals the line round `count` groups from a seeded start, so the larger groups are not always the first. */
function deal(line: readonly Person[], count: number, random: Random): string[][] {
  const groups: string[][] = Array.from({ length: count }, () => []);
  if (count === 0) return groups;
  const offset = intBelow(random, count);
  line.forEach((person, i) => groups[(i + offset) % count]!.push(person.id));
  return groups;
}

/** At most this many groups, so that nobody is left alone (one person alone is one group of one). */
function noneAlone(people: number, wanted: number): number {
  if (people <= 1) return people;
  return Math.max(1, Math.min(wanted, Math.floor(people / 2)));
}

/** Everyone on their own. */
export function soloGroups(people: readonly Person[]): string[][] {
  return [...people].sort((a, b) => (a.id < b.id ? -1 : 1)).map((p) => [p.id]);
}

/** Pairs; with an odd number of people one group is a trio. */
export function formPairs(people: readonly Person[], random: Random, { mix }: MixOption): string[][] {
  return deal(lineUp(people, random, mix), noneAlone(people.length, Math.floor(people.length / 2)), random);
}

/** Groups of about `size` (the count rounded to the nearest, so 10 in threes is 4 + 3 + 3). */
export function formGroupsOf(people: readonly Person[], size: number, random: Random, { mix }: MixOption): string[][] {
  const wanted = Math.max(1, Math.round(people.length / Math.max(1, size)));
  const count = size <= 1 ? people.length : noneAlone(people.length, wanted);
  return deal(lineUp(people, random, mix), count, random);
}

/** `count` groups, or fewer when there are too few people to give everyone company. */
export function formGroupCount(
  people: readonly Person[],
  count: number,
  random: Random,
  { mix }: MixOption,
): string[][] {
  return deal(lineUp(people, random, mix), noneAlone(people.length, count), random);
}

export interface MergedGroups {
  groups: string[][];
  /** For each new group, the indexes of the groups it was made from (whose boards and notes come along). */
  from: number[][];
}

/**
 * Pairs, two by two, become fours (1-2-4-All). With an odd number of pairs the last one joins the
 * smallest four, making one group of six (or five, with a trio) rather than a pair left on its own.
 */
export function mergePairs(pairs: readonly (readonly string[])[], random: Random): MergedGroups {
  const order = shuffle(
    pairs.map((_, i) => i),
    random,
  );
  const from: number[][] = [];
  for (let i = 0; i + 1 < order.length; i += 2) from.push([order[i]!, order[i + 1]!]);
  if (order.length % 2 === 1) {
    const last = order[order.length - 1]!;
    if (from.length === 0) from.push([last]);
    else {
      const size = (indexes: number[]) => indexes.reduce((n, i) => n + pairs[i]!.length, 0);
      const smallest = from.reduce((best, group) => (size(group) < size(best) ? group : best), from[0]!);
      smallest.push(last);
    }
  }
  return { groups: from.map((indexes) => indexes.flatMap((i) => [...pairs[i]!])), from };
}

/** How often each pair of people has been in the same group. Keyed by the two ids in order. */
export type Encounters = ReadonlyMap<string, number>;

const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** `history` with every pair within each of `groups` counted once more. */
export function recordEncounters(history: Encounters, groups: readonly (readonly string[])[]): Map<string, number> {
  const next = new Map(history);
  for (const group of groups) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const key = pairKey(group[i]!, group[j]!);
        next.set(key, (next.get(key) ?? 0) + 1);
      }
    }
  }
  return next;
}

/** How many pairs in `groups` have met before (according to `history`). */
export function repeatEncounters(history: Encounters, groups: readonly (readonly string[])[]): number {
  let repeats = 0;
  for (const group of groups) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) if ((history.get(pairKey(group[i]!, group[j]!)) ?? 0) > 0) repeats++;
    }
  }
  return repeats;
}

/** A World Café table: its host stays across rounds; the others move on. */
export interface Table {
  host: string;
  /** Everyone else at the table (not the host). */
  guests: string[];
}

export const tableMembers = (table: Table) => [table.host, ...table.guests];

/** The first round's tables: groups of about `size`, each with a seeded host. */
export function seatTables(people: readonly Person[], size: number, random: Random, options: MixOption): Table[] {
  return formGroupsOf(people, size, random, options).map((group) => {
    const host = group[intBelow(random, group.length)]!;
    return { host, guests: group.filter((id) => id !== host) };
  });
}

// Weights of the rotation's cost: a repeat encounter outweighs everything else; a guest staying at
// their own table is worse than meeting someone of their own organisation.
const REPEAT_COST = 1000;
const STAY_COST = 100;
const SAME_ORG_COST = 1;
/** Improvement passes of the swap search; each pass tries every pair of guests at different tables. */
const MAX_PASSES = 4;
/** Independent seeded starts; the best seating wins (no more once nobody meets anyone again). */
const STARTS = 6;

/**
 * The next round of a World Café. Hosts stay at their tables; everyone else present is seated so that
 * as few pairs as possible meet again (`history` must include every earlier round, this one too), guests
 * leave the table they were at, and organisations mix. Table sizes stay balanced to within one. People
 * who left are dropped; people in `present` but at no table (late joiners) are seated like the others.
 * A table whose host left gets a new host from those seated there.
 */
export function rotateTables(
  tables: readonly Table[],
  present: readonly Person[],
  history: Encounters,
  random: Random,
  { mix }: MixOption,
): Table[] {
  // Everything below works on indexes into `ids` and flat cost tables: the swap search evaluates
  // hundreds of thousands of moves for a room of 150, which string maps made far too slow.
  const ids = [...new Set(present.map((p) => p.id))].sort();
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const count = Math.min(tables.length, noneAlone(n, tables.length));
  if (count === 0) return [];
  const kept = tables.slice(0, count);
  const hosts = kept.map((t) => index.get(t.host) ?? -1);
  const previousTable = new Int32Array(n).fill(-1);
  tables.forEach((t, i) =>
    tableMembers(t).forEach((id) => {
      const at = index.get(id);
      if (at !== undefined) previousTable[at] = i;
    }),
  );
  const isHost = new Uint8Array(n);
  for (const h of hosts) if (h >= 0) isHost[h] = 1;
  const guests = ids.map((_, i) => i).filter((i) => !isHost[i]);
  // Balanced capacities (host included), the larger ones at seeded tables.
  const base = Math.floor(n / count);
  const extra = new Set(shuffle([...Array(count).keys()], random).slice(0, n % count));
  const capacity = kept.map((_, t) => base + (extra.has(t) ? 1 : 0) - (hosts[t]! >= 0 ? 1 : 0));

  const pair = new Float64Array(n * n);
  if (mix) {
    const org = present.map(orgKey);
    const orgOf = new Map(present.map((p, i) => [p.id, org[i]!]));
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++)
        if (a !== b && orgOf.get(ids[a]!) === orgOf.get(ids[b]!)) pair[a * n + b] = SAME_ORG_COST;
    }
  }
  for (const [key, times] of history) {
    const [x, y] = key.split(" ");
    const a = index.get(x!);
    const b = index.get(y!);
    if (a === undefined || b === undefined) continue;
    pair[a * n + b] = pair[a * n + b]! + REPEAT_COST * times;
    pair[b * n + a] = pair[b * n + a]! + REPEAT_COST * times;
  }
  /** A guest's cost at a table: staying put, meeting its host, meeting everyone seated there except `skip`. */
  const costAt = (g: number, table: number, seated: readonly number[], skip: number) => {
    let cost = previousTable[g] === table ? STAY_COST : 0;
    const host = hosts[table]!;
    if (host >= 0) cost += pair[g * n + host]!;
    for (const other of seated) if (other !== g && other !== skip) cost += pair[g * n + other]!;
    return cost;
  };
  // Each pair of guests counted once, so a swap changes the total by exactly the two guests' own costs.
  const total = (seating: number[][]) => {
    let cost = 0;
    seating.forEach((seated, t) =>
      seated.forEach((g, i) => {
        cost += costAt(g, t, [], -1);
        for (let j = i + 1; j < seated.length; j++) cost += pair[g * n + seated[j]!]!;
      }),
    );
    return cost;
  };

  let best: number[][] = [];
  let bestCost = Infinity;
  for (let start = 0; start < STARTS && bestCost >= REPEAT_COST; start++) {
    // Greedy: each guest (in seeded order) takes the cheapest table with room.
    const seating: number[][] = kept.map(() => []);
    for (const g of shuffle(guests, random)) {
      let choice = -1;
      let choiceCost = Infinity;
      for (const t of shuffle([...Array(count).keys()], random)) {
        if (seating[t]!.length >= capacity[t]!) continue;
        const cost = costAt(g, t, seating[t]!, -1);
        if (cost < choiceCost) [choice, choiceCost] = [t, cost];
      }
      seating[choice]!.push(g);
    }
    // Swap search: exchange two guests at different tables while that lowers the cost.
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let improved = false;
      for (let x = 0; x < count; x++) {
        const atX = seating[x]!;
        for (let y = x + 1; y < count; y++) {
          const atY = seating[y]!;
          for (let i = 0; i < atX.length; i++) {
            for (let j = 0; j < atY.length; j++) {
              const a = atX[i]!;
              const b = atY[j]!;
              const before = costAt(a, x, atX, -1) + costAt(b, y, atY, -1);
              const after = costAt(b, x, atX, a) + costAt(a, y, atY, b);
              if (after < before) {
                atX[i] = b;
                atY[j] = a;
                improved = true;
              }
            }
          }
        }
      }
      if (!improved) break;
    }
    const cost = total(seating);
    if (cost < bestCost) [best, bestCost] = [seating, cost];
  }
  return kept
    .map((_, t) => {
      const seated = best[t]!.map((g) => ids[g]!);
      const host = hosts[t]! >= 0 ? ids[hosts[t]!]! : (seated[0] ?? "");
      return { host, guests: seated.filter((id) => id !== host) };
    })
    .filter((t) => t.host !== "");
}

/**
 * 25/10 Crowd Sourcing: who holds whose card in each round. Every round is a permutation (each person
 * holds exactly one card); nobody ever holds their own card, and nobody holds the same card twice,
 * so no card is scored twice by the same person. Needs more people than rounds.
 */
export function passCards(people: readonly string[], rounds: number, random: Random): Map<string, string>[] {
  const n = people.length;
  if (n <= rounds) throw new RangeError(`passing ${rounds} rounds needs more than ${n} people`);
  const order = shuffle([...people].sort(), random);
  // Distinct non-zero offsets round a seeded circle: author i's card goes to person i + offset.
  const offsets = shuffle(
    Array.from({ length: n - 1 }, (_, i) => i + 1),
    random,
  ).slice(0, rounds);
  return offsets.map((offset) => new Map(order.map((author, i) => [author, order[(i + offset) % n]!])));
}

/** Brainwriting: who holds the sheet started by the `sheet`-th member after `pass` passes. */
export function sheetHolder(group: readonly string[], sheet: number, pass: number): string {
  return group[(sheet + pass) % group.length]!;
}

/** Troika Consulting: the client and the consultants when the `client`-th member is the client. */
export function troikaRoles(group: readonly string[], client: number): { client: string; consultants: string[] } {
  const id = group[client % group.length]!;
  return { client: id, consultants: group.filter((member) => member !== id) };
}

/**
 * A late joiner's group: the smallest one, and among those, the one with fewest people of the same
 * organisation (when mixing), so sizes stay balanced and organisations spread.
 */
export function placeLateJoiner(
  groups: readonly (readonly string[])[],
  person: Person,
  organisationOf: (id: string) => string,
  { mix }: MixOption,
): number {
  let best = -1;
  let bestScore = Infinity;
  groups.forEach((group, i) => {
    const same = mix
      ? group.filter((id) => organisationOf(id).trim().toLocaleLowerCase("fi") === orgKey(person)).length
      : 0;
    const score = group.length * 1000 + same;
    if (score < bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

/**
 * Someone left: take them out, and when that leaves a person alone in a group of several, that person
 * joins the smallest other group rather than staying on their own.
 */
export function removeLeaver(groups: readonly (readonly string[])[], id: string): string[][] {
  const next = groups.map((group) => group.filter((member) => member !== id));
  const lonely = next.findIndex((group, i) => group.length === 1 && groups[i]!.length > 1);
  if (lonely >= 0 && next.filter((g) => g.length > 0).length > 1) {
    const [person] = next[lonely]!.splice(0, 1);
    let target = -1;
    next.forEach((group, i) => {
      if (i !== lonely && group.length > 0 && (target < 0 || group.length < next[target]!.length)) target = i;
    });
    next[target]!.push(person!);
  }
  return next.filter((group) => group.length > 0);
}
