import { create } from "zustand";
import { initialQuality, nextQuality, TIERS, type QualityState, type TierSettings } from "./quality";

const KEY = "yhteistila.quality";

function remembered(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

interface QualityStore {
  state: QualityState;
  settings: TierSettings;
  /** Feeds one window of measured frame intervals; the tier may change (and is remembered for the next visit). */
  measured(intervalsMs: readonly number[]): void;
}

/** The 3D view's quality tier, chosen from measured frame times (see quality.ts). */
export const useQuality = create<QualityStore>((set, get) => {
  const state = initialQuality(remembered());
  return {
    state,
    settings: TIERS[state.tier],
    measured(intervalsMs) {
      const next = nextQuality(get().state, intervalsMs);
      if (next === get().state) return;
      set({ state: next, settings: TIERS[next.tier] });
      try {
        localStorage.setItem(KEY, next.tier);
      } catch {
        // Private mode: the tier is measured again next time.
      }
    },
  };
});
