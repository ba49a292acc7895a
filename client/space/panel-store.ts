import { create } from "zustand";

/**
 * Whether the side panel (a bottom sheet on narrow screens) is open. Shared by the panel itself and
 * the dock's toggle, so both stay in step; the id lets the toggle point at what it controls.
 */
export const SIDE_PANEL_ID = "side-panel";

/** Screens this narrow get the panel as a bottom sheet (see overlay.css). */
export const NARROW_QUERY = "(max-width: 640px)";

export const usePanelStore = create<{ open: boolean; setOpen(open: boolean): void }>((set) => ({
  open: true,
  setOpen: (open) => set({ open }),
}));
