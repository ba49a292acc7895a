import { describe, expect, it } from "vitest";
import { ARC_POINTS, teleportArc } from "../../client/xr/teleport-arc";
import { TELEPORT } from "../../shared/movement/rules";

const points = new Float32Array(ARC_POINTS * 3);
const aimed = (degrees: number, towards: { x: number; z: number }) => {
  const r = (degrees * Math.PI) / 180;
  return { x: towards.x * Math.cos(r), y: Math.sin(r), z: towards.z * Math.cos(r) };
};

describe("the teleport arc", () => {
  it("lands on the floor ahead, within reach, when aimed slightly down", () => {
    const result = teleportArc({ x: 0, y: 1.3, z: 0 }, aimed(-20, { x: 0, z: -1 }), { x: 0, z: 0 }, points);
    expect(result.valid).toBe(true);
    expect(result.hit!.y).toBe(0);
    expect(result.hit!.z).toBeLessThan(-2);
    expect(Math.abs(result.hit!.x)).toBeLessThan(1e-6);
    // The drawn arc ends exactly where it landed.
    expect(points[(result.count - 1) * 3 + 2]).toBeCloseTo(result.hit!.z, 5);
  });

  it("never reaches further than the server allows, however high it is aimed", () => {
    for (const degrees of [10, 30, 45, 60, 80]) {
      const result = teleportArc({ x: -14, y: 1.5, z: 1 }, aimed(degrees, { x: 1, z: 0 }), { x: -14, z: 1 }, points);
      expect(result.hit).not.toBeNull();
      expect(Math.hypot(result.hit!.x + 14, result.hit!.z - 1)).toBeLessThanOrEqual(TELEPORT.maxDistance);
    }
  });

  it("lands on top of the stage, which is raised", () => {
    const result = teleportArc({ x: 0, y: 1.3, z: -9 }, aimed(0, { x: 0, z: -1 }), { x: 0, z: -9 }, points);
    expect(result.hit!.z).toBeLessThan(-12);
    expect(result.hit!.y).toBeCloseTo(0.2, 5);
    expect(result.valid).toBe(true);
  });

  it("has no target when it leaves the room, or lands beside a wall", () => {
    const out = teleportArc({ x: 12, y: 1.3, z: 5 }, aimed(30, { x: 1, z: 0 }), { x: 12, z: 5 }, points);
    expect(out).toMatchObject({ hit: null, valid: false });
    const pillar = teleportArc({ x: 13, y: 1.3, z: 0 }, aimed(-25, { x: 1, z: 0 }), { x: 13, z: 0 }, points);
    expect(pillar.hit).not.toBeNull();
    expect(pillar.valid).toBe(false);
  });
});
