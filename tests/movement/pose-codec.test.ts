import { describe, expect, it } from "vitest";
import {
  angleDelta,
  decodePose,
  encodePose,
  PITCH_STEPS,
  POSITION_LIMIT_CM,
  quantisePitch,
  quantisePosition,
  quantiseYaw,
  wrapAngle,
  YAW_STEPS,
} from "../../shared/movement/pose-codec";
import { between, mulberry32 } from "../../shared/random";

const SEED = 0x5eed_0001;
const RUNS = 2000;
const TWO_PI = Math.PI * 2;
/** Largest error rounding may leave: half a step, plus floating-point slack. */
const POSITION_TOLERANCE = 0.005 + 1e-9;
const YAW_TOLERANCE = Math.PI / YAW_STEPS + 1e-9;
const PITCH_TOLERANCE = Math.PI / 2 / PITCH_STEPS / 2 + 1e-9;

describe("positions", () => {
  it("round-trip within half a centimetre anywhere in the int16 range", () => {
    const random = mulberry32(SEED);
    const limit = POSITION_LIMIT_CM / 100;
    for (let i = 0; i < RUNS; i++) {
      const metres = between(random, -limit, limit);
      const decoded = decodePose(encodePose({ x: metres, y: 1.6, z: -metres, yaw: 0, pitch: 0 }));
      expect(Math.abs(decoded.x - metres), `seed ${SEED}, run ${i}: x ${metres}`).toBeLessThanOrEqual(
        POSITION_TOLERANCE,
      );
      expect(Math.abs(decoded.z + metres), `seed ${SEED}, run ${i}: z ${-metres}`).toBeLessThanOrEqual(
        POSITION_TOLERANCE,
      );
    }
  });

  it("are whole centimetres, clamped to what int16 can carry", () => {
    expect(quantisePosition(1.234)).toBe(123);
    expect(quantisePosition(-0.006)).toBe(-1);
    expect(quantisePosition(1000)).toBe(POSITION_LIMIT_CM);
    expect(quantisePosition(-1000)).toBe(-POSITION_LIMIT_CM);
  });
});

describe("yaw", () => {
  it("round-trips within half a step for any angle, negative or many turns round", () => {
    const random = mulberry32(SEED + 1);
    for (let i = 0; i < RUNS; i++) {
      const yaw = between(random, -4 * TWO_PI, 4 * TWO_PI);
      const steps = quantiseYaw(yaw);
      const message = `seed ${SEED + 1}, run ${i}: yaw ${yaw}`;
      expect(Number.isInteger(steps), message).toBe(true);
      expect(steps, message).toBeGreaterThanOrEqual(0);
      expect(steps, message).toBeLessThan(YAW_STEPS);
      const decoded = decodePose([0, 0, 0, steps, 0]).yaw;
      expect(Math.abs(angleDelta(yaw, decoded)), message).toBeLessThanOrEqual(YAW_TOLERANCE);
    }
  });

  it("wraps across the 0/2π seam instead of overflowing the uint16 field", () => {
    expect(quantiseYaw(TWO_PI - 1e-7)).toBe(0);
    expect(quantiseYaw(-1e-7)).toBe(0);
    expect(quantiseYaw(TWO_PI)).toBe(0);
    expect(quantiseYaw(-Math.PI / 2)).toBe((YAW_STEPS * 3) / 4);
    expect(quantiseYaw(Math.PI / 2 + TWO_PI * 3)).toBe(YAW_STEPS / 4);
  });

  it("wrapAngle lands in [0, 2π)", () => {
    expect(wrapAngle(-Math.PI / 2)).toBeCloseTo((3 * Math.PI) / 2, 12);
    expect(wrapAngle(5 * Math.PI)).toBeCloseTo(Math.PI, 12);
    expect(wrapAngle(TWO_PI)).toBe(0);
  });
});

describe("pitch", () => {
  it("round-trips within half a step inside ±π/2", () => {
    const random = mulberry32(SEED + 2);
    for (let i = 0; i < RUNS; i++) {
      const pitch = between(random, -Math.PI / 2, Math.PI / 2);
      const decoded = decodePose([0, 0, 0, 0, quantisePitch(pitch)]).pitch;
      expect(Math.abs(decoded - pitch), `seed ${SEED + 2}, run ${i}: pitch ${pitch}`).toBeLessThanOrEqual(
        PITCH_TOLERANCE,
      );
    }
  });

  it("clamps beyond straight up and straight down", () => {
    expect(quantisePitch(2)).toBe(PITCH_STEPS);
    expect(quantisePitch(-Math.PI)).toBe(-PITCH_STEPS);
    expect(decodePose([0, 0, 0, 0, quantisePitch(10)]).pitch).toBeCloseTo(Math.PI / 2, 12);
    expect(decodePose([0, 0, 0, 0, quantisePitch(-10)]).pitch).toBeCloseTo(-Math.PI / 2, 12);
  });
});

describe("angleDelta", () => {
  it("takes the short way across the seam", () => {
    expect(angleDelta(TWO_PI - 0.1, 0.1)).toBeCloseTo(0.2, 12);
    expect(angleDelta(0.1, TWO_PI - 0.1)).toBeCloseTo(-0.2, 12);
    expect(angleDelta(-0.1, 0.1)).toBeCloseTo(0.2, 12);
    expect(angleDelta(0.5, 0.2)).toBeCloseTo(-0.3, 12);
  });

  it("is never longer than half a turn and leads from one angle to the other", () => {
    const random = mulberry32(SEED + 3);
    for (let i = 0; i < RUNS; i++) {
      const from = between(random, -3 * TWO_PI, 3 * TWO_PI);
      const to = between(random, -3 * TWO_PI, 3 * TWO_PI);
      const d = angleDelta(from, to);
      const message = `seed ${SEED + 3}, run ${i}: ${from} → ${to}`;
      expect(Math.abs(d), message).toBeLessThanOrEqual(Math.PI + 1e-12);
      // Arrive at `to`, modulo whole turns (compare as points on the circle to avoid the seam).
      const arrived = wrapAngle(from + d);
      const target = wrapAngle(to);
      expect(
        Math.hypot(Math.cos(arrived) - Math.cos(target), Math.sin(arrived) - Math.sin(target)),
        message,
      ).toBeLessThan(1e-9);
    }
  });
});

describe("encodePose", () => {
  it("keeps the wire order [x, y, z, yaw, pitch] and decodes back", () => {
    const pose = { x: 1.23, y: 1.6, z: -4.56, yaw: Math.PI, pitch: -Math.PI / 4 };
    const wire = encodePose(pose);
    expect(wire.slice(0, 3)).toEqual([123, 160, -456]);
    expect(wire[3]).toBe(YAW_STEPS / 2);
    expect(Math.abs(wire[4] + PITCH_STEPS / 2)).toBeLessThanOrEqual(0.5);
    const back = decodePose(wire);
    expect(back.x).toBeCloseTo(pose.x, 9);
    expect(back.y).toBeCloseTo(pose.y, 9);
    expect(back.z).toBeCloseTo(pose.z, 9);
    expect(back.yaw).toBeCloseTo(pose.yaw, 9);
    expect(back.pitch).toBeCloseTo(pose.pitch, 4);
  });
});
