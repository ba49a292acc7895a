import type { MarketView } from "../../shared/methods/marketplace";
import { TELEPORT } from "../../shared/movement/rules";
import { isPathWalkable, isWalkable } from "../../shared/space/layout";

type TopicView = MarketView["topics"][number];

/**
 * What the viewer may do with a topic of the marketplace, the one answer the HTML card, the 3D wall
 * and the zones' signs all show (the server checks each move again: shared/methods/marketplace.ts).
 */
export interface TopicMoves {
  /** Move it to another cell or withdraw it: its convener or a facilitator, while its slot is not over. */
  own: boolean;
  /** Take over its notes: standing in its zone (or convening it), unless already taking them. */
  takeNotes: boolean;
  /** Walk (or hop, in VR) to its zone: while it is not over and the viewer is not there already. */
  goThere: boolean;
}

export function topicMoves(
  market: Pick<MarketView, "closed" | "slot">,
  topic: TopicView,
  viewer: { facilitator: boolean; zone: string },
): TopicMoves {
  const over = market.closed || topic.slot < market.slot;
  const here = viewer.zone === topic.zone;
  return {
    own: !over && (topic.mine || viewer.facilitator),
    takeNotes: !market.closed && !topic.taking && (here || topic.mine),
    goThere: !over && !here,
  };
}

/** How far in from a zone's sign (at its north edge, client/zones/ZonesLayer.tsx) "Go there" puts a person. */
const BEFORE_SIGN_M = 1.5;

/** Where a zone's sign stands: what "Go there" turns a person to face. */
export function zoneSignAt(zone: { x: number; z: number; radius: number }): { x: number; z: number } {
  return { x: zone.x, z: zone.z - zone.radius };
}

/**
 * Where "Go there" takes a person standing at `from` who wants to join `zone`: inside it, in front of
 * its sign and board, where its session gathers. In VR ("hop") that is one teleport, which the server
 * refuses beyond its reach: a zone farther away gets a hop as far as one goes towards it (from the
 * plenary that still lands inside a default zone). On a flat screen ("walk") the person walks there,
 * so the whole way must be open. Null where neither is possible.
 */
export function spotToJoin(
  zone: { x: number; z: number; radius: number },
  from: { x: number; z: number },
  how: "hop" | "walk",
): { x: number; z: number } | null {
  const sign = zoneSignAt(zone);
  let spot = { x: sign.x, z: sign.z + Math.min(BEFORE_SIGN_M, zone.radius) };
  if (how === "hop") {
    const hop = Math.hypot(spot.x - from.x, spot.z - from.z);
    // A hair short of the reach: positions are rounded to centimetres on the wire.
    const limit = TELEPORT.maxDistance - 0.05;
    if (hop > limit) {
      const k = limit / hop;
      spot = { x: from.x + (spot.x - from.x) * k, z: from.z + (spot.z - from.z) * k };
    }
    return isWalkable(spot.x, spot.z) ? spot : null;
  }
  return isPathWalkable(from.x, from.z, spot.x, spot.z) ? spot : null;
}

type Grid = Pick<MarketView, "closed" | "slot" | "slots" | "zones" | "topics">;

/** A cell of the grid: a time slot (0-based) and a zone's id. */
export interface MarketCell {
  slot: number;
  zone: string;
}

/**
 * Whether the viewer can put a topic into a cell (post a new one, or move `moving` there): the
 * marketplace is open, the cell is on the grid, free, and its slot not over, and (posting) the viewer
 * convenes nothing else in that slot. The same checks as the server's (shared/methods/marketplace.ts);
 * it still decides, e.g. for a facilitator moving someone else's topic into a slot they are busy in.
 */
export function cellOpenTo(
  market: Grid,
  cell: MarketCell,
  viewer: { member: boolean },
  moving: TopicView | null = null,
): boolean {
  if (!viewer.member || market.closed) return false;
  if (!Number.isInteger(cell.slot) || cell.slot < Math.max(0, market.slot) || cell.slot >= market.slots) return false;
  if (!market.zones.some((z) => z.id === cell.zone)) return false;
  if (market.topics.some((t) => t.slot === cell.slot && t.zone === cell.zone)) return false;
  const convenes = (t: TopicView) => (moving ? moving.mine && t.mine : t.mine);
  return !market.topics.some((t) => t.slot === cell.slot && t.id !== moving?.id && convenes(t));
}

/** Every cell `cellOpenTo` allows, slot by slot, in the grid's column order. */
export function openCells(market: Grid, viewer: { member: boolean }, moving: TopicView | null = null): MarketCell[] {
  const out: MarketCell[] = [];
  for (let slot = 0; slot < market.slots; slot++) {
    for (const zone of market.zones) {
      if (cellOpenTo(market, { slot, zone: zone.id }, viewer, moving)) out.push({ slot, zone: zone.id });
    }
  }
  return out;
}

/** A topic's title as the server keeps it (single spaces, trimmed), or null if it would refuse it. */
export function cleanTopicTitle(text: string, max: number): string | null {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length === 0 || clean.length > max ? null : clean;
}

/**
 * What a topic keyboard opens with: the title last sent from it, unless that one made it onto the grid
 * (a refused post, e.g. the cell taken meanwhile, is not typed again).
 */
export function carriedDraft(market: Pick<MarketView, "topics">, draft: string): string {
  const clean = draft.replace(/\s+/g, " ").trim();
  return market.topics.some((t) => t.mine && t.title === clean) ? "" : draft;
}
