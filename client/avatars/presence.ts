import { decodePoseState, type PoseFields } from "../../shared/movement/pose-codec";
import type { HandsState } from "../../shared/movement/state";
import { PoseBuffer } from "./pose-buffer";
import { HandsBuffer, handFromState } from "./hands-buffer";

/** A jump longer than this between two updates is a server move (send-out, summon): snap, do not glide. */
const SNAP_DISTANCE_M = 3;

/**
 * Per-frame presence of everyone else: pose histories fed by the room's patches and read by the
 * avatar renderer in useFrame. Kept out of React state on purpose: it changes 20 times a second.
 */
export class Presence {
  readonly buffers = new Map<string, PoseBuffer>();
  /** Only people who have been in VR have an entry. */
  readonly hands = new Map<string, HandsBuffer>();

  /** `coarse`: the far pose (shared/movement/interest.ts), which arrives a couple of times a second. */
  receive(id: string, pose: PoseFields, now: number, coarse = false): void {
    const sample = { ...decodePoseState(pose), t: now };
    let buffer = this.buffers.get(id);
    if (!buffer) {
      buffer = new PoseBuffer();
      this.buffers.set(id, buffer);
    }
    const latest = buffer.latest;
    if (latest && Math.hypot(latest.x - sample.x, latest.z - sample.z) > SNAP_DISTANCE_M) buffer.reset(sample, coarse);
    else buffer.push(sample, coarse);
  }

  receiveHands(id: string, hands: HandsState, now: number): void {
    const left = handFromState(hands.left);
    const right = handFromState(hands.right);
    let buffer = this.hands.get(id);
    if (!buffer) {
      if (!left.tracked && !right.tracked) return;
      buffer = new HandsBuffer();
      this.hands.set(id, buffer);
    }
    buffer.push({ t: now, left, right });
  }

  forget(id: string): void {
    this.buffers.delete(id);
    this.hands.delete(id);
  }
}
