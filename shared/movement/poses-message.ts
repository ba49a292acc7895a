/**
 * Everyone's poses as one small binary message per patch tick, `movement.poses`, instead of fields
 * of the synchronised state: the full-rate poses of the people near the receiver
 * (shared/movement/interest.ts) that changed, and the coarse poses of everyone that changed.
 *
 * Why not the state: a field that only some clients may see makes Colyseus encode a separate patch
 * for every client, walking every pose that changed in the tick for each of them (500 × 500 checks
 * twenty times a second at 500 walkers, most of the server's time); and a shared coarse pose made a
 * second message (the patch) per client nearly every tick. Here the server writes each client one
 * message: its own near part, and the coarse part, encoded once per tick for all.
 *
 * Layout (little-endian): flags u8 (FULL: forget every slot not in this message), count u16, then
 * per near pose: slot u16, x i16, y i16, z i16, yaw u16, pitch i16; then gone u16 and the slots that
 * are no longer near (their holders fall back to the coarse pose); then the far part: count u16 and
 * per coarse pose: slot u16, x i16, y i16, z i16, yaw u16 (no pitch from afar).
 */
import type { PoseFields } from "./pose-codec";

/** The message name (declared with the other movement messages in shared/protocol/movement.ts). */
export const POSES_MESSAGE = "movement.poses";

/** Flag: this message lists every near pose and every coarse one; the receiver forgets the others. */
export const POSES_FULL = 1;

const HEADER_BYTES = 3;
const POSE_BYTES = 12;
const FAR_POSE_BYTES = 10;

export interface SlotPose {
  /** PersonState.slot of the person this pose belongs to. */
  slot: number;
  pose: PoseFields;
}

export interface PosesMessage {
  full: boolean;
  poses: SlotPose[];
  gone: number[];
  /** Coarse poses (pitch is not sent: it reads 0). */
  far: SlotPose[];
}

/** The far part of a message, the same for every receiver in a tick: encoded once, copied into each. */
export function encodeFarPoses(far: readonly SlotPose[]): Uint8Array {
  const bytes = new Uint8Array(2 + far.length * FAR_POSE_BYTES);
  const data = new DataView(bytes.buffer);
  data.setUint16(0, far.length, true);
  let at = 2;
  for (const { slot, pose } of far) {
    data.setUint16(at, slot, true);
    data.setInt16(at + 2, pose.x, true);
    data.setInt16(at + 4, pose.y, true);
    data.setInt16(at + 6, pose.z, true);
    data.setUint16(at + 8, pose.yaw, true);
    at += FAR_POSE_BYTES;
  }
  return bytes;
}

/**
 * One person's full pose as a message entry (POSE_BYTES): the server makes it once per tick and
 * copies it into the message of every client that has the person near (40 or so at 500 people),
 * rather than reading the pose and writing the same twelve bytes for each of them.
 */
export function poseEntry(slot: number, pose: PoseFields): Uint8Array {
  const entry = new Uint8Array(POSE_BYTES);
  const data = new DataView(entry.buffer);
  data.setUint16(0, slot, true);
  data.setInt16(2, pose.x, true);
  data.setInt16(4, pose.y, true);
  data.setInt16(6, pose.z, true);
  data.setUint16(8, pose.yaw, true);
  data.setInt16(10, pose.pitch, true);
  return entry;
}

/** A message from pose entries already made (poseEntry) and the far part (encodeFarPoses). */
export function assemblePosesMessage(
  full: boolean,
  entries: readonly Uint8Array[],
  gone: readonly number[],
  farPart: Uint8Array,
): Uint8Array {
  const nearBytes = HEADER_BYTES + entries.length * POSE_BYTES + 2 + gone.length * 2;
  const bytes = new Uint8Array(nearBytes + farPart.byteLength);
  const data = new DataView(bytes.buffer);
  data.setUint8(0, full ? POSES_FULL : 0);
  data.setUint16(1, entries.length, true);
  let at = HEADER_BYTES;
  for (const entry of entries) {
    bytes.set(entry, at);
    at += POSE_BYTES;
  }
  data.setUint16(at, gone.length, true);
  at += 2;
  for (const slot of gone) {
    data.setUint16(at, slot, true);
    at += 2;
  }
  bytes.set(farPart, at);
  return bytes;
}

/** `farPart`: message.far already encoded (encodeFarPoses), when many messages share it. */
export function encodePosesMessage(
  message: Omit<PosesMessage, "far"> & { far?: SlotPose[] },
  farPart: Uint8Array = encodeFarPoses(message.far ?? []),
): Uint8Array {
  const entries = message.poses.map(({ slot, pose }) => poseEntry(slot, pose));
  return assemblePosesMessage(message.full, entries, message.gone, farPart);
}

/** One pose entry at `at`: slot, x, y, z, yaw, and pitch where the entry carries one (else 0). */
function readSlotPose(data: DataView, at: number, withPitch: boolean): SlotPose {
  return {
    slot: data.getUint16(at, true),
    pose: {
      x: data.getInt16(at + 2, true),
      y: data.getInt16(at + 4, true),
      z: data.getInt16(at + 6, true),
      yaw: data.getUint16(at + 8, true),
      pitch: withPitch ? data.getInt16(at + 10, true) : 0,
    },
  };
}

/** Reads a message; throws on one whose length does not match what it announces (never partly applied). */
export function decodePosesMessage(bytes: Uint8Array): PosesMessage {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tooShort = (needed: number) => {
    if (bytes.byteLength < needed) throw new Error("poses message: too short");
  };
  tooShort(HEADER_BYTES);
  const count = data.getUint16(1, true);
  const goneAt = HEADER_BYTES + count * POSE_BYTES;
  tooShort(goneAt + 2);
  const goneCount = data.getUint16(goneAt, true);
  const farAt = goneAt + 2 + goneCount * 2;
  tooShort(farAt + 2);
  const farCount = data.getUint16(farAt, true);
  if (bytes.byteLength !== farAt + 2 + farCount * FAR_POSE_BYTES) throw new Error("poses message: wrong length");
  const poses: SlotPose[] = [];
  for (let i = 0, at = HEADER_BYTES; i < count; i++, at += POSE_BYTES) poses.push(readSlotPose(data, at, true));
  const gone: number[] = [];
  for (let i = 0; i < goneCount; i++) gone.push(data.getUint16(goneAt + 2 + i * 2, true));
  const far: SlotPose[] = [];
  for (let i = 0, at = farAt + 2; i < farCount; i++, at += FAR_POSE_BYTES) far.push(readSlotPose(data, at, false));
  return { full: (data.getUint8(0) & POSES_FULL) !== 0, poses, gone, far };
}

/**
 * A client's copy of everyone's poses, by slot: the full one of each near person and the coarse one
 * of everyone; what it applies each message to, and what its readers ask. `onChange` hears the slots
 * each message changed for its readers (a near pose gained, moved or lost; a coarse pose moved while
 * no near one is held).
 */
export class PoseTable {
  private readonly bySlot = new Map<number, PoseFields>();
  private readonly farBySlot = new Map<number, PoseFields>();
  private readonly listeners = new Set<(slots: readonly number[]) => void>();
  /** One person's followers (client/movement/follow-pose.ts): hundreds, each told only of its own slot. */
  private readonly watchers = new Map<number, Set<(pose: PoseFields | undefined, coarse: boolean) => void>>();

  /** The full pose of the person in `slot` while they are near, else undefined. */
  get(slot: number): PoseFields | undefined {
    return this.bySlot.get(slot);
  }

  /** The coarse pose of the person in `slot` (undefined before the first message that names them). */
  far(slot: number): PoseFields | undefined {
    return this.farBySlot.get(slot);
  }

  /** How many full poses are held. */
  get size(): number {
    return this.bySlot.size;
  }

  apply(bytes: Uint8Array): void {
    const message = decodePosesMessage(bytes);
    const changed = new Set<number>();
    if (message.full) {
      const listed = new Set(message.poses.map((p) => p.slot));
      for (const slot of this.bySlot.keys()) if (!listed.has(slot)) message.gone.push(slot);
      const listedFar = new Set(message.far.map((p) => p.slot));
      for (const slot of this.farBySlot.keys()) {
        if (listedFar.has(slot)) continue;
        this.farBySlot.delete(slot);
        changed.add(slot);
      }
    }
    for (const slot of message.gone) if (this.bySlot.delete(slot)) changed.add(slot);
    for (const { slot, pose } of message.poses) {
      this.bySlot.set(slot, pose);
      changed.add(slot);
    }
    for (const { slot, pose } of message.far) {
      this.farBySlot.set(slot, pose);
      // A coarse pose changes nothing for a reader while the full one is held.
      if (!this.bySlot.has(slot)) changed.add(slot);
    }
    for (const slot of changed) {
      const watchers = this.watchers.get(slot);
      if (!watchers) continue;
      const near = this.bySlot.get(slot);
      const pose = near ?? this.farBySlot.get(slot);
      for (const watcher of watchers) watcher(pose, near === undefined);
    }
    const slots = [...changed];
    for (const listener of this.listeners) listener(slots);
  }

  /** Hears every message's changed slots. */
  onChange(listener: (slots: readonly number[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Hears one slot's freshest pose as it changes: the full one while near, else the coarse one
   * (`coarse` says which); undefined only if the table knows neither.
   */
  watch(slot: number, watcher: (pose: PoseFields | undefined, coarse: boolean) => void): () => void {
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
export function currentPose(person: { slot: number }, poses: PoseTable): PoseFields | undefined {
  return poses.get(person.slot) ?? poses.far(person.slot);
}
