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

export function yawFromSteps(steps: number): number {
  return (steps / YAW_STEPS) * TWO_PI;
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

/** Decodes the first five integers (a pose message may carry hands after them). */
export function decodePose([x, y, z, yaw, pitch]: readonly number[] | readonly [...PoseWire, ...unknown[]]): Pose {
  return {
    x: (x ?? 0) / POSITION_STEPS_PER_METRE,
    y: (y ?? 0) / POSITION_STEPS_PER_METRE,
    z: (z ?? 0) / POSITION_STEPS_PER_METRE,
    yaw: yawFromSteps(yaw ?? 0),
    pitch: ((pitch ?? 0) / PITCH_STEPS) * (Math.PI / 2),
  };
}

/** The integer fields of a pose as the room state holds them (PoseState, or anything shaped like it). */
export interface PoseFields {
  x: number;
  y: number;
  z: number;
  yaw: number;
  pitch: number;
}

/** Decodes a pose as the room state holds it. */
export function decodePoseState(pose: PoseFields): Pose {
  return decodePose([pose.x, pose.y, pose.z, pose.yaw, pose.pitch]);
}

/** Where a pose stands on the floor, in metres (what zones, voice and moves reason about). */
export function floorSpot(pose: Pick<PoseFields, "x" | "z">): { x: number; z: number } {
  return { x: cmToMetres(pose.x), z: cmToMetres(pose.z) };
}

/** Shortest signed difference between two angles, for interpolating yaw across the 0/2π seam. */
export function angleDelta(from: number, to: number): number {
  let d = wrapAngle(to) - wrapAngle(from);
  if (d > Math.PI) d -= TWO_PI;
  if (d < -Math.PI) d += TWO_PI;
  return d;
}

/**
 * A tracked hand or controller as the scene uses it: where it is relative to the eyes (world axes,
 * metres) and how it is turned. VR people send two of these with each pose; desktop people none.
 */
export interface HandPose {
  /** False while the hand or controller is not tracked (put down, out of view): draw none. */
  tracked: boolean;
  /** A tracked hand (hand tracking) rather than a controller. */
  articulated: boolean;
  /** Trigger pulled or fingers pinched: the person is selecting something. */
  selecting: boolean;
  /** Offset from the eye position, metres, world axes. */
  dx: number;
  dy: number;
  dz: number;
  /** Orientation in world space, a unit quaternion. */
  qx: number;
  qy: number;
  qz: number;
  qw: number;
}

/** One hand as integers: [flags, dx cm, dy cm, dz cm, packed rotation]. */
export type HandWire = [number, number, number, number, number];
/** Both hands, left then right: ten integers. */
export type HandsWire = [...HandWire, ...HandWire];

export const HAND_FLAG = { tracked: 1, articulated: 2, selecting: 4 } as const;
export const HAND_FLAGS_MAX = 7;
/** Hands stay within arm's reach of the eyes; offsets fit a signed byte of centimetres. */
export const HAND_OFFSET_LIMIT_CM = 127;
/** 2 bits for the largest component's index, 10 bits for each of the other three: fits 32 bits. */
const ROTATION_BITS = 10;
const ROTATION_STEPS = (1 << ROTATION_BITS) - 1;
export const ROTATION_MAX = 2 ** 32 - 1;
const SMALLEST_THREE_LIMIT = Math.SQRT1_2;

export function untrackedHand(): HandPose {
  return { tracked: false, articulated: false, selecting: false, dx: 0, dy: 0, dz: 0, qx: 0, qy: 0, qz: 0, qw: 1 };
}

function quantiseOffset(metres: number): number {
  const cm = Math.round(metres * POSITION_STEPS_PER_METRE);
  return Math.max(-HAND_OFFSET_LIMIT_CM, Math.min(HAND_OFFSET_LIMIT_CM, cm));
}

/**
 * Packs a unit quaternion into one unsigned 32-bit integer ("smallest three"): the largest component
 * is dropped (its sign made positive, since q and -q are the same rotation) and rebuilt on decoding.
 */
export function packRotation(qx: number, qy: number, qz: number, qw: number): number {
  const q = [qx, qy, qz, qw];
  const length = Math.hypot(qx, qy, qz, qw) || 1;
  let largest = 0;
  for (let i = 1; i < 4; i++) if (Math.abs(q[i]!) > Math.abs(q[largest]!)) largest = i;
  const sign = q[largest]! < 0 ? -1 : 1;
  let packed = largest;
  for (let i = 0; i < 4; i++) {
    if (i === largest) continue;
    const value = (q[i]! * sign) / length;
    const unit =
      (Math.max(-SMALLEST_THREE_LIMIT, Math.min(SMALLEST_THREE_LIMIT, value)) / SMALLEST_THREE_LIMIT + 1) / 2;
    // Multiplying instead of shifting keeps the result a non-negative number beyond 31 bits.
    packed = packed * (ROTATION_STEPS + 1) + Math.round(unit * ROTATION_STEPS);
  }
  return packed;
}

export function unpackRotation(packed: number, out: { qx: number; qy: number; qz: number; qw: number }): void {
  let rest = Math.max(0, Math.min(ROTATION_MAX, Math.floor(packed)));
  const small: number[] = [];
  for (let i = 0; i < 3; i++) {
    const step = rest % (ROTATION_STEPS + 1);
    rest = Math.floor(rest / (ROTATION_STEPS + 1));
    small.unshift((step / ROTATION_STEPS) * 2 * SMALLEST_THREE_LIMIT - SMALLEST_THREE_LIMIT);
  }
  const largest = rest & 3;
  const q = [0, 0, 0, 0];
  let sum = 0;
  let k = 0;
  for (let i = 0; i < 4; i++) {
    if (i === largest) continue;
    q[i] = small[k++]!;
    sum += q[i]! * q[i]!;
  }
  q[largest] = Math.sqrt(Math.max(0, 1 - sum));
  const length = Math.hypot(q[0]!, q[1]!, q[2]!, q[3]!) || 1;
  out.qx = q[0]! / length;
  out.qy = q[1]! / length;
  out.qz = q[2]! / length;
  out.qw = q[3]! / length;
}

export function encodeHand(hand: HandPose): HandWire {
  if (!hand.tracked) return [0, 0, 0, 0, 0];
  const flags =
    HAND_FLAG.tracked | (hand.articulated ? HAND_FLAG.articulated : 0) | (hand.selecting ? HAND_FLAG.selecting : 0);
  return [
    flags,
    quantiseOffset(hand.dx),
    quantiseOffset(hand.dy),
    quantiseOffset(hand.dz),
    packRotation(hand.qx, hand.qy, hand.qz, hand.qw),
  ];
}

/** Decodes one hand from five integers (e.g. a slice of the wire, or the fields of HandState). */
export function decodeHand(
  flags: number,
  dx: number,
  dy: number,
  dz: number,
  rotation: number,
  out: HandPose = untrackedHand(),
): HandPose {
  out.tracked = (flags & HAND_FLAG.tracked) !== 0;
  out.articulated = (flags & HAND_FLAG.articulated) !== 0;
  out.selecting = (flags & HAND_FLAG.selecting) !== 0;
  out.dx = dx / POSITION_STEPS_PER_METRE;
  out.dy = dy / POSITION_STEPS_PER_METRE;
  out.dz = dz / POSITION_STEPS_PER_METRE;
  if (out.tracked) unpackRotation(rotation, out);
  else Object.assign(out, { qx: 0, qy: 0, qz: 0, qw: 1 });
  return out;
}

export function encodeHands(left: HandPose, right: HandPose): HandsWire {
  return [...encodeHand(left), ...encodeHand(right)];
}
