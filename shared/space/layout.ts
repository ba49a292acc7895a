/**
 * The lab: one fixed floor plan shared by the 3D view, the server's movement rules and the tests.
 * Units are metres; +x is east, +z is south (towards the note wall), the stage is north.
 */

export interface Rect {
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
}

export interface Circle {
  x: number;
  z: number;
  radius: number;
}

/** Where a new session's zones start (facilitators move, add and remove them; see shared/zones). */
export interface BreakoutArea extends Circle {
  id: string;
}

export const LAB = {
  /** Inner faces of the four walls. */
  walls: { minX: -16, maxX: 16, minZ: -16, maxZ: 16 } satisfies Rect,
  /** How close an avatar's centre may come to a wall or obstacle. */
  bodyRadius: 0.3,
  plenary: { x: 0, z: 1, radius: 5 } satisfies Circle,
  /** A low platform at the north wall; walkable, the presenter stands on it. */
  stage: { minX: -6, maxX: 6, minZ: -16, maxZ: -12, height: 0.2 },
  screen: { x: 0, z: -15.9, width: 8, height: 4.5, bottom: 1.1 },
  noteWall: { x: 0, z: 15.9, width: 10, height: 2.4, bottom: 0.5 },
  breakoutAreas: [
    { id: "nw", x: -10.5, z: -6.5, radius: 3.8 },
    { id: "ne", x: 10.5, z: -6.5, radius: 3.8 },
    { id: "sw", x: -10.5, z: 9.5, radius: 3.8 },
    { id: "se", x: 10.5, z: 9.5, radius: 3.8 },
  ] satisfies BreakoutArea[],
  /** Solid things inside the walls that nobody walks through (pillars holding the roof). */
  obstacles: [
    { minX: -16, maxX: -15.2, minZ: -0.6, maxZ: 0.6 },
    { minX: 15.2, maxX: 16, minZ: -0.6, maxZ: 0.6 },
  ] satisfies Rect[],
  eyeHeight: 1.6,
} as const;

function insideRect(rect: Rect, x: number, z: number, margin: number): boolean {
  return x > rect.minX - margin && x < rect.maxX + margin && z > rect.minZ - margin && z < rect.maxZ + margin;
}

/** True where an avatar may stand: inside the walls (less its body radius) and clear of every obstacle. */
export function isWalkable(x: number, z: number): boolean {
  if (!Number.isFinite(x) || !Number.isFinite(z)) return false;
  const r = LAB.bodyRadius;
  const { walls } = LAB;
  if (x < walls.minX + r || x > walls.maxX - r || z < walls.minZ + r || z > walls.maxZ - r) return false;
  return !LAB.obstacles.some((o) => insideRect(o, x, z, r));
}

/** True when every point along the straight walk from a to b is walkable (sampled every 20 cm). */
export function isPathWalkable(ax: number, az: number, bx: number, bz: number): boolean {
  const steps = Math.max(1, Math.ceil(Math.hypot(bx - ax, bz - az) / 0.2));
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    if (!isWalkable(ax + (bx - ax) * t, az + (bz - az) * t)) return false;
  }
  return true;
}

/** Height of the floor under a point: the stage is raised. */
export function floorHeightAt(x: number, z: number): number {
  return insideRect(LAB.stage, x, z, 0) ? LAB.stage.height : 0;
}

/** Newcomers are spread over this many places before the pattern repeats (the session room's capacity). */
export const SPAWN_PLACES = 200;
/** Floor each newcomer's place takes on the spawn spiral, m²: neighbours end up about 0.9 m apart. */
const SPAWN_AREA_PER_PLACE = 0.88;
const GOLDEN_ANGLE = 2.399963229728653;

/**
 * Places newcomers around the plenary circle, facing its centre, on a sunflower spiral that starts
 * just inside the circle's edge: the golden angle spreads consecutive arrivals around the circle,
 * and a radius that grows with the square root of the index gives every place the same floor area,
 * so no two of the first SPAWN_PLACES arrivals stand on each other.
 */
export function spawnPoint(index: number): { x: number; z: number; yaw: number } {
  const { plenary } = LAB;
  const place = index % SPAWN_PLACES;
  const inner = plenary.radius - 1;
  const ring = Math.sqrt(inner * inner + ((place + 0.5) * SPAWN_AREA_PER_PLACE) / Math.PI);
  const angle = place * GOLDEN_ANGLE;
  const x = plenary.x + Math.sin(angle) * ring;
  const z = plenary.z + Math.cos(angle) * ring;
  // yaw 0 looks towards -z; face the centre of the circle
  const yaw = Math.atan2(x - plenary.x, z - plenary.z);
  return { x, z, yaw };
}
