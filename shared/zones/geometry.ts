import { MAX_PEOPLE } from "../protocol/constants";
import { LAB, isWalkable, type Circle, type Rect } from "../space/layout";

/**
 * Where a breakout zone may lie, as pure rules shared by the server's checks, the facilitator's
 * panel (to warn before sending) and the tests. A zone is a circle on the floor.
 */
export const ZONE_LIMITS = {
  maxZones: 16,
  minRadius: 1.5,
  maxRadius: 8,
  /** Most people a capacity may name (a whole session); 0 means "no limit". */
  maxCapacity: MAX_PEOPLE,
  nameMax: 40,
  taskMax: 1000,
  /** Clear floor kept between two zones, and between a zone and the stage or the plenary circle. */
  gap: 0.3,
} as const;

/** Colours a zone may take: distinct on the light floor and for common colour-vision differences. */
export const ZONE_COLORS = [
  "#5b8def",
  "#e5894a",
  "#4fae7b",
  "#b070c9",
  "#d35d6e",
  "#2f9f9a",
  "#c9a227",
  "#6b7a8f",
] as const;

export type ZoneGeometryProblem = "outside_floor" | "overlaps_stage" | "overlaps_plenary" | "overlaps_zone";

export interface PlacedZone extends Circle {
  id: string;
}

function circleOverlapsRect(c: Circle, r: Rect, gap: number): boolean {
  const nearestX = Math.max(r.minX, Math.min(c.x, r.maxX));
  const nearestZ = Math.max(r.minZ, Math.min(c.z, r.maxZ));
  return Math.hypot(c.x - nearestX, c.z - nearestZ) < c.radius + gap;
}

/**
 * Why a zone cannot stand where it is asked to, or null when it can: wholly inside the walls, clear
 * of the stage, the plenary circle and every other zone (`others` may include the zone itself).
 */
export function zoneGeometryProblem(zone: PlacedZone, others: readonly PlacedZone[]): ZoneGeometryProblem | null {
  const { walls } = LAB;
  const r = zone.radius;
  if (!Number.isFinite(zone.x) || !Number.isFinite(zone.z) || !Number.isFinite(r)) return "outside_floor";
  if (zone.x - r < walls.minX || zone.x + r > walls.maxX || zone.z - r < walls.minZ || zone.z + r > walls.maxZ) {
    return "outside_floor";
  }
  // A pillar may stand inside a zone, but its centre must be somewhere a person can stand.
  if (!isWalkable(zone.x, zone.z)) return "outside_floor";
  if (circleOverlapsRect(zone, LAB.stage, ZONE_LIMITS.gap)) return "overlaps_stage";
  const { plenary } = LAB;
  if (Math.hypot(zone.x - plenary.x, zone.z - plenary.z) < r + plenary.radius + ZONE_LIMITS.gap) {
    return "overlaps_plenary";
  }
  for (const other of others) {
    if (other.id === zone.id) continue;
    if (Math.hypot(zone.x - other.x, zone.z - other.z) < r + other.radius + ZONE_LIMITS.gap) return "overlaps_zone";
  }
  return null;
}

/** Rounds a coordinate to whole centimetres, so what is stored, sent and compared is exactly the same. */
export function roundCm(metres: number): number {
  return Math.round(metres * 100) / 100;
}

/**
 * A free spot for a new zone of `radius`: the valid position closest to the plenary circle, searched on
 * a 0.5 m grid (deterministic, so two facilitators adding zones see the same result). Null when full.
 */
export function findFreeSpot(zones: readonly PlacedZone[], radius: number): { x: number; z: number } | null {
  const { walls, plenary } = LAB;
  let best: { x: number; z: number; d: number } | null = null;
  for (let x = walls.minX + radius; x <= walls.maxX - radius; x += 0.5) {
    for (let z = walls.minZ + radius; z <= walls.maxZ - radius; z += 0.5) {
      const candidate = { id: "", x: roundCm(x), z: roundCm(z), radius };
      if (zoneGeometryProblem(candidate, zones)) continue;
      const d = Math.hypot(candidate.x - plenary.x, candidate.z - plenary.z);
      if (!best || d < best.d - 1e-9) best = { x: candidate.x, z: candidate.z, d };
    }
  }
  return best && { x: best.x, z: best.z };
}

/** The next letter not yet used by a zone ("A", "B", … "Z", then "AA"…), for default names. */
export function nextZoneLetter(used: readonly string[]): string {
  const taken = new Set(used);
  for (let i = 0; ; i++) {
    const letter =
      i < 26
        ? String.fromCharCode(65 + i)
        : `${String.fromCharCode(65 + Math.floor(i / 26) - 1)}${String.fromCharCode(65 + (i % 26))}`;
    if (!taken.has(letter)) return letter;
  }
}
