import { describe, expect, it } from "vitest";
import { floorHeightAt, isPathWalkable, isWalkable, LAB, spawnPoint } from "../../shared/space/layout";

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
  const first = Array.from({ length: 60 }, (_, i) => spawnPoint(i));

  it("puts every newcomer on walkable floor", () => {
    first.forEach((p, i) => expect(isWalkable(p.x, p.z), `spawn ${i} at ${p.x}, ${p.z}`).toBe(true));
  });

  it("faces the centre of the plenary circle", () => {
    first.forEach((p, i) => {
      // yaw 0 looks towards -z and turns about +y (three.js), so the view direction is (-sin, -cos).
      const look = { x: -Math.sin(p.yaw), z: -Math.cos(p.yaw) };
      const toCentre = { x: LAB.plenary.x - p.x, z: LAB.plenary.z - p.z };
      const cos = (look.x * toCentre.x + look.z * toCentre.z) / Math.hypot(toCentre.x, toCentre.z);
      expect(cos, `spawn ${i}`).toBeGreaterThan(0.9999);
    });
  });

  it("places consecutive arrivals well apart", () => {
    for (let i = 1; i < first.length; i++) {
      const a = first[i - 1]!;
      const b = first[i]!;
      expect(Math.hypot(a.x - b.x, a.z - b.z), `spawns ${i - 1} and ${i}`).toBeGreaterThanOrEqual(0.8);
    }
  });
});
