import type { Plan } from "./plan";

/**
 * Where a running method puts its groups and what follows them there: which breakout zone each group
 * of each step stands in, which zones two pairs leave to join as a four (their boards merge), and
 * which tables a harvest gathers. Pure: the server runs them on Next and Back, the tests without one.
 *
 * A group stays in the zone it had when the method keeps it: the same groups again ("previous"), a
 * four made of two pairs (in the zone of the pair most of it came from), a World Café table (where its
 * host stays, so the table's tablecloth board stays with it). Fresh groups take the zones in order.
 */

/** An applied step as these rules need it (see StepEntry in run.ts). */
export interface PlacedEntry {
  step: number;
  startedAt: number;
  groups: readonly (readonly string[])[];
  /** How many of the last groups are meeting rooms' tables, which stay at their table (run.ts). */
  tableGroups?: number;
}

/** The zone of each group of each entry, in the same order; null where a group is not sent to a zone. */
export function zonesOfEntries(
  plan: Plan,
  entries: readonly PlacedEntry[],
  zoneIds: readonly string[],
): (string | null)[][] {
  const rank = new Map(zoneIds.map((id, i) => [id, i]));
  const out: (string | null)[][] = [];
  let before: { groups: readonly (readonly string[])[]; zones: (string | null)[] } | null = null;
  for (const entry of entries) {
    const g = plan.steps[entry.step]?.grouping;
    let zones: (string | null)[] = entry.groups.map(() => null);
    const sent = entry.groups.length - (entry.tableGroups ?? 0);
    if (g && g.kind !== "everyone" && g.kind !== "solo") {
      const used = new Set<string>();
      const keeps = g.kind === "previous" || g.kind === "mergePairs" || (g.kind === "tables" && g.rotate);
      if (before && keeps) {
        const zoneOf = new Map<string, string>();
        before.groups.forEach((group, i) => {
          const zone = before!.zones[i];
          if (zone) for (const uid of group) zoneOf.set(uid, zone);
        });
        zones = entry.groups.map((group, i) => {
          if (i >= sent) return null;
          // A table follows its host; other kept groups follow most of their members.
          const anchors = g.kind === "tables" ? group.slice(0, 1) : group;
          const count = new Map<string, number>();
          for (const uid of anchors) {
            const zone = zoneOf.get(uid);
            if (zone && !used.has(zone)) count.set(zone, (count.get(zone) ?? 0) + 1);
          }
          let best: string | null = null;
          for (const [zone, n] of count) {
            const better =
              best === null ||
              n > count.get(best)! ||
              (n === count.get(best)! && (rank.get(zone) ?? 0) < (rank.get(best) ?? 0));
            if (better) best = zone;
          }
          if (best) used.add(best);
          return best;
        });
      }
      const free = zoneIds.filter((id) => !used.has(id));
      zones = zones.map((zone, i) => (i >= sent ? null : (zone ?? free.shift() ?? null)));
    }
    out.push(zones);
    before = { groups: entry.groups, zones };
  }
  return out;
}

/** Two (or three) pairs become one group: the zone it stays in and the zones its pairs leave. */
export interface ZoneMerge {
  to: string;
  from: string[];
}

/**
 * The zones whose boards merge into each group's zone when the step at `index` of `entries` merges
 * pairs: every zone a member of the group stood in during the step before, other than the group's
 * own and any zone another group of this step stands in.
 */
export function zoneMerges(plan: Plan, entries: readonly PlacedEntry[], zones: (string | null)[][]): ZoneMerge[] {
  const index = entries.length - 1;
  const entry = entries[index];
  if (!entry || index < 1 || plan.steps[entry.step]?.grouping.kind !== "mergePairs") return [];
  const before = entries[index - 1]!;
  const zoneOf = new Map<string, string>();
  before.groups.forEach((group, i) => {
    const zone = zones[index - 1]?.[i];
    if (zone) for (const uid of group) zoneOf.set(uid, zone);
  });
  const targets = new Set(zones[index]!.filter((z): z is string => z !== null));
  const merges: ZoneMerge[] = [];
  entry.groups.forEach((group, i) => {
    const to = zones[index]![i];
    if (!to) return;
    const from = [...new Set(group.flatMap((uid) => zoneOf.get(uid) ?? []))].filter((z) => !targets.has(z));
    if (from.length > 0) merges.push({ to, from });
  });
  return merges;
}

/** One table a harvest gathers: its zone, and its host where the method has hosts. */
export interface HarvestTable {
  zoneId: string;
  host: string | null;
}

/**
 * What the harvest step at the end of `entries` gathers: the zones the last grouped step before it
 * used (a World Café's tables, in zone order), or every zone when none did (Open Space), and since when notes count: from the first step
 * that wrote on the boards the harvest keeps (the first round), else from the start of the run.
 */
export function harvestTables(
  plan: Plan,
  entries: readonly PlacedEntry[],
  zones: (string | null)[][],
  zoneIds: readonly string[],
): { tables: HarvestTable[]; since: number } {
  const index = entries.length - 1;
  const entry = entries[index];
  const step = entry && plan.steps[entry.step];
  if (!entry || !step) return { tables: [], since: 0 };
  const kept = step.capture?.board.kind === "step" ? step.capture.board.stepId : null;
  const first = entries.find((e) => plan.steps[e.step]?.id === kept) ?? entries[0]!;
  for (let i = index - 1; i >= 0; i--) {
    const used = zones[i]!;
    if (!used.some((z) => z !== null)) continue;
    const hosted = plan.steps[entries[i]!.step]?.grouping.kind === "tables";
    const tables = entries[i]!.groups.flatMap((group, g): HarvestTable[] => {
      const zoneId = used[g];
      return zoneId ? [{ zoneId, host: hosted ? (group[0] ?? null) : null }] : [];
    });
    const rank = new Map(zoneIds.map((id, n) => [id, n]));
    tables.sort((a, b) => (rank.get(a.zoneId) ?? 0) - (rank.get(b.zoneId) ?? 0));
    return { tables, since: first.startedAt };
  }
  // No step sent groups to zones (Open Space: people move freely): every zone's board is a table.
  return { tables: zoneIds.map((zoneId) => ({ zoneId, host: null })), since: first.startedAt };
}
