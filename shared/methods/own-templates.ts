import { planSchema, type Plan } from "./plan";
import { duplicatePlan, validatePlan } from "./rules";

/**
 * A facilitator's own templates: plans they saved to start from again in later sessions. Kept by the
 * facilitator's browser (a session has no facilitator account to keep them on the server); the server
 * still checks every plan made from one when it is used, like any other plan.
 */

/** Enough for a facilitator's repertoire; the oldest goes when a new one would exceed it. */
export const OWN_TEMPLATES_MAX = 30;

export interface OwnTemplate {
  plan: Plan;
  savedAt: number;
}

/**
 * The list with `plan` saved as a template (a copy with fresh ids, so later edits to the session's
 * plan do not change it). A template of the same title is replaced: saving again updates it.
 */
export function addOwnTemplate(
  list: readonly OwnTemplate[],
  plan: Plan,
  newId: () => string,
  now: number,
): OwnTemplate[] {
  const copy = duplicatePlan(plan, newId);
  const rest = list.filter((own) => own.plan.title !== plan.title);
  return [{ plan: copy, savedAt: now }, ...rest].slice(0, OWN_TEMPLATES_MAX);
}

export function removeOwnTemplate(list: readonly OwnTemplate[], planId: string): OwnTemplate[] {
  return list.filter((own) => own.plan.id !== planId);
}

/**
 * Reads the stored list, keeping only what is still a valid plan (storage can be edited by hand, or
 * written by an older version): a broken entry is dropped, never shown or sent.
 */
export function readOwnTemplates(text: string | null): OwnTemplate[] {
  if (!text) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const out: OwnTemplate[] = [];
  for (const item of data.slice(0, OWN_TEMPLATES_MAX)) {
    if (typeof item !== "object" || item === null) continue;
    const { plan, savedAt } = item as { plan?: unknown; savedAt?: unknown };
    const parsed = planSchema.safeParse(plan);
    if (!parsed.success || validatePlan(parsed.data).length > 0 || typeof savedAt !== "number") continue;
    out.push({ plan: parsed.data, savedAt });
  }
  return out;
}
