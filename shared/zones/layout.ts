import { LAB } from "../space/layout";
import { intBelow, type Random } from "../random";
import type { ErrorCode } from "../protocol/errors";
import {
  ZONE_COLORS,
  ZONE_LIMITS,
  findFreeSpot,
  nextZoneLetter,
  roundCm,
  zoneGeometryProblem,
  type PlacedZone,
} from "./geometry";

/**
 * The zones' layout as pure rules: adding, changing and removing a zone, `(ctx, input) → zone | error`.
 * The server applies the result; the facilitator's panel uses the same presets and spot search to
 * place zones by name and size instead of by metres.
 */

export type ZoneColor = (typeof ZONE_COLORS)[number];

/** Each colour's name, for people who do not read hex codes (translated as `zones.color.<name>`). */
export const ZONE_COLOR_NAMES = {
  "#5b8def": "blue",
  "#e5894a": "orange",
  "#4fae7b": "green",
  "#b070c9": "purple",
  "#d35d6e": "red",
  "#2f9f9a": "teal",
  "#c9a227": "yellow",
  "#6b7a8f": "grey",
} as const satisfies Record<ZoneColor, string>;

export interface LayoutZone extends PlacedZone {
  name: string;
  letter: string;
  color: string;
  capacity: number;
  locked: boolean;
}

export interface LayoutContext {
  /** The zones in the facilitator's order. */
  zones: readonly LayoutZone[];
  random: Random;
}

export type LayoutError = { error: ErrorCode; detail?: string };

/** Sizes a facilitator picks from, as radii in metres (the lab's own four zones are large). */
export const ZONE_SIZES = { small: 2.5, medium: 3, large: 4 } as const;
export type ZoneSize = keyof typeof ZONE_SIZES;

/** The size whose radius is nearest to `radius` (what the panel shows as chosen). */
export function sizeOf(radius: number): ZoneSize {
  let best: ZoneSize = "medium";
  for (const size of Object.keys(ZONE_SIZES) as ZoneSize[])
    if (Math.abs(ZONE_SIZES[size] - radius) < Math.abs(ZONE_SIZES[best] - radius)) best = size;
  return best;
}

/**
 * Named places on the floor a zone can be moved to: the corners and the sides, never between the
 * plenary and the stage (that is where people look at the screen). A zone goes to the free spot
 * nearest the named place.
 */
export const ZONE_PLACES = {
  northWest: { x: -12, z: -11 },
  northEast: { x: 12, z: -11 },
  west: { x: -12, z: 1.5 },
  east: { x: 12, z: 1.5 },
  southWest: { x: -11, z: 11.5 },
  south: { x: 0, z: 12 },
  southEast: { x: 11, z: 11.5 },
} as const;
export type ZonePlace = keyof typeof ZONE_PLACES;

/**
 * The valid centre for a zone of `radius` nearest to `anchor` (searched on a 0.25 m grid, so the same
 * answer everywhere), ignoring the zone `selfId` itself; null when nothing fits.
 */
export function spotNear(
  anchor: { x: number; z: number },
  radius: number,
  zones: readonly PlacedZone[],
  selfId = "",
): { x: number; z: number } | null {
  const { walls } = LAB;
  let best: { x: number; z: number; d: number } | null = null;
  for (let x = walls.minX + radius; x <= walls.maxX - radius + 1e-9; x += 0.25) {
    for (let z = walls.minZ + radius; z <= walls.maxZ - radius + 1e-9; z += 0.25) {
      const candidate = { id: selfId, x: roundCm(x), z: roundCm(z), radius };
      const d = Math.hypot(candidate.x - anchor.x, candidate.z - anchor.z);
      if (best && d >= best.d - 1e-9) continue;
      if (zoneGeometryProblem(candidate, zones)) continue;
      best = { x: candidate.x, z: candidate.z, d };
    }
  }
  return best && { x: best.x, z: best.z };
}

function geometryError(zone: PlacedZone, zones: readonly PlacedZone[]): LayoutError | null {
  const problem = zoneGeometryProblem(zone, zones);
  if (!problem) return null;
  return problem === "outside_floor"
    ? { error: "zone_outside_floor" }
    : { error: "zone_overlaps", detail: problem.replace("overlaps_", "") };
}

/** A fresh zone id: short, url-safe, not yet used in this session. */
export function newZoneId(random: Random, taken: ReadonlySet<string>): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  for (;;) {
    let id = "z";
    for (let i = 0; i < 6; i++) id += alphabet[intBelow(random, alphabet.length)];
    if (!taken.has(id)) return id;
  }
}

export const DEFAULT_ZONE_RADIUS = ZONE_SIZES.medium;

export interface CreateZoneInput {
  name?: string;
  x?: number;
  z?: number;
  radius?: number;
  capacity?: number;
  color?: ZoneColor;
}

/**
 * A new zone: where asked, or on free floor near the plenary; the next letter, and the first colour
 * not yet taken.
 */
export function createZone(ctx: LayoutContext, input: CreateZoneInput): LayoutError | { zone: LayoutZone } {
  const { zones } = ctx;
  if (zones.length >= ZONE_LIMITS.maxZones) return { error: "too_many_zones" };
  const radius = roundCm(input.radius ?? DEFAULT_ZONE_RADIUS);
  let spot: { x: number; z: number } | null;
  if (input.x !== undefined && input.z !== undefined) spot = { x: roundCm(input.x), z: roundCm(input.z) };
  else if (input.x !== undefined || input.z !== undefined) return { error: "invalid_payload", detail: "x and z" };
  else spot = findFreeSpot(zones, radius);
  if (!spot) return { error: "too_many_zones" };
  const id = newZoneId(ctx.random, new Set(zones.map((zone) => zone.id)));
  const problem = geometryError({ id, ...spot, radius }, zones);
  if (problem) return problem;
  const usedColors = new Set(zones.map((zone) => zone.color));
  return {
    zone: {
      id,
      name: input.name ?? "",
      letter: nextZoneLetter(zones.map((zone) => zone.letter)),
      ...spot,
      radius,
      color:
        input.color ?? ZONE_COLORS.find((c) => !usedColors.has(c)) ?? ZONE_COLORS[zones.length % ZONE_COLORS.length]!,
      capacity: input.capacity ?? 0,
      locked: false,
    },
  };
}

export interface UpdateZoneInput {
  id: string;
  name?: string;
  x?: number;
  z?: number;
  radius?: number;
  capacity?: number;
  color?: ZoneColor;
  locked?: boolean;
}

/** A zone changed: refused when its new place or size does not fit; `moved` says whether its shape changed. */
export function updateZone(
  ctx: LayoutContext,
  input: UpdateZoneInput,
): LayoutError | { zone: LayoutZone; moved: boolean } {
  const zone = ctx.zones.find((z) => z.id === input.id);
  if (!zone) return { error: "not_found" };
  const next: LayoutZone = {
    ...zone,
    x: input.x !== undefined ? roundCm(input.x) : zone.x,
    z: input.z !== undefined ? roundCm(input.z) : zone.z,
    radius: input.radius !== undefined ? roundCm(input.radius) : zone.radius,
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.color !== undefined ? { color: input.color } : {}),
    ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
    ...(input.locked !== undefined ? { locked: input.locked } : {}),
  };
  const moved = next.x !== zone.x || next.z !== zone.z || next.radius !== zone.radius;
  if (moved) {
    const problem = geometryError(next, ctx.zones);
    if (problem) return problem;
  }
  return { zone: next, moved };
}

/** A zone removed (its members find themselves in the plenary). */
export function removeZone(ctx: LayoutContext, input: { id: string }): LayoutError | { removed: LayoutZone } {
  const zone = ctx.zones.find((z) => z.id === input.id);
  return zone ? { removed: zone } : { error: "not_found" };
}
