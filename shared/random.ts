/**
 * A tiny seeded PRNG (mulberry32): the same seed gives the same sequence on every machine, so rules
 * that shuffle (group formation, procedural textures) are repeatable and tests can replay a failure
 * by its seed.
 */
export type Random = () => number;

/** Returns a generator of floats in [0, 1) determined by `seed` (any 32-bit integer). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A float in [min, max). */
export function between(random: Random, min: number, max: number): number {
  return min + random() * (max - min);
}

/** An integer in [0, max). */
export function intBelow(random: Random, max: number): number {
  return Math.floor(random() * max);
}
