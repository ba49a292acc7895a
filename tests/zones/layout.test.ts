import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../shared/random";
import { LAB } from "../../shared/space/layout";
import { ZONE_COLORS, zoneGeometryProblem } from "../../shared/zones/geometry";
import {
  ZONE_PLACES,
  ZONE_SIZES,
  createZone,
  removeZone,
  sizeOf,
  spotNear,
  updateZone,
  type LayoutZone,
  type ZonePlace,
} from "../../shared/zones/layout";

const defaults: LayoutZone[] = LAB.breakoutAreas.map(({ id, x, z, radius }, i) => ({
  id,
  x,
  z,
  radius,
  name: "",
  letter: String.fromCharCode(65 + i),
  color: ZONE_COLORS[i]!,
  capacity: 0,
  locked: false,
}));

describe("zone layout rules", () => {
  it("creates a zone on free floor with the next letter and an unused colour, the same for the same seed", () => {
    const made = createZone({ zones: defaults, random: mulberry32(3) }, {});
    if ("error" in made) throw new Error(made.error);
    expect(made.zone).toMatchObject({ letter: "E", color: ZONE_COLORS[4], radius: 3, locked: false });
    expect(zoneGeometryProblem(made.zone, defaults)).toBeNull();
    expect(createZone({ zones: defaults, random: mulberry32(3) }, {})).toEqual(made);
    expect(createZone({ zones: defaults, random: mulberry32(3) }, { x: 0, z: 1 })).toMatchObject({
      error: "zone_overlaps",
      detail: "plenary",
    });
    expect(createZone({ zones: defaults, random: mulberry32(3) }, { x: 3 })).toMatchObject({
      error: "invalid_payload",
    });
  });

  it("changes a zone, refusing a place that does not fit, and says whether it moved", () => {
    const ctx = { zones: defaults, random: mulberry32(1) };
    expect(updateZone(ctx, { id: "nw", name: "Ideas" })).toMatchObject({ zone: { name: "Ideas" }, moved: false });
    expect(updateZone(ctx, { id: "nw", x: -10.4 })).toMatchObject({ zone: { x: -10.4 }, moved: true });
    expect(updateZone(ctx, { id: "nw", x: 10.5 })).toMatchObject({ error: "zone_overlaps" });
    expect(updateZone(ctx, { id: "nope" })).toEqual({ error: "not_found" });
    expect(removeZone(ctx, { id: "ne" })).toMatchObject({ removed: { id: "ne" } });
    expect(removeZone(ctx, { id: "nope" })).toEqual({ error: "not_found" });
  });

  it("places a zone by name at the nearest free spot, in every size, never between the plenary and the stage", () => {
    for (const place of Object.keys(ZONE_PLACES) as ZonePlace[]) {
      for (const radius of Object.values(ZONE_SIZES)) {
        const spot = spotNear(ZONE_PLACES[place], radius, []);
        expect(spot, `${place} ${radius}`).not.toBeNull();
        expect(zoneGeometryProblem({ id: "new", ...spot!, radius }, [])).toBeNull();
        const betweenPlenaryAndStage = Math.abs(spot!.x) < 6 && spot!.z < LAB.plenary.z;
        expect(betweenPlenaryAndStage).toBe(false);
      }
    }
    // Next to the lab's own zones, and ignoring the zone being moved itself.
    const spot = spotNear(ZONE_PLACES.northWest, ZONE_SIZES.large, defaults, "nw");
    expect(zoneGeometryProblem({ id: "nw", ...spot!, radius: ZONE_SIZES.large }, defaults)).toBeNull();
    expect(sizeOf(3.8)).toBe("large");
    expect(sizeOf(2.4)).toBe("small");
  });
});
