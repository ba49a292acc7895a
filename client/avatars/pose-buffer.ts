import { INTEREST } from "../../shared/movement/interest";
import { angleDelta, type Pose } from "../../shared/movement/pose-codec";

/**
 * Remote people are drawn a little in the past, between two poses the server has already sent,
 * so they glide instead of jumping at each 20 Hz update.
 */
export const RENDER_DELAY_MS = 110;
/**
 * Someone far away arrives only as the coarse pose, every INTEREST.farPoseMs: drawn that much further
 * in the past, they still glide between two known poses instead of walking for a moment, standing
 * until the next update, and hopping.
 */
export const FAR_EXTRA_DELAY_MS = INTEREST.farPoseMs;
/**
 * When a person turns from far to near (or back) the extra delay changes by at most this much per
 * millisecond, so they speed up (or slow down) for a second rather than jumping half a second ahead.
 */
const DELAY_EASING = 0.5;
/** Two seconds at 20 Hz: enough history to draw someone a far delay in the past while they turn near. */
const CAPACITY = 40;

export interface PoseSample extends Pose {
  /** Local receive time, ms. */
  t: number;
}

export class PoseBuffer {
  private readonly samples: PoseSample[] = [];
  private extraDelay = 0;
  private targetExtraDelay = 0;
  private lastSampledAt = Number.NaN;

  /** `coarse`: the sample is the far pose (sent at a low rate), so it is drawn later (FAR_EXTRA_DELAY_MS). */
  push(sample: PoseSample, coarse = false): void {
    this.targetExtraDelay = coarse ? FAR_EXTRA_DELAY_MS : 0;
    if (this.samples.length === 0) this.extraDelay = this.targetExtraDelay;
    const last = this.samples[this.samples.length - 1];
    // A sample older than the newest is a reordering artefact; dropping it keeps time monotonic.
    if (last && sample.t < last.t) return;
    this.samples.push(sample);
    if (this.samples.length > CAPACITY) this.samples.shift();
  }

  /** Replaces the history with one pose (a jump the server made: no gliding across the room). */
  reset(sample: PoseSample, coarse = false): void {
    this.targetExtraDelay = this.extraDelay = coarse ? FAR_EXTRA_DELAY_MS : 0;
    this.samples.length = 0;
    this.samples.push(sample);
  }

  get latest(): PoseSample | undefined {
    return this.samples[this.samples.length - 1];
  }

  /**
   * Writes the pose at time `t` (now less RENDER_DELAY_MS), less the far extra delay, into `out`;
   * holds the newest pose when that is past it.
   */
  sample(t: number, out: Pose): boolean {
    if (t > this.lastSampledAt) {
      const most = (t - this.lastSampledAt) * DELAY_EASING;
      this.extraDelay += Math.max(-most, Math.min(most, this.targetExtraDelay - this.extraDelay));
    }
    if (!(t <= this.lastSampledAt)) this.lastSampledAt = t;
    return interpolatePose(this.samples, t - this.extraDelay, out);
  }
}

/** Pure interpolation over time-ordered samples; returns false when there is nothing to show. */
export function interpolatePose(samples: readonly PoseSample[], t: number, out: Pose): boolean {
  const n = samples.length;
  if (n === 0) return false;
  const first = samples[0]!;
  const last = samples[n - 1]!;
  if (t <= first.t || n === 1) return copy(first, out);
  if (t >= last.t) return copy(last, out);
  let i = n - 2;
  while (i > 0 && samples[i]!.t > t) i--;
  const a = samples[i]!;
  const b = samples[i + 1]!;
  const k = (t - a.t) / Math.max(1, b.t - a.t);
  out.x = a.x + (b.x - a.x) * k;
  out.y = a.y + (b.y - a.y) * k;
  out.z = a.z + (b.z - a.z) * k;
  out.yaw = a.yaw + angleDelta(a.yaw, b.yaw) * k;
  out.pitch = a.pitch + (b.pitch - a.pitch) * k;
  return true;
}

function copy(from: Pose, out: Pose): true {
  out.x = from.x;
  out.y = from.y;
  out.z = from.z;
  out.yaw = from.yaw;
  out.pitch = from.pitch;
  return true;
}
