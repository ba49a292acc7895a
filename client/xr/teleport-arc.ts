import { TELEPORT } from "../../shared/movement/rules";
import { LAB, floorHeightAt, isWalkable } from "../../shared/space/layout";

/** Launch speed of the arc, m/s: held level at eye height it lands about TELEPORT.maxDistance away. */
const SPEED = 9;
const GRAVITY = 9.81;
/** Points along the drawn arc (the last is where it lands or stops). */
export const ARC_POINTS = 32;
const MAX_FLIGHT_S = 2.2;

export interface ArcResult {
  /** How many points of `out` were written (2 … ARC_POINTS). */
  count: number;
  /** Where the arc meets the floor, or null when it leaves the room first. */
  hit: { x: number; y: number; z: number } | null;
  /** The spot can be teleported to: open floor within reach (the server checks the same rules). */
  valid: boolean;
}

/**
 * The parabola of a teleport pointer, from a controller's position along its pointing direction,
 * written into `out` (x, y, z triples) until it meets the floor (the stage counts as floor).
 */
export function teleportArc(
  from: { x: number; y: number; z: number },
  direction: { x: number; y: number; z: number },
  standing: { x: number; z: number },
  out: Float32Array,
): ArcResult {
  const length = Math.hypot(direction.x, direction.y, direction.z) || 1;
  const vx = (direction.x / length) * SPEED;
  const vy = (direction.y / length) * SPEED;
  const vz = (direction.z / length) * SPEED;
  const dt = MAX_FLIGHT_S / (ARC_POINTS - 1);
  let px = from.x;
  let py = from.y;
  let pz = from.z;
  out[0] = px;
  out[1] = py;
  out[2] = pz;
  const { walls } = LAB;
  for (let i = 1; i < ARC_POINTS; i++) {
    const t = i * dt;
    const x = from.x + vx * t;
    const y = from.y + vy * t - (GRAVITY * t * t) / 2;
    const z = from.z + vz * t;
    const floor = floorHeightAt(x, z);
    if (x < walls.minX || x > walls.maxX || z < walls.minZ || z > walls.maxZ) {
      out.set([x, y, z], i * 3);
      return { count: i + 1, hit: null, valid: false };
    }
    if (y <= floor) {
      // Land exactly on the floor between the last point above it and this one.
      const k = (py - floor) / Math.max(1e-6, py - y);
      const hx = px + (x - px) * k;
      const hz = pz + (z - pz) * k;
      const hy = floorHeightAt(hx, hz);
      out.set([hx, hy, hz], i * 3);
      const near = Math.hypot(hx - standing.x, hz - standing.z) <= TELEPORT.maxDistance;
      return { count: i + 1, hit: { x: hx, y: hy, z: hz }, valid: near && isWalkable(hx, hz) };
    }
    out.set([x, y, z], i * 3);
    px = x;
    py = y;
    pz = z;
  }
  return { count: ARC_POINTS, hit: null, valid: false };
}
