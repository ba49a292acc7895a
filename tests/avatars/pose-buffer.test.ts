import { describe, expect, it } from "vitest";
import { FAR_EXTRA_DELAY_MS, PoseBuffer, RENDER_DELAY_MS } from "../../client/avatars/pose-buffer";
import { INTEREST } from "../../shared/movement/interest";

const FRAME_MS = 1000 / 60;
const SPEED = 2 / 1000; // metres per ms: a brisk 2 m/s walk along x

/** Feeds a walk along x at `everyMs`, draws it every frame, and returns how far it moved each frame. */
function drawWalk(buffer: PoseBuffer, options: { everyMs: number; coarse: (t: number) => boolean; untilMs: number }) {
  const steps: { at: number; step: number }[] = [];
  let nextSample = 0;
  let previous: number | undefined;
  const out = { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 };
  for (let now = 0; now <= options.untilMs; now += FRAME_MS) {
    while (nextSample <= now) {
      buffer.push({ x: nextSample * SPEED, y: 1.6, z: 0, yaw: 0, pitch: 0, t: nextSample }, options.coarse(nextSample));
      nextSample += options.everyMs;
    }
    buffer.sample(now - RENDER_DELAY_MS, out);
    if (previous !== undefined) steps.push({ at: now, step: out.x - previous });
    previous = out.x;
  }
  return steps;
}

describe("PoseBuffer", () => {
  it("draws someone near (20 Hz) at an even pace, never ahead of what was received", () => {
    const steps = drawWalk(new PoseBuffer(), { everyMs: 50, coarse: () => false, untilMs: 3000 }).filter(
      (s) => s.at > 500,
    );
    for (const { step } of steps) expect(step).toBeCloseTo(SPEED * FRAME_MS, 6);
  });

  it("draws someone far away (the 2 Hz coarse pose) gliding, not walking, standing and hopping", () => {
    const steps = drawWalk(new PoseBuffer(), {
      everyMs: INTEREST.farPoseMs,
      coarse: () => true,
      untilMs: 5000,
    }).filter((s) => s.at > 1500);
    const smallest = Math.min(...steps.map((s) => s.step));
    const largest = Math.max(...steps.map((s) => s.step));
    // Without the far delay the avatar stands still for most of each half second, then jumps.
    expect(smallest).toBeGreaterThan(SPEED * FRAME_MS * 0.99);
    expect(largest).toBeLessThan(SPEED * FRAME_MS * 1.01);
  });

  it("eases between far and near: no frame jumps more than half as far again as walking would", () => {
    // Far for two seconds, then near (20 Hz): the extra delay drains at half speed.
    const steps = drawWalk(new PoseBuffer(), {
      everyMs: 50,
      coarse: (t) => t < 2000,
      untilMs: 5000,
    }).filter((s) => s.at > 1000);
    for (const { step } of steps) {
      expect(step).toBeGreaterThan(0);
      expect(step).toBeLessThanOrEqual(SPEED * FRAME_MS * 1.5 + 1e-9);
    }
    // And back: near, then far.
    const back = drawWalk(new PoseBuffer(), { everyMs: 50, coarse: (t) => t >= 2000, untilMs: 5000 }).filter(
      (s) => s.at > 1000,
    );
    for (const { step } of back) expect(step).toBeGreaterThanOrEqual(SPEED * FRAME_MS * 0.5 - 1e-9);
    expect(FAR_EXTRA_DELAY_MS).toBe(INTEREST.farPoseMs);
  });
});
