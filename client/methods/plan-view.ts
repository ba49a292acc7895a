import type { Locale, MethodsState } from "../../shared/protocol";
import type { Grouping, Plan } from "../../shared/methods/plan";
import { planTiming } from "../../shared/methods/rules";
import type { Translate } from "../i18n/locale";

/** What the facilitator's list shows of one step: when it starts and ends, and whether it is past. */
export interface StepRow {
  startsAt: number;
  endsAt: number;
  status: "done" | "current" | "next" | "later";
}

/**
 * Clock times of every step. Before the first step they are counted from `now`; while a step runs,
 * from its real start and its end with the facilitator's extensions, so the planned end moves with them.
 */
export function stepRows(
  plan: Plan,
  state: Pick<MethodsState, "step" | "startedAt" | "endsAt">,
  now: number,
): { rows: StepRow[]; plannedEnd: number; totalSeconds: number } {
  const timing = planTiming(plan);
  const current = state.step;
  const at = timing.steps[current];
  const running = at !== undefined && state.startedAt !== null && state.endsAt !== null;
  const rows = timing.steps.map((step, i): StepRow => {
    const status = i < current ? "done" : i === current ? "current" : i === current + 1 ? "next" : "later";
    if (!running) return { startsAt: now + step.start * 1000, endsAt: now + step.end * 1000, status };
    if (i <= current) {
      const startsAt = state.startedAt! + (step.start - at.start) * 1000;
      return { startsAt, endsAt: i === current ? state.endsAt! : startsAt + (step.end - step.start) * 1000, status };
    }
    return {
      startsAt: state.endsAt! + (step.start - at.end) * 1000,
      endsAt: state.endsAt! + (step.end - at.end) * 1000,
      status,
    };
  });
  const plannedEnd = rows.at(-1)?.endsAt ?? now;
  return { rows, plannedEnd, totalSeconds: timing.totalSeconds };
}

/**
 * "10:05" in the person's language and time zone; the browser's own region of that language decides
 * between 24 hours and AM/PM (en-GB or en-US), the interface language alone cannot tell.
 */
export function clockTime(locale: Locale, ms: number): string {
  const regional = globalThis.navigator?.languages?.find((tag) => tag.toLowerCase().split("-")[0] === locale);
  return new Intl.DateTimeFormat(regional ?? locale, { hour: "numeric", minute: "2-digit" }).format(new Date(ms));
}

/** A duration in whole minutes ("25 min"); steps are planned in minutes. */
export function minutes(t: Translate, seconds: number): string {
  return t("methods.panel.minutes", { n: Math.round((seconds / 60) * 10) / 10 });
}

export function groupingLabel(t: Translate, grouping: Grouping): string {
  switch (grouping.kind) {
    case "groupsOf":
    case "tables":
      return t(`methods.grouping.${grouping.kind}`, { size: grouping.size });
    case "groupCount":
      return t("methods.grouping.groupCount", { count: grouping.count });
    default:
      return t(`methods.grouping.${grouping.kind}`);
  }
}

/** A fresh id for a plan or a step (url-safe, as the plan schema asks). */
export function newPlanId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
}
