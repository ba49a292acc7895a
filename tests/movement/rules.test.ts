import { describe, expect, it } from "vitest";
import { checkTeleport, checkWalk, freshBudget, TELEPORT, WALK } from "../../shared/movement/rules";
import { between, mulberry32 } from "../../shared/random";

const T0 = 1_000_000;
const centre = { x: 0, z: 1 };

describe("checkWalk", () => {
  it("starts with a full burst and spends exactly the distance walked", () => {
    const verdict = checkWalk(centre, { x: 1, z: 1 }, freshBudget(T0), T0);
    expect(verdict.ok).toBe(true);
    expect(verdict.budget.metres).toBeCloseTo(WALK.burst - 1, 9);
  });

  it("refills at walking speed while standing still, but never above the burst", () => {
    let budget = checkWalk(centre, { x: 1.2, z: 1 }, freshBudget(T0), T0).budget;
    expect(budget.metres).toBeCloseTo(WALK.burst - 1.2, 9);
    // Standing still for 100 ms refills 0.45 m.
    budget = checkWalk({ x: 1.2, z: 1 }, { x: 1.2, z: 1 }, budget, T0 + 100).budget;
    expect(budget.metres).toBeCloseTo(WALK.burst - 1.2 + 0.1 * WALK.maxSpeed, 9);
    // Ten seconds of standing banks only the burst, not 45 m.
    budget = checkWalk({ x: 1.2, z: 1 }, { x: 1.2, z: 1 }, budget, T0 + 10_100).budget;
    expect(budget.metres).toBe(WALK.burst);
    expect(budget.at).toBe(T0 + 10_100);
  });

  it("tolerates messages that arrive late and bunched while the walk stays under the speed limit", () => {
    const seed = 20_240_601;
    const random = mulberry32(seed);
    const speed = 4; // m/s: under WALK.maxSpeed
    let budget = freshBudget(T0);
    let at = { x: -12, z: 1 };
    let received = T0;
    let bunched = 0;
    for (let i = 1; i * 50 <= 6000; i++) {
      const sent = T0 + i * 50;
      // Up to 250 ms of network delay; TCP keeps order, so a late message holds back the ones behind it.
      const arrival = Math.max(received, sent + between(random, 0, 250));
      if (arrival === received) bunched++;
      received = arrival;
      const to = { x: -12 + (speed * i * 50) / 1000, z: 1 };
      const verdict = checkWalk(at, to, budget, received);
      expect(verdict.ok, `seed ${seed}, step ${i} at ${received - T0} ms`).toBe(true);
      budget = verdict.budget;
      at = to;
    }
    expect(at.x).toBeCloseTo(12, 9);
    // The loop must actually have exercised bunching for this test to mean anything.
    expect(bunched, `seed ${seed}`).toBeGreaterThan(10);
  });

  it("refuses a 5 m jump in one step as too fast and charges nothing for it", () => {
    const start = freshBudget(T0);
    const verdict = checkWalk(centre, { x: 5, z: 1 }, start, T0 + 50);
    expect(verdict).toMatchObject({ ok: false, reason: "too_fast" });
    expect(verdict.budget.metres).toBe(WALK.burst);
    // The next honest step is judged on the unspent budget.
    const next = checkWalk(centre, { x: 1, z: 1 }, verdict.budget, T0 + 50);
    expect(next.ok).toBe(true);
    expect(next.budget.metres).toBeCloseTo(WALK.burst - 1, 9);
  });

  it("refuses a step that would only just exceed what is left", () => {
    const stop = { x: centre.x + WALK.burst - 0.1, z: centre.z };
    const spent = checkWalk(centre, stop, freshBudget(T0), T0).budget;
    // 0.1 m left; 20 ms later 0.19 m; a 0.3 m step is too much.
    const verdict = checkWalk(stop, { x: stop.x + 0.3, z: stop.z }, spent, T0 + 20);
    expect(verdict).toMatchObject({ ok: false, reason: "too_fast" });
    expect(verdict.budget.metres).toBeCloseTo(0.1 + 0.02 * WALK.maxSpeed, 9);
  });

  it("refuses walking into the outer wall as not walkable, keeping the refilled budget", () => {
    const spent = checkWalk({ x: 14, z: 5 }, { x: 15, z: 5 }, freshBudget(T0), T0).budget;
    const verdict = checkWalk({ x: 15, z: 5 }, { x: 15.9, z: 5 }, spent, T0 + 100);
    expect(verdict).toMatchObject({ ok: false, reason: "not_walkable" });
    expect(verdict.budget.metres).toBeCloseTo(WALK.burst - 1 + 0.1 * WALK.maxSpeed, 9);
    expect(verdict.budget.at).toBe(T0 + 100);
  });

  it("refuses cutting through a pillar even when both ends are on open floor", () => {
    // The east pillar fills x 15.2..16, z -0.6..0.6; both ends lie outside it and its body margin.
    const from = { x: 14.8, z: -0.5 };
    const to = { x: 15.5, z: -1.0 };
    const verdict = checkWalk(from, to, freshBudget(T0), T0);
    expect(verdict).toMatchObject({ ok: false, reason: "not_walkable" });
    expect(verdict.budget.metres).toBe(WALK.burst);
    // Going round the pillar's corner instead is fine.
    expect(checkWalk(from, { x: 14.8, z: -1.0 }, freshBudget(T0), T0).ok).toBe(true);
  });
});

describe("checkTeleport", () => {
  const from = { x: 0, z: 1 };

  it("allows a short hop onto the floor and records when it happened", () => {
    const verdict = checkTeleport(from, { x: 6, z: 6 }, freshBudget(T0), T0);
    expect(verdict.ok).toBe(true);
    expect(verdict.budget.lastTeleportAt).toBe(T0);
    // A hop does not spend the walking budget.
    expect(verdict.budget.metres).toBe(WALK.burst);
  });

  it("refuses a hop longer than the teleport arc reaches", () => {
    const verdict = checkTeleport(from, { x: TELEPORT.maxDistance + 0.5, z: 1 }, freshBudget(T0), T0);
    expect(verdict).toMatchObject({ ok: false, reason: "too_far" });
    expect(verdict.budget.lastTeleportAt).toBe(-Infinity);
  });

  it("refuses a hop into a wall or a pillar", () => {
    expect(checkTeleport({ x: 10, z: 5 }, { x: 15.9, z: 5 }, freshBudget(T0), T0)).toMatchObject({
      ok: false,
      reason: "not_walkable",
    });
    expect(checkTeleport({ x: 10, z: 0 }, { x: 15.5, z: 0 }, freshBudget(T0), T0)).toMatchObject({
      ok: false,
      reason: "not_walkable",
    });
  });

  it("refuses a second hop within the cooldown and allows it once the cooldown has passed", () => {
    const first = checkTeleport(from, { x: 3, z: 1 }, freshBudget(T0), T0);
    expect(first.ok).toBe(true);
    const tooSoon = checkTeleport({ x: 3, z: 1 }, { x: 6, z: 1 }, first.budget, T0 + TELEPORT.cooldownMs - 1);
    expect(tooSoon).toMatchObject({ ok: false, reason: "too_soon" });
    // A refused hop does not restart the cooldown.
    expect(tooSoon.budget.lastTeleportAt).toBe(T0);
    const inTime = checkTeleport({ x: 3, z: 1 }, { x: 6, z: 1 }, tooSoon.budget, T0 + TELEPORT.cooldownMs);
    expect(inTime.ok).toBe(true);
    expect(inTime.budget.lastTeleportAt).toBe(T0 + TELEPORT.cooldownMs);
  });
});
