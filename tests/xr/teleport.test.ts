import { describe, expect, it } from "vitest";
import { TELEPORT, checkTeleport, freshBudget } from "../../shared/movement/rules";
import { LAB } from "../../shared/space/layout";

const start = { x: 0, z: 1 };

describe("teleport validation", () => {
  it("accepts a hop onto open floor and remembers when it happened", () => {
    const verdict = checkTeleport(start, { x: 3, z: 4 }, freshBudget(0), 1000);
    expect(verdict.ok).toBe(true);
    expect(verdict.budget.lastTeleportAt).toBe(1000);
  });

  it("accepts a hop up onto the stage, which is walkable floor", () => {
    expect(checkTeleport({ x: 0, z: -8 }, { x: 0, z: -13 }, freshBudget(0), 1000).ok).toBe(true);
  });

  it("refuses a target outside the walls, inside a pillar or hugging a wall", () => {
    const budget = freshBudget(0);
    expect(checkTeleport({ x: 14, z: 0 }, { x: 18, z: 0 }, budget, 1000)).toMatchObject({
      ok: false,
      reason: "not_walkable",
    });
    expect(checkTeleport({ x: 12, z: 0 }, { x: 15.5, z: 0 }, budget, 1000)).toMatchObject({ reason: "not_walkable" });
    const edge = LAB.walls.maxZ - LAB.bodyRadius / 2;
    expect(checkTeleport({ x: 0, z: 10 }, { x: 0, z: edge }, budget, 1000)).toMatchObject({ reason: "not_walkable" });
    expect(checkTeleport(start, { x: Number.NaN, z: 0 }, budget, 1000).ok).toBe(false);
  });

  it("refuses a hop longer than the arc reaches", () => {
    const verdict = checkTeleport(
      { x: -12, z: 1 },
      { x: -12 + TELEPORT.maxDistance + 0.5, z: 1 },
      freshBudget(0),
      1000,
    );
    expect(verdict).toMatchObject({ ok: false, reason: "too_far" });
    expect(
      checkTeleport({ x: -12, z: 1 }, { x: -12 + TELEPORT.maxDistance - 0.5, z: 1 }, freshBudget(0), 1000).ok,
    ).toBe(true);
  });

  it("refuses rapid-fire hops until the cooldown has passed", () => {
    const first = checkTeleport(start, { x: 2, z: 1 }, freshBudget(0), 1000);
    const second = checkTeleport({ x: 2, z: 1 }, { x: 4, z: 1 }, first.budget, 1000 + TELEPORT.cooldownMs - 1);
    expect(second).toMatchObject({ ok: false, reason: "too_soon" });
    const third = checkTeleport({ x: 2, z: 1 }, { x: 4, z: 1 }, second.budget, 1000 + TELEPORT.cooldownMs);
    expect(third.ok).toBe(true);
  });
});
