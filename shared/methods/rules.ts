import type { z } from "zod";
import type { Locale } from "../protocol/common";
import { translate, type TranslateParams, type TranslationKey } from "../i18n";
import {
  PLAN_FILE_FORMAT,
  PLAN_FILE_VERSION,
  PLAN_LIMITS,
  planSchema,
  type Grouping,
  type Plan,
  type PlanStep,
} from "./plan";

/**
 * Plan rules as pure functions: the editor runs them to show problems as they are made, the server
 * runs the same ones before it stores a plan or applies a step.
 */

/** One problem in a plan: which step (0-based; null for the plan as a whole) and what, as a string key. */
export interface PlanIssue {
  step: number | null;
  key: TranslationKey;
  params?: TranslateParams;
}

/** What a step's groups are made from once "previous" is followed back to the step that formed them. */
export type GroupShape =
  | { kind: "everyone" }
  | { kind: "solo" }
  | { kind: "pairs" }
  | { kind: "groupsOf"; size: number }
  | { kind: "groupCount"; count: number }
  | { kind: "tables"; size: number }
  | { kind: "fours" }
  | { kind: "none" };

/** The shape of the groups step `index` runs in (following "previous" back), or `none` when nothing formed them. */
export function groupShape(steps: readonly PlanStep[], index: number): GroupShape {
  for (let i = index; i >= 0; i--) {
    const g: Grouping = steps[i]!.grouping;
    switch (g.kind) {
      case "previous":
        continue;
      case "mergePairs":
        return groupShape(steps, i - 1).kind === "pairs" ? { kind: "fours" } : { kind: "none" };
      case "groupsOf":
        return { kind: "groupsOf", size: g.size };
      case "groupCount":
        return { kind: "groupCount", count: g.count };
      case "tables":
        return { kind: "tables", size: g.size };
      default:
        return { kind: g.kind };
    }
  }
  return { kind: "none" };
}

/** Largest group the shape can make (an odd one out joins a pair; sizes are balanced to within one). */
function largestGroup(shape: GroupShape): number | null {
  switch (shape.kind) {
    case "solo":
      return 1;
    case "pairs":
      return 3;
    case "fours":
      return 6;
    case "groupsOf":
    case "tables":
      return shape.size + Math.ceil(shape.size / 2);
    default:
      return null;
  }
}

/** Checks the plan's internal consistency (the schema has already checked each field's range). */
export function validatePlan(plan: Plan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const seen = new Map<string, number>();
  const total = plan.steps.reduce((sum, step) => sum + step.durationSeconds, 0);
  if (total > PLAN_LIMITS.totalSeconds) {
    issues.push({ step: null, key: "methods.issue.tooLong", params: { hours: PLAN_LIMITS.totalSeconds / 3600 } });
  }
  plan.steps.forEach((step, index) => {
    const at = (key: TranslationKey, params?: TranslateParams) => issues.push({ step: index, key, params });
    if (seen.has(step.id)) at("methods.issue.duplicateStepId");
    seen.set(step.id, index);
    const g = step.grouping;
    if ((g.kind === "previous" || g.kind === "mergePairs") && index === 0) at("methods.issue.needsEarlierGroups");
    else if (g.kind === "mergePairs" && groupShape(plan.steps, index - 1).kind !== "pairs") {
      at("methods.issue.mergeNeedsPairs");
    }
    if (g.kind === "tables" && g.rotate && !plan.steps.slice(0, index).some((s) => s.grouping.kind === "tables")) {
      at("methods.issue.rotateNeedsTables");
    }
    const board = step.capture?.board;
    if (board?.kind === "step") {
      const earlier = seen.get(board.stepId);
      if (earlier === undefined || earlier >= index || !plan.steps[earlier]!.capture) {
        at("methods.issue.captureStepUnknown");
      }
    }
    if (step.vote && !step.capture) at("methods.issue.voteNeedsBoard");
    const shape = groupShape(plan.steps, index);
    const m = step.mechanic;
    if (!m) return;
    switch (m.kind) {
      case "troika": {
        const fits = shape.kind === "groupsOf" && shape.size >= 3 && shape.size <= 4;
        if (!fits) at("methods.issue.troikaNeedsTrios");
        else if (m.client >= shape.size) at("methods.issue.troikaClient", { size: shape.size });
        if (m.oneWayGlass && m.phase !== "advise") at("methods.issue.glassOnlyAdvice");
        break;
      }
      case "sheetPass":
        if (largestGroup(shape) === null || shape.kind === "solo") at("methods.issue.needsGroups");
        if (m.passSeconds > step.durationSeconds) at("methods.issue.passLongerThanStep");
        if (!step.capture) at("methods.issue.needsBoard");
        break;
      case "cardPass":
        if (shape.kind !== "everyone" && shape.kind !== "solo") at("methods.issue.cardPassEveryone");
        if (!step.capture) at("methods.issue.needsBoard");
        break;
      case "kanban":
        if (m.topicSeconds > step.durationSeconds) at("methods.issue.topicLongerThanStep");
        if (!step.capture) at("methods.issue.needsBoard");
        break;
      case "stage":
        if (m.stage > m.of) at("methods.issue.stageOutOfRange");
        break;
      case "marketplace":
      case "harvest":
        break;
    }
  });
  return issues;
}

/**
 * Checks a step against the people present when it is applied: it must be possible to form its groups
 * without anyone ending up alone when the method does not ask for it.
 */
export function checkStepForPeople(plan: Plan, index: number, people: number): PlanIssue[] {
  const step = plan.steps[index];
  if (!step) return [{ step: index, key: "methods.issue.noSuchStep" }];
  const issues: PlanIssue[] = [];
  const shape = groupShape(plan.steps, index);
  const grouped = shape.kind !== "everyone" && shape.kind !== "solo" && shape.kind !== "none";
  if (grouped && people < 2) issues.push({ step: index, key: "methods.issue.tooFewPeople", params: { min: 2 } });
  const m = step.mechanic;
  if (m?.kind === "troika" && people < 3) {
    issues.push({ step: index, key: "methods.issue.tooFewPeople", params: { min: 3 } });
  }
  if (m?.kind === "cardPass" && people < m.rounds + 1) {
    // Fewer people than rounds + 1 would hand someone their own card or the same card twice.
    issues.push({ step: index, key: "methods.issue.tooFewPeople", params: { min: m.rounds + 1 } });
  }
  return issues;
}

export interface StepTiming {
  id: string;
  /** Seconds from the start of the plan. */
  start: number;
  end: number;
  /** Clock times (ms since epoch) when the plan has a start time, else null. */
  startsAt: number | null;
  endsAt: number | null;
}

export interface PlanTiming {
  steps: StepTiming[];
  totalSeconds: number;
  plannedEnd: number | null;
}

/** Start and end of every step from the durations, and the planned end when a start time is given. */
export function planTiming(plan: Pick<Plan, "steps">, startAt: number | null = null): PlanTiming {
  let t = 0;
  const steps = plan.steps.map((step) => {
    const start = t;
    t += step.durationSeconds;
    const at = (s: number) => (startAt === null ? null : startAt + s * 1000);
    return { id: step.id, start, end: t, startsAt: at(start), endsAt: at(t) };
  });
  return { steps, totalSeconds: t, plannedEnd: startAt === null ? null : startAt + t * 1000 };
}

/**
 * A copy of a plan with fresh ids for the plan and every step; references between steps
 * (a board kept from an earlier step) follow the new ids.
 */
export function duplicatePlan(plan: Plan, newId: () => string, title: string = plan.title): Plan {
  const ids = new Map(plan.steps.map((step) => [step.id, newId()]));
  return {
    ...plan,
    id: newId(),
    title,
    steps: plan.steps.map((step) => {
      const board = step.capture?.board;
      const capture =
        step.capture && board?.kind === "step"
          ? { ...step.capture, board: { kind: "step" as const, stepId: ids.get(board.stepId) ?? board.stepId } }
          : step.capture;
      return { ...step, id: ids.get(step.id)!, capture };
    }),
  };
}

/** The JSON text of a plan file: the plan inside a small wrapper that names the format. */
export function exportPlanFile(plan: Plan): string {
  return JSON.stringify({ format: PLAN_FILE_FORMAT, version: PLAN_FILE_VERSION, plan }, null, 2);
}

export type ParsedPlanFile = { ok: true; plan: Plan } | { ok: false; errors: string[] };

/** At most this many problems are listed for a bad file; the rest would only bury the first ones. */
const MAX_FILE_ERRORS = 8;

const FIELD_KEYS: Record<string, TranslationKey> = {
  title: "methods.field.title",
  prompt: "methods.field.prompt",
  durationSeconds: "methods.field.duration",
  grouping: "methods.field.grouping",
  capture: "methods.field.capture",
  vote: "methods.field.vote",
  mechanic: "methods.field.mechanic",
  steps: "methods.field.steps",
  id: "methods.field.id",
};

function describeIssue(locale: Locale, issue: z.core.$ZodIssue): string {
  const path = issue.path;
  const stepIndex = path[0] === "steps" && typeof path[1] === "number" ? path[1] : null;
  const rest = stepIndex === null ? path : path.slice(2);
  const field = rest.find((p): p is string => typeof p === "string" && p in FIELD_KEYS);
  const where = [
    stepIndex === null ? null : translate(locale, "methods.file.step", { n: stepIndex + 1 }),
    field ? translate(locale, FIELD_KEYS[field]!) : rest.length > 0 ? rest.join(".") : null,
  ]
    .filter((part): part is string => part !== null)
    .join(", ");
  let problem: string;
  switch (issue.code) {
    case "too_small":
      problem = translate(locale, "methods.file.tooSmall", { min: String(issue.minimum) });
      break;
    case "too_big":
      problem = translate(locale, "methods.file.tooBig", { max: String(issue.maximum) });
      break;
    case "invalid_type":
      problem = translate(locale, issue.input === undefined ? "methods.file.missing" : "methods.file.wrongType");
      break;
    case "unrecognized_keys":
      problem = translate(locale, "methods.file.unknownField", { names: issue.keys.join(", ") });
      break;
    default:
      problem = translate(locale, "methods.file.invalid");
  }
  return where ? `${where}: ${problem}` : problem;
}

/** Describes a plan issue in the given language, with the step's number when it belongs to a step. */
export function describePlanIssue(locale: Locale, issue: PlanIssue): string {
  const text = translate(locale, issue.key, issue.params);
  return issue.step === null ? text : `${translate(locale, "methods.file.step", { n: issue.step + 1 })}: ${text}`;
}

/**
 * Reads an imported plan file. Accepts the exported wrapper or a bare plan; anything else is refused
 * with reasons a facilitator can act on, in their language.
 */
export function parsePlanFile(text: string, locale: Locale): ParsedPlanFile {
  const fail = (...errors: string[]): ParsedPlanFile => ({ ok: false, errors });
  if (text.length > PLAN_LIMITS.fileBytes) {
    return fail(translate(locale, "methods.file.tooLarge", { kb: PLAN_LIMITS.fileBytes / 1024 }));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail(translate(locale, "methods.file.notJson"));
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return fail(translate(locale, "methods.file.notPlan"));
  }
  let candidate: unknown = data;
  if ("format" in data) {
    const wrapper = data as { format: unknown; version?: unknown; plan?: unknown };
    if (wrapper.format !== PLAN_FILE_FORMAT) return fail(translate(locale, "methods.file.notPlan"));
    if (wrapper.version !== PLAN_FILE_VERSION) {
      return fail(translate(locale, "methods.file.version", { version: String(wrapper.version) }));
    }
    candidate = wrapper.plan;
  } else if (!("steps" in data)) {
    return fail(translate(locale, "methods.file.notPlan"));
  }
  const parsed = planSchema.safeParse(candidate);
  if (!parsed.success) {
    return fail(...parsed.error.issues.slice(0, MAX_FILE_ERRORS).map((issue) => describeIssue(locale, issue)));
  }
  const issues = validatePlan(parsed.data);
  if (issues.length > 0) {
    return fail(...issues.slice(0, MAX_FILE_ERRORS).map((issue) => describePlanIssue(locale, issue)));
  }
  return { ok: true, plan: parsed.data };
}
