/**
 * Rendering quality, chosen from measured frame times rather than guessed from the device: many state
 * laptops and virtual desktops draw WebGL in software, where multisampling and a high pixel ratio cost
 * several times what the scene itself does. Pure rules here; the 3D view applies them (SpaceCanvas).
 */

export type QualityTier = "full" | "balanced" | "light" | "minimal";

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
  /**
   * Only where even light misses the display's pace: with 30 people walking in sight a software
   * renderer drew 46-57 fps in light, depending on how many stood near, and 59-61 at pixel ratio 0.6.
   */
  minimal: {
    maxDpr: 0.6,
    antialias: false,
    nameTagRangeM: 8,
    maxNameTags: 8,
    detailRangeM: 4,
    signRangeM: 12,
    floorAnisotropy: 1,
    floorMipmapBlend: false,
  },
};

const ORDER: readonly QualityTier[] = ["minimal", "light", "balanced", "full"];

/**
 * Frame-time limits in ms (the typical frame of a window, see typicalFrameMs). A display refreshes
 * every 16.7 ms and the browser's frames come in whole refreshes, so a view that just misses the pace
 * alternates 16.7 and 33.3 ms frames: its typical frame then says how many frames a second it really
 * shows. The goal is at least 0.8 of the display's pace (~48 of 60 frames a second), the pace a bare
 * three.js scene of the same people keeps on the same laptop (npm run bench:render). The gap to
 * roomToSpare keeps a tier from flipping back and forth.
 */
export const LIMITS = {
  /**
   * Above this a tier drops one step (under ~48 fps). With 30 people in sight a laptop rendering in
   * software showed 35-42 fps in balanced, half its frames missing the display's pace; judged by the
   * median frame it stayed there (0.61 of the bare scene).
   */
  tooSlow: 21,
  /** Below this a tier may rise one step: nearly every frame keeps the display's pace. */
  roomToSpare: 18,
} as const;

/** What the tier controller carries from one window to the next. */
export interface QualityState {
  tier: QualityTier;
  /**
   * The highest tier still worth trying in this visit: a tier that proved too slow is not tried again
   * (a rise back to it would cost a window of slow frames every time).
   */
  ceiling: QualityTier;
}

export function initialQuality(remembered: string | null): QualityState {
  const tier = ORDER.includes(remembered as QualityTier) ? (remembered as QualityTier) : "balanced";
  return { tier, ceiling: "full" };
}

/** A frame this many times the window's median is a hitch (a note loading, a join), not drawing. */
const HITCH_FACTOR = 3;

/**
 * A window's typical frame: the mean of its intervals, hitches left out. Not the median: frames come
 * in whole display refreshes, so with frames alternating between one and two refreshes the median
 * jumps from 16.7 to 33.3 ms as the mix passes one half and says nothing about the rate in between.
 */
export function typicalFrameMs(intervalsMs: readonly number[]): number {
  const sorted = [...intervalsMs].sort((a, b) => a - b);
  const hitch = sorted[sorted.length >> 1]! * HITCH_FACTOR;
  const kept = sorted.filter((ms) => ms <= hitch);
  return kept.reduce((sum, ms) => sum + ms, 0) / kept.length;
}

/**
 * The tier for the next window, given the frame intervals (ms) measured in the last one. Drops one
 * step when frames are slow (two when far too slow), and that tier becomes the ceiling; rises one step when frames keep the
 * display's pace and the ceiling allows.
 * Intervals over a second (a hidden tab, a debugger) say nothing about drawing and are ignored; with
 * fewer than 5 usable frames the state stays as it is.
 */
export function nextQuality(state: QualityState, intervalsMs: readonly number[]): QualityState {
  const usable = intervalsMs.filter((ms) => ms > 0 && ms < 1000);
  if (usable.length < 5) return state;
  const typical = typicalFrameMs(usable);
  const index = ORDER.indexOf(state.tier);
  if (typical > LIMITS.tooSlow && index > 0) {
    // Far too slow (under ~24 fps: the crowd arrived in a room that looked empty at the full tier):
    // skip the tier between rather than spend another window of slow frames on it.
    const steps = typical > 2 * LIMITS.tooSlow ? 2 : 1;
    const lower = ORDER[Math.max(0, index - steps)]!;
    return { tier: lower, ceiling: lower };
  }
  if (typical < LIMITS.roomToSpare && index < ORDER.indexOf(state.ceiling)) {
    return { tier: ORDER[index + 1]!, ceiling: state.ceiling };
  }
  return state;
}
