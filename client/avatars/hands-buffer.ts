import { decodeHand, untrackedHand, type HandPose } from "../../shared/movement/pose-codec";
import type { HandState } from "../../shared/movement/state";

const CAPACITY = 12;
const SAME_PATCH_MS = 2;

export interface HandsSample {
  /** Local receive time, ms. */
  t: number;
  left: HandPose;
  right: HandPose;
}

export function handFromState(hand: HandState, out: HandPose = untrackedHand()): HandPose {
  return decodeHand(hand.flags ?? 0, hand.dx ?? 0, hand.dy ?? 0, hand.dz ?? 0, hand.rotation ?? 0, out);
}

/** Blends two hands: positions linearly, rotations along the shorter arc (normalised lerp). */
export function blendHand(a: HandPose, b: HandPose, k: number, out: HandPose): HandPose {
  // A hand that appears or disappears does so at once: there is nothing to glide from.
  if (!a.tracked || !b.tracked) return Object.assign(out, k < 1 ? a : b);
  out.tracked = true;
  out.articulated = b.articulated;
  out.selecting = k < 0.5 ? a.selecting : b.selecting;
  out.dx = a.dx + (b.dx - a.dx) * k;
  out.dy = a.dy + (b.dy - a.dy) * k;
  out.dz = a.dz + (b.dz - a.dz) * k;
  const sign = a.qx * b.qx + a.qy * b.qy + a.qz * b.qz + a.qw * b.qw < 0 ? -1 : 1;
  const qx = a.qx + (b.qx * sign - a.qx) * k;
  const qy = a.qy + (b.qy * sign - a.qy) * k;
  const qz = a.qz + (b.qz * sign - a.qz) * k;
  const qw = a.qw + (b.qw * sign - a.qw) * k;
  const length = Math.hypot(qx, qy, qz, qw) || 1;
  out.qx = qx / length;
  out.qy = qy / length;
  out.qz = qz / length;
  out.qw = qw / length;
  return out;
}

/**
 * The hand history of one person in VR, sampled at the same moment in the past as their head
 * (RENDER_DELAY_MS in pose-buffer.ts), so hands and head move together and glide between 20 Hz updates.
 */
export class HandsBuffer {
  private readonly samples: HandsSample[] = [];

  push(sample: HandsSample): void {
    const last = this.samples[this.samples.length - 1];
    if (last && sample.t < last.t) return;
    // Both hands report the same patch separately; the second report replaces the first.
    if (last && sample.t - last.t < SAME_PATCH_MS) this.samples[this.samples.length - 1] = sample;
    else this.samples.push(sample);
    if (this.samples.length > CAPACITY) this.samples.shift();
  }

  /** Writes both hands at time `t`; false when this person has never sent hands. */
  sample(t: number, left: HandPose, right: HandPose): boolean {
    const n = this.samples.length;
    if (n === 0) return false;
    const last = this.samples[n - 1]!;
    if (t >= last.t || n === 1) {
      Object.assign(left, last.left);
      Object.assign(right, last.right);
      return true;
    }
    let i = n - 2;
    while (i > 0 && this.samples[i]!.t > t) i--;
    const a = this.samples[i]!;
    const b = this.samples[i + 1]!;
    const k = Math.max(0, Math.min(1, (t - a.t) / Math.max(1, b.t - a.t)));
    blendHand(a.left, b.left, k, left);
    blendHand(a.right, b.right, k, right);
    return true;
  }
}
