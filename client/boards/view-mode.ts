import { create } from "zustand";

const KEY = "yhteistila.view";

/** "3d": the lab; "2d": the boards as accessible lists filling the page (phones, screen readers). */
export type ViewMode = "3d" | "2d";

function initial(): ViewMode {
  return globalThis.localStorage?.getItem(KEY) === "2d" ? "2d" : "3d";
}

interface ViewModeStore {
  mode: ViewMode;
  /** The board shown in the 2D view and the Boards panel. */
  boardId: string | null;
  setMode(mode: ViewMode): void;
  choose(boardId: string): void;
}

export const useViewMode = create<ViewModeStore>((set) => ({
  mode: initial(),
  boardId: null,
  setMode(mode) {
    globalThis.localStorage?.setItem(KEY, mode);
    set({ mode });
  },
  choose(boardId) {
    set({ boardId });
  },
}));
