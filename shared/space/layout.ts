import { MAX_PEOPLE } from "../protocol/constants";

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
  /**
   * Open Space's marketplace wall: a free-standing panel north-east of the plenary, its front turned
   * to the circle's centre (turned by `yaw` radians about +y, the front faces (sin yaw, cos yaw)).
   * Clear of the zones' first places, the stage, the screen's view from the circle's middle, and the
   * spots the methods put boards on (tests/methods/market-moves.test.ts checks).
   */
  marketWall: { x: 5.2, z: -4.8, yaw: Math.atan2(0 - 5.2, 1 - -4.8), width: 5, height: 2.6, bottom: 0.5 },
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

/** Newcomers get this many distinct places before the pattern repeats: a full session (MAX_PEOPLE). */
export const SPAWN_PLACES = MAX_PEOPLE;
/** The first arrivals stand on a sunflower spiral round the plenary, as far out as the breakout areas allow. */
const SPIRAL_PLACES = 200;
/** Floor each newcomer's place takes on the spawn spiral, m²: neighbours end up about 0.9 m apart. */
const SPAWN_AREA_PER_PLACE = 0.88;
const GOLDEN_ANGLE = 2.399963229728653;
/** Beyond the spiral, places on a grid this far apart (m) over the rest of the free floor. */
const OVERFLOW_SPACING = 0.9;

export interface SpawnPlace {
  x: number;
  z: number;
  yaw: number;
}

/** yaw 0 looks towards -z: face the centre of the plenary circle from (x, z). */
function facingPlenary(x: number, z: number): SpawnPlace {
  return { x, z, yaw: Math.atan2(x - LAB.plenary.x, z - LAB.plenary.z) };
}

/**
 * The spiral: the golden angle spreads consecutive arrivals around the circle, and a radius that grows
 * with the square root of the index gives every place the same floor area, so no two stand on each other.
 */
function spiralPlace(place: number): SpawnPlace {
  const { plenary } = LAB;
  const inner = plenary.radius - 1;
  const ring = Math.sqrt(inner * inner + ((place + 0.5) * SPAWN_AREA_PER_PLACE) / Math.PI);
  const angle = place * GOLDEN_ANGLE;
  return facingPlenary(plenary.x + Math.sin(angle) * ring, plenary.z + Math.cos(angle) * ring);
}

let overflow: SpawnPlace[] | undefined;

/**
 * A large plenary (up to 500) does not fit on one spiral without spilling into the breakout areas:
 * later arrivals fill the rest of the walkable floor, nearest the plenary first, clear of the
 * breakout areas, the stage and the spiral. Computed once.
 */
function overflowPlaces(): SpawnPlace[] {
  if (overflow) return overflow;
  const spiral = Array.from({ length: SPIRAL_PLACES }, (_, i) => spiralPlace(i));
  const { walls, stage, plenary } = LAB;
  // Outside the spiral's outer edge: the centre of the plenary stays clear for whoever leads it.
  const spiralEdge = Math.max(...spiral.map((p) => Math.hypot(p.x - plenary.x, p.z - plenary.z))) + OVERFLOW_SPACING;
  const found: SpawnPlace[] = [];
  for (let x = walls.minX + 0.6; x < walls.maxX - 0.5; x += OVERFLOW_SPACING) {
    for (let z = walls.minZ + 0.6; z < walls.maxZ - 0.5; z += OVERFLOW_SPACING) {
      if (!isWalkable(x, z) || insideRect(stage, x, z, 0.5)) continue;
      if (LAB.breakoutAreas.some((area) => Math.hypot(x - area.x, z - area.z) < area.radius + 0.5)) continue;
      if (Math.hypot(x - plenary.x, z - plenary.z) < spiralEdge) continue;
      found.push(facingPlenary(x, z));
    }
  }
  const distance = (p: SpawnPlace) => Math.hypot(p.x - plenary.x, p.z - plenary.z);
  overflow = found.sort((a, b) => distance(a) - distance(b) || a.x - b.x || a.z - b.z);
  return overflow;
}

/** Where the `index`-th newcomer of a session appears, facing the plenary's centre. */
export function spawnPoint(index: number): SpawnPlace {
  const place = index % SPAWN_PLACES;
  if (place < SPIRAL_PLACES) return spiralPlace(place);
  const rest = overflowPlaces();
  return rest[(place - SPIRAL_PLACES) % rest.length]!;
}
