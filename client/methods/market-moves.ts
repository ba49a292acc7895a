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
