import { create } from "zustand";

/**
 * Comfort settings for moving in VR, chosen per person and remembered in this browser. The defaults
 * follow the XR Accessibility User Requirements: no smooth motion unless asked for, snap turns, a
 * vignette that narrows the view while the world moves.
 */
export interface Comfort {
  /** Degrees turned per flick of the right thumbstick. */
  snapDegrees: number;
  /** Walk with the left thumbstick (off: teleport only). */
  smoothMovement: boolean;
  /** Darken the edges of the view while moving smoothly or turning. */
  vignette: boolean;
}

export const SNAP_ANGLES = [30, 45, 60, 90] as const;
export const DEFAULT_COMFORT: Comfort = { snapDegrees: 45, smoothMovement: false, vignette: true };
const STORAGE_KEY = "yhteistila.comfort";

function load(): Comfort {
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? "{}") as Partial<Comfort>;
    return {
      snapDegrees: SNAP_ANGLES.includes(saved.snapDegrees as never) ? saved.snapDegrees! : DEFAULT_COMFORT.snapDegrees,
      smoothMovement: typeof saved.smoothMovement === "boolean" ? saved.smoothMovement : DEFAULT_COMFORT.smoothMovement,
      vignette: typeof saved.vignette === "boolean" ? saved.vignette : DEFAULT_COMFORT.vignette,
    };
  } catch {
    return { ...DEFAULT_COMFORT };
  }
}

export const useComfort = create<Comfort>(() => load());

export function setComfort(change: Partial<Comfort>): void {
  useComfort.setState(change);
  globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(useComfort.getState()));
}

/** The next snap angle in the list, wrapping round: one button cycles through them. */
export function nextSnapAngle(current: number): number {
  const index = SNAP_ANGLES.indexOf(current as (typeof SNAP_ANGLES)[number]);
  return SNAP_ANGLES[(index + 1) % SNAP_ANGLES.length]!;
}
