import { PoseTable, POSES_MESSAGE, currentPose } from "../../shared/movement/poses-message";
import type { PoseFields } from "../../shared/movement/pose-codec";
import type { SdkSessionRoom } from "./server";

// Kept apart from server.ts so that SDK-only processes (the benchmark's crowd) need not load the server.

const tables = new WeakMap<SdkSessionRoom, PoseTable>();
const unbinds = new WeakMap<SdkSessionRoom, () => void>();

/**
 * Starts keeping a test client's poses (the `movement.poses` messages), as the page does in
 * client/session/connection.ts. Call it as soon as the room is joined: a message that arrives
 * before is lost, and the server sends a pose again only when it changes.
 */
export function keepPoses(room: SdkSessionRoom): PoseTable {
  let table = tables.get(room);
  if (!table) {
    const created = new PoseTable();
    unbinds.set(
      room,
      room.onMessage(POSES_MESSAGE, (bytes: Uint8Array) => created.apply(bytes)),
    );
    tables.set(room, created);
    table = created;
  }
  return table;
}

/**
 * Stops reading the near-pose messages (they still arrive, and are dropped): for the benchmark's
 * crowd, whose decoding would be each browser's work on its own machine. The table is forgotten.
 */
export function ignorePoses(room: SdkSessionRoom): void {
  unbinds.get(room)?.();
  unbinds.delete(room);
  tables.delete(room);
  // A handler still, or the SDK would warn of an unhandled message type 20 times a second.
  room.onMessage(POSES_MESSAGE, () => {});
}

/** The poses a test client holds (empty for a room nobody called keepPoses on). */
export function poseTable(room: SdkSessionRoom): PoseTable | undefined {
  return tables.get(room);
}

/** The full pose of `id` as this client holds it: undefined while the server counts them far from it. */
export function nearPose(room: SdkSessionRoom, id = room.sessionId): PoseFields | undefined {
  const person = room.state.people?.get(id);
  return person ? tables.get(room)?.get(person.slot) : undefined;
}

/** The freshest pose of `id` as this client has it: the full one while near, else the coarse one. */
export function seenPose(room: SdkSessionRoom, id = room.sessionId): PoseFields | undefined {
  const person = room.state.people?.get(id);
  return person ? currentPose(person, tables.get(room) ?? new PoseTable()) : undefined;
}

/** The coarse pose of `id` as this client holds it (what everyone receives of everyone). */
export function farPose(room: SdkSessionRoom, id = room.sessionId): PoseFields | undefined {
  const person = room.state.people?.get(id);
  return person ? tables.get(room)?.far(person.slot) : undefined;
}
