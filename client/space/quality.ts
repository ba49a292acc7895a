/**
 * Rendering quality, chosen from measured frame times rather than guessed from the device: many state
 * laptops and virtual desktops draw WebGL in software, where multisampling and a high pixel ratio cost
 * several times what the scene itself does. Pure rules here; the 3D view applies them (SpaceCanvas).
 */

export type QualityTier = "full" | "balanced" | "light";

export interface TierSettings {
  /** Upper bound of the device pixel ratio used for the canvas. */
  maxDpr: number;
  /** Multisampled edges; changing it needs a new WebGL context (the canvas is remounted). */
  antialias: boolean;
  /** Name tags further than this are not drawn. */
  nameTagRangeM: number;
  /** At most this many name tags at once (the nearest; whoever speaks, has a hand up or facilitates first). */
  maxNameTags: number;
  /** Avatars further than this are drawn with the low-detail parts. */
  detailRangeM: number;
  /** Room signs (stage, note wall) further than this are not drawn: text is costly per pixel. */
  signRangeM: number;
  /**
   * Texture samples per floor pixel: anisotropic filtering keeps the planks sharp at a grazing angle
   * but multiplies the work of a software renderer, where the floor was the costliest thing drawn.
   */
  floorAnisotropy: number;
  /** Blend between mipmap levels (trilinear); without it the nearest level is used (half the reads). */
  floorMipmapBlend: boolean;
}

export const TIERS: Record<QualityTier, TierSettings> = {
  full: {
    maxDpr: 1.5,
    antialias: true,
    nameTagRangeM: 14,
    maxNameTags: 48,
    detailRangeM: 12,
    signRangeM: 80,
    floorAnisotropy: 4,
    floorMipmapBlend: true,
  },
  balanced: {
    maxDpr: 1,
    antialias: false,
    nameTagRangeM: 12,
    maxNameTags: 24,
    detailRangeM: 8,
    signRangeM: 24,
    floorAnisotropy: 1,
    floorMipmapBlend: true,
  },
  light: {
    maxDpr: 0.75,
    antialias: false,
    nameTagRangeM: 8,
    maxNameTags: 12,
    detailRangeM: 5,
    signRangeM: 16,
    floorAnisotropy: 1,
    floorMipmapBlend: false,
  },
};

const ORDER: readonly QualityTier[] = ["light", "balanced", "full"];

/**
 * Frame-time limits in ms (median over a window). A display refreshes every 16.7 ms, so a median near
 * that means frames are waiting for the display: there is room to spare. The gaps between the limits
 * keep a tier from flipping back and forth.
 */
export const LIMITS = {
  /** Above this, `full` drops to `balanced` (under ~40 fps). */
  fullTooSlow: 25,
  /**
   * Above this, `balanced` drops to `light` (under ~36 fps). At 40 ms (25 fps) a laptop rendering in
   * software stayed balanced at 30 fps with 30 people in sight, 0.55 of what a bare three.js scene
   * managed on it (npm run bench:render); the light tier is what keeps such a view fluid.
   */
  balancedTooSlow: 28,
  /** Below this a tier may rise one step: frames arrive at the display's pace. */
  roomToSpare: 18.5,
} as const;

/** What the tier controller carries from one window to the next. */
export interface QualityState {
  tier: QualityTier;
  /** Rises still allowed (one per visit), so a tier that proved too slow is not tried again and again. */
  raisesLeft: number;
}

export function initialQuality(remembered: string | null): QualityState {
  const tier = ORDER.includes(remembered as QualityTier) ? (remembered as QualityTier) : "balanced";
  return { tier, raisesLeft: 1 };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The tier for the next window, given the frame intervals (ms) measured in the last one. Drops one
 * step when frames are slow; rises one step when they keep the display's pace and a rise is left.
 * Intervals over a second (a hidden tab, a debugger) say nothing about drawing and are ignored; with
 * fewer than 5 usable frames the state stays as it is.
 */
export function nextQuality(state: QualityState, intervalsMs: readonly number[]): QualityState {
  const usable = intervalsMs.filter((ms) => ms > 0 && ms < 1000);
  if (usable.length < 5) return state;
  const typical = median(usable);
  const index = ORDER.indexOf(state.tier);
  const tooSlow = state.tier === "full" ? LIMITS.fullTooSlow : LIMITS.balancedTooSlow;
  if (typical > tooSlow && index > 0) {
    return { tier: ORDER[index - 1]!, raisesLeft: state.raisesLeft };
  }
  if (typical < LIMITS.roomToSpare && index < ORDER.length - 1 && state.raisesLeft > 0) {
    return { tier: ORDER[index + 1]!, raisesLeft: state.raisesLeft - 1 };
  }
  return state;
}
