import { describe, expect, it } from "vitest";
import { MAX_PEOPLE } from "../../shared/protocol/constants";
import { floorHeightAt, isPathWalkable, isWalkable, LAB, SPAWN_PLACES, spawnPoint } from "../../shared/space/layout";

describe("isWalkable", () => {
  it("is true in the middle of the lab, in the plenary and on the stage", () => {
    expect(isWalkable(0, 0)).toBe(true);
    expect(isWalkable(LAB.plenary.x, LAB.plenary.z)).toBe(true);
    expect(isWalkable(0, -14)).toBe(true);
  });

  it("keeps a body's radius away from each of the four walls", () => {
    const inner = LAB.walls.maxX - LAB.bodyRadius;
    expect(isWalkable(inner - 0.01, 5)).toBe(true);
    expect(isWalkable(inner + 0.01, 5)).toBe(false);
    expect(isWalkable(-inner + 0.01, 5)).toBe(true);
    expect(isWalkable(-inner - 0.01, 5)).toBe(false);
    expect(isWalkable(5, inner - 0.01)).toBe(true);
    expect(isWalkable(5, inner + 0.01)).toBe(false);
    expect(isWalkable(5, -inner - 0.01)).toBe(false);
    expect(isWalkable(40, 0)).toBe(false);
  });

  it("keeps a body's radius away from the pillars", () => {
    // East pillar: x 15.2..16, z -0.6..0.6.
    expect(isWalkable(15.5, 0)).toBe(false);
    expect(isWalkable(15.2 - LAB.bodyRadius + 0.05, 0)).toBe(false);
    expect(isWalkable(15.2 - LAB.bodyRadius - 0.05, 0)).toBe(true);
    expect(isWalkable(15.5, 0.6 + LAB.bodyRadius + 0.05)).toBe(true);
    // West pillar mirrors it.
    expect(isWalkable(-15.5, 0)).toBe(false);
    expect(isWalkable(-15.5, -0.6 - LAB.bodyRadius - 0.05)).toBe(true);
  });

  it("refuses coordinates that are not numbers", () => {
    expect(isWalkable(Number.NaN, 0)).toBe(false);
    expect(isWalkable(0, Number.POSITIVE_INFINITY)).toBe(false);
  });
});

describe("isPathWalkable", () => {
  it("refuses a straight walk through a pillar whose two ends are walkable", () => {
    expect(isWalkable(15.5, -2)).toBe(true);
    expect(isWalkable(15.5, 2)).toBe(true);
    expect(isPathWalkable(15.5, -2, 15.5, 2)).toBe(false);
  });

  it("allows the same walk beside the pillar, and a zero-length step", () => {
    expect(isPathWalkable(14.5, -2, 14.5, 2)).toBe(true);
    expect(isPathWalkable(3, 3, 3, 3)).toBe(true);
  });

  it("refuses a path that ends in a wall", () => {
    expect(isPathWalkable(0, 0, 0, 16)).toBe(false);
  });
});

describe("floorHeightAt", () => {
  it("is raised on the stage only", () => {
    expect(floorHeightAt(0, -14)).toBe(LAB.stage.height);
    expect(floorHeightAt(0, 0)).toBe(0);
    expect(floorHeightAt(7, -14)).toBe(0);
  });
});

describe("spawnPoint", () => {
  const places = Array.from({ length: SPAWN_PLACES }, (_, i) => spawnPoint(i));

  it("has a place of its own for everyone in a full session of 500", () => {
    expect(SPAWN_PLACES).toBe(MAX_PEOPLE);
    expect(new Set(places.map((p) => `${p.x.toFixed(2)},${p.z.toFixed(2)}`)).size).toBe(MAX_PEOPLE);
  });

  it("keeps the middle of the plenary clear for whoever leads it, however many arrive", () => {
    for (const p of places) {
      expect(Math.hypot(p.x - LAB.plenary.x, p.z - LAB.plenary.z)).toBeGreaterThan(LAB.plenary.radius - 1.5);
    }
  });

  it("puts nobody on the stage", () => {
    for (const p of places) expect(floorHeightAt(p.x, p.z), `${p.x}, ${p.z}`).toBe(0);
  });

  it("puts every newcomer on walkable floor, outside the breakout areas", () => {
    places.forEach((p, i) => {
      expect(isWalkable(p.x, p.z), `spawn ${i} at ${p.x}, ${p.z}`).toBe(true);
      for (const area of LAB.breakoutAreas) {
        expect(Math.hypot(p.x - area.x, p.z - area.z), `spawn ${i} in area ${area.id}`).toBeGreaterThan(area.radius);
      }
    });
  });

  it("faces the centre of the plenary circle", () => {
    places.forEach((p, i) => {
      // yaw 0 looks towards -z and turns about +y (three.js), so the view direction is (-sin, -cos).
      const look = { x: -Math.sin(p.yaw), z: -Math.cos(p.yaw) };
      const toCentre = { x: LAB.plenary.x - p.x, z: LAB.plenary.z - p.z };
      const cos = (look.x * toCentre.x + look.z * toCentre.z) / Math.hypot(toCentre.x, toCentre.z);
      expect(cos, `spawn ${i}`).toBeGreaterThan(0.9999);
    });
  });

  it("starts near the edge of the plenary circle", () => {
    const first = places[0]!;
    const distance = Math.hypot(first.x - LAB.plenary.x, first.z - LAB.plenary.z);
    expect(distance).toBeGreaterThan(LAB.plenary.radius - 1.5);
    expect(distance).toBeLessThan(LAB.plenary.radius + 0.5);
  });

  it.each([60, SPAWN_PLACES])("keeps each of the first %i arrivals at least 0.8 m from every other", (count) => {
    let closest = { distance: Infinity, a: -1, b: -1 };
    for (let b = 1; b < count; b++) {
      for (let a = 0; a < b; a++) {
        const distance = Math.hypot(places[a]!.x - places[b]!.x, places[a]!.z - places[b]!.z);
        if (distance < closest.distance) closest = { distance, a, b };
      }
    }
    expect(closest.distance, `spawns ${closest.a} and ${closest.b}`).toBeGreaterThanOrEqual(0.8);
  });

  it("repeats its places after SPAWN_PLACES arrivals instead of walking off the floor", () => {
    expect(spawnPoint(SPAWN_PLACES + 7)).toEqual(spawnPoint(7));
    expect(isWalkable(spawnPoint(10_000).x, spawnPoint(10_000).z)).toBe(true);
  });
});
