import { captureRecordSchema } from "./capture";
import { z } from "zod";
import { mulberry32 } from "../random";
import {
  formGroupCount,
  formGroupsOf,
  formPairs,
  mergePairs,
  placeLateJoiner,
  recordEncounters,
  removeLeaver,
  rotateTables,
  seatTables,
  soloGroups,
  tableMembers,
  type Person,
  type Table,
} from "./grouping";
import { PLAN_LIMITS, planSchema, type Plan } from "./plan";
import { stepBoardsSchema } from "../boards/merge";
import { checkStepForPeople, type PlanIssue } from "./rules";

/**
 * Running a plan: which step is current and how people were grouped for each step so far. Pure, so the
 * server's Next and Back are replayable and testable; people are named by their stable uid, so groups
 * survive reconnections and server restarts.
 */

export const stepEntrySchema = z.object({
  step: z.number().int().min(0),
  startedAt: z.number(),
  /** Groups by uid; for tables the first of each group is its host. */
  groups: z.array(z.array(z.string().max(64))),
  /** For merged groups: which of the previous step's groups each was made from (their boards come along). */
  from: z.array(z.array(z.number().int().min(0))).nullable(),
  /**
   * How many of the last groups are physical meeting rooms' tables: they stay at their table rather
   * than go to a zone (see `groupsForStep`); absent in runs stored before hybrid tables were groups.
   */
  tableGroups: z.number().int().min(0).default(0),
  /** Seconds the facilitator added to the step while it ran (Extend); absent in runs stored before Extend. */
  extendedSeconds: z.number().int().min(0).max(PLAN_LIMITS.duration.max).default(0),
  /** What the step did to the boards (notes carried to a merged board, a harvest wall), for Back. */
  boards: stepBoardsSchema.nullable().default(null),
  /** The board the step put up and the private rounds it started (capture.ts); absent in older runs. */
  capture: captureRecordSchema.nullable().default(null),
});
export type StepEntry = z.infer<typeof stepEntrySchema>;

export const methodsRunSchema = z.object({
  plan: planSchema.nullable(),
  /** Seeds every grouping of this run, so a replay gives the same groups. */
  seed: z.number().int(),
  /** The steps applied so far, the current one last; Back drops the last one. */
  entries: z.array(stepEntrySchema),
});
export type MethodsRun = z.infer<typeof methodsRunSchema>;

export const emptyRun = (seed: number): MethodsRun => ({ plan: null, seed, entries: [] });

/** The current step's index, -1 before the first. */
export function currentStep(run: MethodsRun): number {
  return run.entries.at(-1)?.step ?? -1;
}

/** A new plan starts over before its first step. */
export function withPlan(run: MethodsRun, plan: Plan, seed: number): MethodsRun {
  return { plan, seed, entries: [] };
}

/** The previous step's groups with leavers taken out and late joiners placed by the same rules. */
function carriedOver(groups: readonly (readonly string[])[], people: readonly Person[], mix: boolean): string[][] {
  const here = new Set(people.map((p) => p.id));
  let next = groups.map((g) => [...g]);
  for (const id of new Set(groups.flat())) if (!here.has(id)) next = removeLeaver(next, id);
  const placed = new Set(next.flat());
  const organisation = new Map(people.map((p) => [p.id, p.organisation]));
  for (const person of people) {
    if (placed.has(person.id)) continue;
    const at = placeLateJoiner(next, person, (id) => organisation.get(id) ?? "", { mix });
    if (at < 0) next.push([person.id]);
    else next[at]!.push(person.id);
  }
  return next;
}

const asTables = (groups: readonly (readonly string[])[]): Table[] =>
  groups.map(([host, ...guests]) => ({ host: host!, guests }));

/** The groups an entry formed of remote people: its table groups are the last ones. */
export function remoteGroups(entry: Pick<StepEntry, "groups" | "tableGroups">): string[][] {
  return entry.groups.slice(0, entry.groups.length - entry.tableGroups);
}

/** Everyone seated at one physical table, one group per table, in table order. */
function tableGroupsOf(people: readonly Person[]): string[][] {
  const tables = new Map<string, string[]>();
  for (const person of people) {
    if (person.table) tables.set(person.table, [...(tables.get(person.table) ?? []), person.id]);
  }
  return [...tables].sort(([a], [b]) => a.localeCompare(b)).map(([, ids]) => ids.sort());
}

/**
 * Forms the groups of step `index` for the people present, following the plan's grouping. People
 * sitting in a physical meeting room are not sent to zones: each table is one group of its own, put
 * after the remote people's groups (`tableGroups` counts them), and the grouping rule, rotations and
 * merges work on the remote people and their earlier groups alone.
 */
export function groupsForStep(
  plan: Plan,
  index: number,
  entries: readonly StepEntry[],
  people: readonly Person[],
  seed: number,
): Pick<StepEntry, "groups" | "from" | "tableGroups"> {
  const kind = plan.steps[index]!.grouping.kind;
  const tables = kind === "everyone" || kind === "solo" ? [] : tableGroupsOf(people);
  if (tables.length === 0) return { ...remoteGroupsForStep(plan, index, entries, people, seed), tableGroups: 0 };
  const remote = people.filter((person) => !person.table);
  const earlier = entries.map((entry) => ({ ...entry, groups: remoteGroups(entry), tableGroups: 0 }));
  const formed = remoteGroupsForStep(plan, index, earlier, remote, seed);
  return {
    groups: [...formed.groups, ...tables],
    from: formed.from && [...formed.from, ...tables.map(() => [])],
    tableGroups: tables.length,
  };
}

function remoteGroupsForStep(
  plan: Plan,
  index: number,
  entries: readonly StepEntry[],
  people: readonly Person[],
  seed: number,
): Pick<StepEntry, "groups" | "from"> {
  // One generator per step and attempt: Back then Next again gives the same groups.
  const random = mulberry32(seed ^ Math.imul(index + 1, 0x9e3779b1));
  const g = plan.steps[index]!.grouping;
  const previous = entries.at(-1);
  const everyone = people.map((p) => p.id).sort();
  switch (g.kind) {
    case "everyone":
      return { groups: everyone.length > 0 ? [everyone] : [], from: null };
    case "solo":
      return { groups: soloGroups(people), from: null };
    case "pairs":
      return { groups: formPairs(people, random, g), from: null };
    case "groupsOf":
      return { groups: formGroupsOf(people, g.size, random, g), from: null };
    case "groupCount":
      return { groups: formGroupCount(people, g.count, random, g), from: null };
    case "tables": {
      const earlier = [...entries].reverse().find((e) => plan.steps[e.step]?.grouping.kind === "tables");
      if (!g.rotate || !earlier) {
        return { groups: seatTables(people, g.size, random, g).map(tableMembers), from: null };
      }
      // Everyone met at every earlier table round counts, not only the last one.
      let history = new Map<string, number>();
      for (const e of entries)
        if (plan.steps[e.step]?.grouping.kind === "tables") history = recordEncounters(history, e.groups);
      return {
        groups: rotateTables(asTables(earlier.groups), people, history, random, g).map(tableMembers),
        from: null,
      };
    }
    case "previous":
      return { groups: carriedOver(previous?.groups ?? [everyone], people, false), from: null };
    case "mergePairs": {
      const merged = mergePairs(carriedOver(previous?.groups ?? [], people, false), random);
      return { groups: merged.groups, from: merged.from };
    }
  }
}

export type RunResult = { ok: true; run: MethodsRun } | { ok: false; issue: PlanIssue };

/** Next: applies the step after the current one to the people present. */
export function nextStep(run: MethodsRun, people: readonly Person[], now: number): RunResult {
  if (!run.plan) return { ok: false, issue: { step: null, key: "methods.issue.noSuchStep" } };
  const index = currentStep(run) + 1;
  if (index >= run.plan.steps.length) return { ok: false, issue: { step: index, key: "methods.issue.noSuchStep" } };
  const issue = checkStepForPeople(run.plan, index, people.length)[0];
  if (issue) return { ok: false, issue };
  const entry: StepEntry = {
    step: index,
    startedAt: now,
    extendedSeconds: 0,
    boards: null,
    capture: null,
    ...groupsForStep(run.plan, index, run.entries, people, run.seed),
  };
  return { ok: true, run: { ...run, entries: [...run.entries, entry] } };
}

/** Back: the step before becomes current again, with the arrangement it had. */
export function previousStep(run: MethodsRun): RunResult {
  if (run.entries.length === 0) return { ok: false, issue: { step: null, key: "methods.issue.noSuchStep" } };
  return { ok: true, run: { ...run, entries: run.entries.slice(0, -1) } };
}

/**
 * Extend: the current step runs `seconds` longer. A step never runs longer in all than the longest
 * step a plan may have.
 */
export function extendStep(run: MethodsRun, seconds: number): RunResult {
  const entry = run.entries.at(-1);
  if (!run.plan || !entry) return { ok: false, issue: { step: null, key: "methods.issue.noSuchStep" } };
  const planned = run.plan.steps[entry.step]!.durationSeconds;
  const extended = entry.extendedSeconds + seconds;
  if (planned + extended > PLAN_LIMITS.duration.max) {
    return {
      ok: false,
      issue: {
        step: entry.step,
        key: "methods.issue.extendTooLong",
        params: { hours: PLAN_LIMITS.duration.max / 3600 },
      },
    };
  }
  return { ok: true, run: { ...run, entries: [...run.entries.slice(0, -1), { ...entry, extendedSeconds: extended }] } };
}

/** When the current step is planned to end (server ms), its extensions included; null before the first step. */
export function currentStepEndsAt(run: MethodsRun): number | null {
  const entry = run.entries.at(-1);
  if (!run.plan || !entry) return null;
  return entry.startedAt + (run.plan.steps[entry.step]!.durationSeconds + entry.extendedSeconds) * 1000;
}

/** The group `uid` is in for the current step (empty when none, or before the first step). */
export function groupOf(run: MethodsRun, uid: string): string[] {
  return run.entries.at(-1)?.groups.find((group) => group.includes(uid)) ?? [];
}

/**
 * A participant who arrives during a step joins a group by the same rules as leavers are handled:
 * the smallest group, spreading organisations. Unchanged when they already have a group, when no step
 * is running, or when the step has no groups to join (solo: they get their own).
 */
export function placeArrival(run: MethodsRun, person: Person, people: readonly Person[]): MethodsRun {
  const entry = run.entries.at(-1);
  if (!run.plan || !entry || entry.groups.some((g) => g.includes(person.id))) return run;
  const grouping = run.plan.steps[entry.step]!.grouping;
  let groups: string[][];
  let { tableGroups } = entry;
  const remote = remoteGroups(entry);
  const tables = entry.groups.slice(remote.length);
  if (grouping.kind === "solo" || entry.groups.length === 0) groups = [...entry.groups, [person.id]];
  else if (person.table && grouping.kind !== "everyone") {
    // Someone sitting down in a meeting room joins the group at their table (or starts it).
    const table = new Set(people.filter((p) => p.table === person.table).map((p) => p.id));
    const at = tables.findIndex((group) => group.some((id) => table.has(id)));
    if (at < 0) tableGroups++;
    groups =
      at < 0
        ? [...entry.groups, [person.id]]
        : entry.groups.map((g, i) => (i === remote.length + at ? [...g, person.id] : g));
  } else {
    const organisation = new Map(people.map((p) => [p.id, p.organisation]));
    const mix = "mix" in grouping ? grouping.mix : false;
    // A remote arrival joins a remote group (an everyone step has just the one group); when everyone
    // else sits in meeting rooms, they start the remote people's group.
    const among = grouping.kind === "everyone" ? entry.groups : remote;
    const at = among.length === 0 ? -1 : placeLateJoiner(among, person, (id) => organisation.get(id) ?? "", { mix });
    groups =
      at < 0 ? [...remote, [person.id], ...tables] : entry.groups.map((g, i) => (i === at ? [...g, person.id] : g));
  }
  return { ...run, entries: [...run.entries.slice(0, -1), { ...entry, groups, tableGroups }] };
}
