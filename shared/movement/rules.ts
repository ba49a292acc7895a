import { isPathWalkable, isWalkable } from "../space/layout";

/**
 * Walking is checked against a distance budget rather than per-message speed: messages bunch up on
 * real networks, and a budget that refills at walking speed tolerates that while still capping how
 * far anyone can get in a second.
 */
export const WALK = {
  /** Metres per second; a brisk walk, a little above the client's run speed. */
  maxSpeed: 4.5,
  /**
   * The most distance that can be banked. Three metres lets a walker's messages arrive in a lump
   * after a pause of about a second (a stalled tab, a server GC) without being snapped back.
   */
  burst: 3,
} as const;

export const TELEPORT = {
  /** Longest single teleport hop, metres (matches the teleport arc's reach in VR). */
  maxDistance: 10,
  /** Minimum time between two teleports, ms. */
  cooldownMs: 400,
} as const;

export interface MoveBudget {
  /** Metres that may still be walked right now. */
  metres: number;
  /** Server time of the last refill, ms. */
  at: number;
  /** Server time of the last teleport, ms. */
  lastTeleportAt: number;
}

export interface Point {
  x: number;
  z: number;
}

export type MoveVerdict =
  | { ok: true; budget: MoveBudget }
  | { ok: false; reason: "too_fast" | "not_walkable" | "too_far" | "too_soon"; budget: MoveBudget };

export function freshBudget(now: number): MoveBudget {
  return { metres: WALK.burst, at: now, lastTeleportAt: -Infinity };
}

function refill(budget: MoveBudget, now: number): MoveBudget {
  const elapsed = Math.max(0, now - budget.at) / 1000;
  return { ...budget, metres: Math.min(WALK.burst, budget.metres + elapsed * WALK.maxSpeed), at: now };
}

/** Decides whether a walk step from `from` to `to` is allowed at server time `now`. */
export function checkWalk(from: Point, to: Point, budget: MoveBudget, now: number): MoveVerdict {
  const refilled = refill(budget, now);
  if (!isPathWalkable(from.x, from.z, to.x, to.z)) return { ok: false, reason: "not_walkable", budget: refilled };
  const distance = Math.hypot(to.x - from.x, to.z - from.z);
  if (distance > refilled.metres) return { ok: false, reason: "too_fast", budget: refilled };
  return { ok: true, budget: { ...refilled, metres: refilled.metres - distance } };
}

/** Decides whether a teleport hop (VR locomotion) is allowed: short, onto the floor, not rapid-fire. */
export function checkTeleport(from: Point, to: Point, budget: MoveBudget, now: number): MoveVerdict {
  const refilled = refill(budget, now);
  if (!isWalkable(to.x, to.z)) return { ok: false, reason: "not_walkable", budget: refilled };
  if (Math.hypot(to.x - from.x, to.z - from.z) > TELEPORT.maxDistance) {
    return { ok: false, reason: "too_far", budget: refilled };
  }
  if (now - budget.lastTeleportAt < TELEPORT.cooldownMs) return { ok: false, reason: "too_soon", budget: refilled };
  return { ok: true, budget: { ...refilled, lastTeleportAt: now } };
}
