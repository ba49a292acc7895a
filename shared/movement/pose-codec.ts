/**
 * Poses are the hottest data in the product: every person sends one up to 20 times a second and
 * everyone receives everyone's. They travel as small integers (centimetres and angle steps), which
 * msgpack and the schema encoder both pack into one to three bytes each.
 */

/** A pose as the scene uses it: metres and radians. */
export interface Pose {
  x: number;
  /** Eye height above the floor, metres. */
  y: number;
  z: number;
  /** Rotation about +y; 0 looks towards -z. */
  yaw: number;
  /** Head pitch, positive looks up, within ±π/2. */
  pitch: number;
}

/** The same pose as integers: [x cm, y cm, z cm, yaw steps, pitch steps]. */
export type PoseWire = [number, number, number, number, number];

export const POSITION_STEPS_PER_METRE = 100;
export const YAW_STEPS = 65536;
export const PITCH_STEPS = 32767;
/** Positions must fit int16 centimetres. */
export const POSITION_LIMIT_CM = 32767;

const TWO_PI = Math.PI * 2;

export function wrapAngle(radians: number): number {
  const r = radians % TWO_PI;
  return r < 0 ? r + TWO_PI : r;
}

export function cmToMetres(cm: number): number {
  return cm / POSITION_STEPS_PER_METRE;
}

export function quantisePosition(metres: number): number {
  const cm = Math.round(metres * POSITION_STEPS_PER_METRE);
  return Math.max(-POSITION_LIMIT_CM, Math.min(POSITION_LIMIT_CM, cm));
}

export function quantiseYaw(radians: number): number {
  return Math.round((wrapAngle(radians) / TWO_PI) * YAW_STEPS) % YAW_STEPS;
}

export function quantisePitch(radians: number): number {
  const clamped = Math.max(-Math.PI / 2, Math.min(Math.PI / 2, radians));
  return Math.round((clamped / (Math.PI / 2)) * PITCH_STEPS);
}

export function encodePose(pose: Pose): PoseWire {
  return [
    quantisePosition(pose.x),
    quantisePosition(pose.y),
    quantisePosition(pose.z),
    quantiseYaw(pose.yaw),
    quantisePitch(pose.pitch),
  ];
}

export function decodePose([x, y, z, yaw, pitch]: readonly number[]): Pose {
  return {
    x: (x ?? 0) / POSITION_STEPS_PER_METRE,
    y: (y ?? 0) / POSITION_STEPS_PER_METRE,
    z: (z ?? 0) / POSITION_STEPS_PER_METRE,
    yaw: ((yaw ?? 0) / YAW_STEPS) * TWO_PI,
    pitch: ((pitch ?? 0) / PITCH_STEPS) * (Math.PI / 2),
  };
}

/** Shortest signed difference between two angles, for interpolating yaw across the 0/2π seam. */
export function angleDelta(from: number, to: number): number {
  let d = wrapAngle(to) - wrapAngle(from);
  if (d > Math.PI) d -= TWO_PI;
  if (d < -Math.PI) d += TWO_PI;
  return d;
}
