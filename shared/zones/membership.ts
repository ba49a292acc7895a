/**
 * Which zone a person stands in, decided on the server from the authoritative position.
 * A small hysteresis band keeps someone standing on the edge from flickering in and out:
 * entering needs the centre to be inside the circle, leaving needs it to be clearly outside.
 */

/** A zone's place and size on the floor (metres): all that membership, gathering and boards follow. */
export interface ZoneShape {
  id: string;
  x: number;
  z: number;
  radius: number;
}

/** Metres beyond the edge a member may stray before counting as gone. */
export const ZONE_EXIT_MARGIN = 0.4;

/** The zone containing (x, z), preferring the current one while within its exit margin; "" is the plenary. */
export function zoneAt(zones: readonly ZoneShape[], x: number, z: number, current = ""): string {
  const stay = zones.find((zone) => zone.id === current);
  if (stay && Math.hypot(x - stay.x, z - stay.z) <= stay.radius + ZONE_EXIT_MARGIN) return current;
  let best = "";
  let bestDistance = Infinity;
  for (const zone of zones) {
    const distance = Math.hypot(x - zone.x, z - zone.z);
    if (distance <= zone.radius && distance < bestDistance) {
      best = zone.id;
      bestDistance = distance;
    }
  }
  return best;
}
