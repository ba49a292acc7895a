/**
 * The full-rate poses of the people near a client (shared/movement/interest.ts), as one small binary
 * message per patch tick, `movement.near`, instead of a field of the synchronised state.
 *
 * Why not the state: a field that only some clients may see makes Colyseus encode a separate patch
 * for every client, walking every pose that changed in the tick for each of them. At 500 walkers
 * that was 500 × 500 checks twenty times a second, most of the server's time. Here the server
 * writes each client only the near poses that changed, and the shared patch carries the rest.
 *
 * Layout (little-endian): flags u8 (FULL: forget every slot not in this message), count u16, then
 * per pose: slot u16, x i16, y i16, z i16, yaw u16, pitch i16; then gone u16 and the slots that are
 * no longer near (their holders fall back to the coarse `farPose`).
 */
import type { PoseFields } from "./pose-codec";

/** The message name (declared with the other movement messages in shared/protocol/movement.ts). */
export const NEAR_POSES_MESSAGE = "movement.near";

/** Flag: this message lists every near pose; the receiver forgets the ones it does not list. */
export const NEAR_POSES_FULL = 1;

const HEADER_BYTES = 3;
const POSE_BYTES = 12;

export interface SlotPose {
  /** PersonState.slot of the person this pose belongs to. */
  slot: number;
  pose: PoseFields;
}

export interface NearPoses {
  full: boolean;
  poses: SlotPose[];
  gone: number[];
}

export function encodeNearPoses(message: NearPoses): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES + message.poses.length * POSE_BYTES + 2 + message.gone.length * 2);
  const data = new DataView(bytes.buffer);
  data.setUint8(0, message.full ? NEAR_POSES_FULL : 0);
  data.setUint16(1, message.poses.length, true);
  let at = HEADER_BYTES;
  for (const { slot, pose } of message.poses) {
    data.setUint16(at, slot, true);
    data.setInt16(at + 2, pose.x, true);
    data.setInt16(at + 4, pose.y, true);
    data.setInt16(at + 6, pose.z, true);
    data.setUint16(at + 8, pose.yaw, true);
    data.setInt16(at + 10, pose.pitch, true);
    at += POSE_BYTES;
  }
  data.setUint16(at, message.gone.length, true);
  at += 2;
  for (const slot of message.gone) {
    data.setUint16(at, slot, true);
    at += 2;
  }
  return bytes;
}

/** Reads a message; throws on one whose length does not match what it announces (never partly applied). */
export function decodeNearPoses(bytes: Uint8Array): NearPoses {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER_BYTES + 2) throw new Error("near poses: message too short");
  const count = data.getUint16(1, true);
  const goneAt = HEADER_BYTES + count * POSE_BYTES;
  if (bytes.byteLength < goneAt + 2) throw new Error("near poses: message too short");
  const goneCount = data.getUint16(goneAt, true);
  if (bytes.byteLength !== goneAt + 2 + goneCount * 2) throw new Error("near poses: wrong length");
  const poses: SlotPose[] = [];
  for (let i = 0, at = HEADER_BYTES; i < count; i++, at += POSE_BYTES) {
    poses.push({
      slot: data.getUint16(at, true),
      pose: {
        x: data.getInt16(at + 2, true),
        y: data.getInt16(at + 4, true),
        z: data.getInt16(at + 6, true),
        yaw: data.getUint16(at + 8, true),
        pitch: data.getInt16(at + 10, true),
      },
    });
  }
  const gone: number[] = [];
  for (let i = 0; i < goneCount; i++) gone.push(data.getUint16(goneAt + 2 + i * 2, true));
  return { full: (data.getUint8(0) & NEAR_POSES_FULL) !== 0, poses, gone };
}

/**
 * A client's copy of the near poses, by slot: what it applies each message to, and what its readers
 * ask. `onChange` hears the slots each message changed (gained, moved or lost a pose).
 */
export class NearPoseTable {
  private readonly bySlot = new Map<number, PoseFields>();
  private readonly listeners = new Set<(slots: readonly number[]) => void>();
  /** One person's followers (client/movement/follow-pose.ts): hundreds, each told only of its own slot. */
  private readonly watchers = new Map<number, Set<(pose: PoseFields | undefined) => void>>();

  /** The full pose of the person in `slot` while they are near, else undefined. */
  get(slot: number): PoseFields | undefined {
    return this.bySlot.get(slot);
  }

  get size(): number {
    return this.bySlot.size;
  }

  apply(bytes: Uint8Array): void {
    const message = decodeNearPoses(bytes);
    const changed: number[] = [];
    if (message.full) {
      const listed = new Set(message.poses.map((p) => p.slot));
      for (const slot of this.bySlot.keys()) if (!listed.has(slot)) message.gone.push(slot);
    }
    for (const slot of message.gone) if (this.bySlot.delete(slot)) changed.push(slot);
    for (const { slot, pose } of message.poses) {
      this.bySlot.set(slot, pose);
      changed.push(slot);
    }
    for (const slot of changed) {
      const watchers = this.watchers.get(slot);
      if (watchers) for (const watcher of watchers) watcher(this.bySlot.get(slot));
    }
    for (const listener of this.listeners) listener(changed);
  }

  /** Hears every message's changed slots. */
  onChange(listener: (slots: readonly number[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hears one slot's pose as it changes: the new pose, or undefined when the person stops being near. */
  watch(slot: number, watcher: (pose: PoseFields | undefined) => void): () => void {
    let watchers = this.watchers.get(slot);
    if (!watchers) {
      watchers = new Set();
      this.watchers.set(slot, watchers);
    }
    watchers.add(watcher);
    return () => {
      watchers.delete(watcher);
      if (watchers.size === 0 && this.watchers.get(slot) === watchers) this.watchers.delete(slot);
    };
  }
}

/**
 * The freshest pose of a person as a client has it: the full-rate one while they are near (the
 * server sends it only then), else the coarse one. Every client-side reader of someone's position
 * goes through this.
 */
export function currentPose(person: { slot: number; farPose: PoseFields }, near: NearPoseTable): PoseFields {
  return near.get(person.slot) ?? person.farPose;
}
