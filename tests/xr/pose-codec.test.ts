import { describe, expect, it } from "vitest";
import {
  decodeHand,
  decodePose,
  encodeHand,
  encodeHands,
  encodePose,
  packRotation,
  unpackRotation,
  untrackedHand,
  type HandPose,
} from "../../shared/movement/pose-codec";
import { poseWireSchema } from "../../shared/protocol";
// Seeded so every run checks the same quaternions.
import { mulberry32 as random } from "../../shared/random";

function randomQuaternion(next: () => number): [number, number, number, number] {
  const q = [next() * 2 - 1, next() * 2 - 1, next() * 2 - 1, next() * 2 - 1] as [number, number, number, number];
  const length = Math.hypot(...q);
  return q.map((v) => v / length) as [number, number, number, number];
}

/** Angle between two rotations, radians (q and -q are the same rotation). */
function angleBetween(a: readonly number[], b: readonly number[]): number {
  const dot = Math.abs(a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]! + a[3]! * b[3]!);
  return 2 * Math.acos(Math.min(1, dot));
}

function hand(overrides: Partial<HandPose>): HandPose {
  return { ...untrackedHand(), tracked: true, ...overrides };
}

describe("pose encoding", () => {
  it("keeps a desktop pose exactly as before: five small integers, accepted without hands", () => {
    const wire = encodePose({ x: 1.234, y: 1.6, z: -3.21, yaw: Math.PI / 2, pitch: -0.3 });
    expect(wire).toEqual([123, 160, -321, 16384, -6258]);
    expect(poseWireSchema.safeParse(wire).success).toBe(true);
    const back = decodePose(wire);
    expect(back.x).toBeCloseTo(1.23, 5);
    expect(back.yaw).toBeCloseTo(Math.PI / 2, 4);
  });

  it("packs any rotation into 32 bits within half a degree", () => {
    const next = random(20261127);
    const out = { qx: 0, qy: 0, qz: 0, qw: 1 };
    let worst = 0;
    for (let i = 0; i < 2000; i++) {
      const q = randomQuaternion(next);
      const packed = packRotation(...q);
      expect(Number.isInteger(packed)).toBe(true);
      expect(packed).toBeGreaterThanOrEqual(0);
      expect(packed).toBeLessThan(2 ** 32);
      unpackRotation(packed, out);
      worst = Math.max(worst, angleBetween(q, [out.qx, out.qy, out.qz, out.qw]));
    }
    expect(worst).toBeLessThan((0.5 * Math.PI) / 180);
  });

  it("round-trips a hand to the centimetre, with its flags", () => {
    const s = Math.SQRT1_2;
    const pointing = hand({ dx: 0.25, dy: -0.4, dz: -0.55, qx: s, qy: 0, qz: 0, qw: s, selecting: true });
    const wire = encodeHand(pointing);
    expect(wire.slice(0, 4)).toEqual([5, 25, -40, -55]);
    const back = decodeHand(...wire);
    expect(back).toMatchObject({ tracked: true, articulated: false, selecting: true, dx: 0.25, dy: -0.4, dz: -0.55 });
    expect(angleBetween([back.qx, back.qy, back.qz, back.qw], [s, 0, 0, s])).toBeLessThan(0.01);
    expect(decodeHand(...encodeHand(hand({ articulated: true }))).articulated).toBe(true);
  });

  it("clamps a hand beyond arm's reach and sends an untracked hand as zeros", () => {
    const far = encodeHand(hand({ dx: 3, dy: -2, dz: 0 }));
    expect(far.slice(1, 4)).toEqual([127, -127, 0]);
    expect(encodeHand(untrackedHand())).toEqual([0, 0, 0, 0, 0]);
    expect(decodeHand(0, 0, 0, 0, 0).tracked).toBe(false);
  });

  it("adds both hands as an optional sixth part that the schema bounds", () => {
    const head = encodePose({ x: 0, y: 1.7, z: 0, yaw: 0, pitch: 0 });
    const hands = encodeHands(hand({ dx: -0.2, dy: -0.5 }), untrackedHand());
    expect(hands).toHaveLength(10);
    expect(poseWireSchema.safeParse([...head, hands]).success).toBe(true);
    const tooFar = [...hands];
    tooFar[1] = 500;
    expect(poseWireSchema.safeParse([...head, tooFar]).success).toBe(false);
    const badFlags = [...hands];
    badFlags[0] = 8;
    expect(poseWireSchema.safeParse([...head, badFlags]).success).toBe(false);
    expect(poseWireSchema.safeParse([...head, hands.slice(0, 9)]).success).toBe(false);
  });
});
