import { create } from "zustand";
import type { PersonView } from "../session/session-store";
import { placementIn, type PhysicalRoomView } from "../hybrid/hybrid-store";
import {
  breakoutCandidates,
  checkDraft,
  type SendZone,
  type DraftCheck,
  type PreparedSend,
  type SendDraft,
} from "../../shared/zones/breakout";
import { formGroups, type GroupCandidate, type GroupingMethod, type GroupingSize } from "../../shared/zones/groups";

export type { PreparedSend };

/**
 * The participants a breakout may group, by name: everyone walking the lab. People at a hybrid
 * table's seats or serving as its room device stay with their table (the server refuses to send them).
 */
export function groupablePeople(
  people: Readonly<Record<string, PersonView>>,
  rooms: readonly PhysicalRoomView[],
): PersonView[] {
  const marked = Object.values(people).map((p) => ({ ...p, atTable: placementIn(rooms, p.id) !== undefined }));
  return breakoutCandidates(marked).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The facilitator's groups before they are sent: kept outside the panel so switching tabs does not
 * lose them. Only this browser holds the draft; the server sees the groups when they are sent.
 */
export interface BreakoutDraft extends SendDraft {
  split: "size" | "count";
  number: number;
  method: GroupingMethod;
  seed: number;
  groups: string[][] | null;
  zoneIds: string[];
  ownTasks: string[];
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

/**
 * The draft checked against the people and zones here now, by the same rules the server refuses by
 * (shared/zones/breakout.ts). The facilitator panel shows its problems; the panel's button and the
 * in-VR menu's both send exactly its `send`.
 */
export function checkCurrentDraft(
  draft: BreakoutDraft,
  participants: readonly { id: string; role: string; name: string }[],
  zones: readonly SendZone[],
): DraftCheck {
  return checkDraft(draft, { people: participants, zones });
}

/** The draft's groups as they can be sent now, or null when they cannot (see `checkDraft`). */
export function preparedSend(
  draft: BreakoutDraft,
  present: ReadonlySet<string>,
  zones: readonly SendZone[],
): PreparedSend | null {
  const people = [...present].map((id) => ({ id, role: "participant", name: "" }));
  return checkDraft(draft, { people, zones }).send;
}
