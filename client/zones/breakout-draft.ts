import { create } from "zustand";
import { formGroups, type GroupCandidate, type GroupingMethod, type GroupingSize } from "../../shared/zones/groups";

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

/**
 * Forms groups from the people here now with the draft's method, group i going to the i-th zone: by
 * the draft's split and number (the facilitator panel), or one group per zone (the in-VR menu, which
 * has no preview to tune them in).
 */
export function formDraftGroups(
  people: readonly GroupCandidate[],
  zoneIds: readonly string[],
  seed: number,
  split: "draft" | "perZone" = "draft",
): void {
  const draft = useBreakoutDraft.getState();
  const size: GroupingSize =
    split === "perZone"
      ? { by: "count", count: Math.min(zoneIds.length, people.length) }
      : draft.split === "size"
        ? { by: "size", size: draft.number }
        : { by: "count", count: draft.number };
  // Without the panel nobody can drag names into groups, so "manual" falls back to random there.
  const method = split === "perZone" && draft.method === "manual" ? "random" : draft.method;
  const groups = formGroups(people, size, method, seed);
  updateDraft({ seed, groups, zoneIds: groups.map((_, i) => zoneIds[i] ?? ""), ownTasks: groups.map(() => "") });
}

/** A fresh seed for "Shuffle again": any 32-bit number will do, the result is still reproducible from it. */
export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/** What "Send to zones" sends for a draft: the groups with their zones, the common task and time, own tasks. */
export interface PreparedSend {
  groups: { zone: string; people: string[] }[];
  task?: string;
  seconds: number;
  ownTasks: { zone: string; text: string }[];
}

/**
 * The draft's groups as they can be sent now, or null when they cannot: nothing formed yet, a group
 * without a zone of its own, two groups in one zone, or a group larger than its zone's capacity.
 * People who have left since the groups were formed are dropped. The facilitator panel's button and
 * the in-VR menu's both send exactly this.
 */
export function preparedSend(
  draft: BreakoutDraft,
  present: ReadonlySet<string>,
  zones: readonly { id: string; capacity: number }[],
): PreparedSend | null {
  if (!draft.groups) return null;
  const groups = draft.groups.map((group) => group.filter((member) => present.has(member)));
  if (groups.length > zones.length) return null;
  const zoneOf = (index: number) => zones.find((z) => z.id === draft.zoneIds[index]);
  const used = draft.zoneIds.slice(0, groups.length).filter(Boolean);
  if (new Set(used).size !== used.length) return null;
  if (groups.some((group, i) => (zoneOf(i)?.capacity ?? 0) > 0 && group.length > zoneOf(i)!.capacity)) return null;
  const outgoing = groups
    .map((people, i) => ({ zone: zoneOf(i)?.id ?? "", people, own: draft.ownTasks[i]?.trim() ?? "" }))
    .filter((group) => group.people.length > 0 && group.zone !== "");
  if (outgoing.length === 0) return null;
  return {
    groups: outgoing.map(({ zone, people }) => ({ zone, people })),
    ...(draft.task.trim() ? { task: draft.task } : {}),
    seconds: draft.minutes * 60,
    ownTasks: outgoing.filter((group) => group.own).map(({ zone, own }) => ({ zone, text: own })),
  };
}
