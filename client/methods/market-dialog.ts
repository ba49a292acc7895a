import { create } from "zustand";
import type { MarketCell } from "./market-moves";

/**
 * What the marketplace wall (client/methods/MarketWall3D.tsx) has asked the headset's panels
 * (client/xr/VRMarketPanel.tsx) to show: the keyboard to write a topic for a free cell, or the list to
 * name a topic's note-taker from. And the topic being moved: its convener picked "Move" on the wall,
 * and the next free cell pointed at takes it. A flat screen has the HTML card for all of this.
 */
export interface MarketDialog {
  open: ({ kind: "post" } & MarketCell) | { kind: "taker"; topic: string } | null;
  /** The topic whose new cell is being chosen on the wall, if any. */
  moving: string | null;
  /** The title last sent from the keyboard (see carriedDraft). */
  draft: string;
}

export const useMarketDialog = create<MarketDialog>(() => ({ open: null, moving: null, draft: "" }));

export const closeMarketDialog = () => useMarketDialog.setState({ open: null });
