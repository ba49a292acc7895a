import { LAB } from "../../shared/space/layout";

/** The lab's default zones, as circles (a new session starts with them). */
export function zoneWorld() {
  return LAB.breakoutAreas.map(({ x, z, radius }) => ({ x, z, radius }));
}
