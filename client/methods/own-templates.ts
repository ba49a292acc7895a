import { create } from "zustand";
import type { Plan } from "../../shared/methods/plan";
import {
  addOwnTemplate,
  readOwnTemplates,
  removeOwnTemplate,
  type OwnTemplate,
} from "../../shared/methods/own-templates";
import { newPlanId } from "./plan-view";

const KEY = "yhteistila.methods.ownTemplates";

function load(): OwnTemplate[] {
  try {
    return readOwnTemplates(globalThis.localStorage?.getItem(KEY) ?? null);
  } catch {
    // Storage refused (private mode, a policy): no own templates, rather than no Method tab.
    return [];
  }
}

function store(list: OwnTemplate[]): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(list));
  } catch {
    // Kept for this page's life only.
  }
}

/** The facilitator's own templates, as this browser keeps them. */
export const useOwnTemplates = create<{ list: OwnTemplate[] }>(() => ({ list: load() }));

export function saveOwnTemplate(plan: Plan): void {
  const list = addOwnTemplate(useOwnTemplates.getState().list, plan, newPlanId, Date.now());
  store(list);
  useOwnTemplates.setState({ list });
}

export function forgetOwnTemplate(planId: string): void {
  const list = removeOwnTemplate(useOwnTemplates.getState().list, planId);
  store(list);
  useOwnTemplates.setState({ list });
}
