import { templatePlan } from "../../shared/methods/templates";
import type { Plan } from "../../shared/methods/plan";

/**
 * A day with two Open Spaces, each the template's marketplace, one slot and its closing (a harvest):
 * 0 morning marketplace, 1 its slot, 2 its closing; 3 afternoon marketplace, 4 its slot, 5 its closing.
 */
export function twoMarketplaces(): Plan {
  let n = 0;
  const round = (title: string) => {
    const steps = templatePlan("openSpace", "en", () => `m${++n}`).steps;
    return [{ ...steps[1]!, title }, steps[2]!, steps[5]!];
  };
  const base = templatePlan("openSpace", "en", () => `m${++n}`);
  return { ...base, steps: [...round("Morning marketplace"), ...round("Afternoon marketplace")] };
}
