/** Where a name tag may be drawn; pure, so the rules are tested without a renderer. */

export interface Point3 {
  x: number;
  y: number;
  z: number;
}

/** The presentation screen: a rectangle facing +z (towards the room), as in shared/space/layout.ts. */
export interface ScreenRect {
  x: number;
  z: number;
  width: number;
  height: number;
  bottom: number;
}

/** Half the size of a typical one-line tag, m: a name of a dozen letters at 0.12 m. */
export const TAG_HALF_WIDTH_M = 0.45;
export const TAG_HALF_HEIGHT_M = 0.1;

/**
 * True when a tag centred at `tag` would cover part of the screen as seen from `viewer`: the tag lies
 * between the viewer and the screen, and the box it fills, carried along the lines of sight onto the
 * screen's plane, overlaps the screen. The tag's box grows with that projection, so a tag close to the
 * viewer (which hides most) is caught earliest.
 */
export function tagCoversScreen(
  viewer: Point3,
  tag: Point3,
  screen: ScreenRect,
  half = { width: TAG_HALF_WIDTH_M, height: TAG_HALF_HEIGHT_M },
): boolean {
  // Behind the screen, or the viewer behind it: the screen is not seen through the tag.
  if (viewer.z <= screen.z || tag.z <= screen.z || tag.z >= viewer.z) return false;
  const scale = (viewer.z - screen.z) / (viewer.z - tag.z);
  const x = viewer.x + (tag.x - viewer.x) * scale;
  const y = viewer.y + (tag.y - viewer.y) * scale;
  const centreY = screen.bottom + screen.height / 2;
  return (
    Math.abs(x - screen.x) < screen.width / 2 + half.width * scale &&
    Math.abs(y - centreY) < screen.height / 2 + half.height * scale
  );
}

/** Whether a tag is drawn at all: near enough to read and not in front of the screen. */
export function tagShown(viewer: Point3, tag: Point3, rangeM: number, screen: ScreenRect): boolean {
  const dx = tag.x - viewer.x;
  const dy = tag.y - viewer.y;
  const dz = tag.z - viewer.z;
  if (dx * dx + dy * dy + dz * dz >= rangeM * rangeM) return false;
  return !tagCoversScreen(viewer, tag, screen);
}

/** A tag that passed `tagShown`, competing for one of the few tags drawn at a time. */
export interface TagCandidate {
  id: string;
  /** Squared distance from the viewer, m². */
  distanceSq: number;
  /** Speaking, with a hand up, or a facilitator: the people one looks for in a crowd. */
  wanted: boolean;
  /** Drawn in the last frame: it keeps its place against a newcomer only a little nearer. */
  drawn: boolean;
}

/** A drawn tag ranks as if this much nearer (squared: ~10% of the distance), so tags do not flicker. */
const KEEP_DRAWN = 0.8;

/**
 * Which tags are drawn when more than `max` are near enough to read: the people speaking, with a
 * hand up or facilitating first, then the nearest. A tag already drawn keeps its place against one
 * only a little nearer: every change repacks the batch, and blinking tags catch the eye. In a crowd
 * the far tags overlap into an unreadable wall, and each one drawn costs a software renderer its
 * glyphs' vertex and pixel work. Ties keep the candidates' order.
 */
export function pickTags(candidates: readonly TagCandidate[], max: number): Set<string> {
  if (candidates.length <= max) return new Set(candidates.map((c) => c.id));
  const rank = (c: TagCandidate) => (c.drawn ? c.distanceSq * KEEP_DRAWN : c.distanceSq);
  const ranked = [...candidates].sort((a, b) => Number(b.wanted) - Number(a.wanted) || rank(a) - rank(b));
  return new Set(ranked.slice(0, Math.max(0, max)).map((c) => c.id));
}
