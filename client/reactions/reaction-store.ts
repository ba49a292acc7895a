import { create } from "zustand";
import type { Reaction } from "../../shared/protocol/reactions";

export interface ShownReaction {
  key: number;
  /** Who reacted. */
  id: string;
  kind: Reaction;
}

/** How long a reaction floats above its sender. */
export const REACTION_SHOW_MS = 3000;

export const useReactions = create<{ shown: ShownReaction[] }>(() => ({ shown: [] }));

let nextKey = 1;

export function showReaction(id: string, kind: Reaction): void {
  const key = nextKey++;
  // One reaction per person at a time: a new one replaces the last.
  useReactions.setState((s) => ({ shown: [...s.shown.filter((r) => r.id !== id), { key, id, kind }] }));
  setTimeout(() => useReactions.setState((s) => ({ shown: s.shown.filter((r) => r.key !== key) })), REACTION_SHOW_MS);
}
