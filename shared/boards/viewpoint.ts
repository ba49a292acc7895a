import type { BoardDoc } from "./model";

/**
 * Where to stand to read a board: straight in front of it, far enough back to see most of it,
 * on the floor. Pure, so the 3D view's "show me the board" and its tests agree.
 */

/** Nearest and farthest standing distance, metres from the board's face. */
const NEAREST_M = 1.4;
const FARTHEST_M = 4.5;
const STEP_M = 0.3;

/** The distance that shows a board of this width (cm) without turning the head much. */
export function preferredDistance(widthCm: number): number {
  return Math.max(2, Math.min(FARTHEST_M, (widthCm / 100) * 0.35));
}

/**
 * A walkable spot in front of the board's face (its local +z, turned by its yaw), at the preferred
 * distance or as close to it as the floor allows; null when no spot straight in front is walkable.
 */
export function boardViewpoint(
  board: Pick<BoardDoc, "x" | "z" | "yaw" | "width">,
  walkable: (x: number, z: number) => boolean,
): { x: number; z: number } | null {
  const yaw = (board.yaw * Math.PI) / 180;
  const nx = Math.sin(yaw);
  const nz = Math.cos(yaw);
  const cx = board.x / 100;
  const cz = board.z / 100;
  const preferred = preferredDistance(board.width);
  const tries: number[] = [preferred];
  for (let d = preferred - STEP_M; d >= NEAREST_M; d -= STEP_M) tries.push(d);
  for (let d = preferred + STEP_M; d <= FARTHEST_M; d += STEP_M) tries.push(d);
  for (const d of tries) {
    const x = cx + nx * d;
    const z = cz + nz * d;
    if (walkable(x, z)) return { x: Math.round(x * 100) / 100, z: Math.round(z * 100) / 100 };
  }
  return null;
}

/** The view's yaw (radians; 0 looks towards -z, as the camera's) that looks from one point at another. */
export function yawToward(from: { x: number; z: number }, to: { x: number; z: number }): number {
  return Math.atan2(-(to.x - from.x), -(to.z - from.z));
}

/** The shortest signed turn from one yaw to another, in (-π, π]. */
export function turnBetween(from: number, to: number): number {
  const d = Math.atan2(Math.sin(to - from), Math.cos(to - from));
  return d === -Math.PI ? Math.PI : d;
}
