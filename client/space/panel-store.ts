import { create } from "zustand";

/**
 * Whether the side panel (a bottom sheet on narrow screens) is open. Shared by the panel itself and
 * the dock's toggle, so both stay in step; the id lets the toggle point at what it controls.
 */
export const SIDE_PANEL_ID = "side-panel";

/** Screens this narrow get the panel as a bottom sheet (see overlay.css). */
export const NARROW_QUERY = "(max-width: 640px)";

interface PanelStore {
  open: boolean;
  /** The chosen tab's id (null: the first one). */
  tab: string | null;
  setOpen(open: boolean): void;
  setTab(tab: string): void;
  /** Opens the panel at a tab, e.g. from a chat notice. */
  showTab(tab: string): void;
}

export const usePanelStore = create<PanelStore>((set) => ({
  open: true,
  tab: null,
  setOpen: (open) => set({ open }),
  setTab: (tab) => set({ tab }),
  showTab: (tab) => set({ open: true, tab }),
}));
