import { create } from "zustand";
import type { GroupingMethod } from "../../shared/zones/groups";

/**
 * The facilitator's groups before they are sent: kept outside the panel so switching tabs does not
 * lose them. Only this browser holds the draft; the server sees the groups when they are sent.
 */
export interface BreakoutDraft {
  split: "size" | "count";
  number: number;
  method: GroupingMethod;
  seed: number;
  /** Person ids per group; null before the first "Form groups". */
  groups: string[][] | null;
  /** The zone each group goes to, by index. */
  zoneIds: string[];
  /** A group's own task ("" = the common one). */
  ownTasks: string[];
  task: string;
  minutes: number;
}

export const useBreakoutDraft = create<BreakoutDraft>(() => ({
  split: "size",
  number: 3,
  method: "random",
  seed: 1,
  groups: null,
  zoneIds: [],
  ownTasks: [],
  task: "",
  minutes: 10,
}));

export function updateDraft(change: Partial<BreakoutDraft>): void {
  useBreakoutDraft.setState(change);
}

/** A fresh seed for "Shuffle again": any 32-bit number will do, the result is still reproducible from it. */
export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
