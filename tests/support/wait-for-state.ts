import type { SessionState } from "../../shared/session/state";
import { poseTable } from "./poses";
import type { SdkSessionRoom } from "./server";

// Kept apart from server.ts so that SDK-only processes (the benchmark's crowd) need not load the server.
/**
 * Resolves when `predicate` holds, checking after every state patch and every near-pose message
 * (tests/support/poses.ts); rejects after `timeoutMs`.
 */
export function waitForState(
  room: SdkSessionRoom,
  predicate: (state: SessionState) => boolean,
  timeoutMs = 3000,
): Promise<void> {
  // Made here, not in the timer, so a failure points at the test line that waited.
  const failure = new Error(`state condition not reached in ${timeoutMs} ms: ${predicate.toString().slice(0, 160)}`);
  return new Promise((resolve, reject) => {
    if (room.state && predicate(room.state)) return resolve();
    const stop = () => {
      clearTimeout(timer);
      listener.clear();
      offPoses?.();
    };
    const timer = setTimeout(() => {
      stop();
      reject(failure);
    }, timeoutMs);
    const check = () => {
      if (room.state && predicate(room.state)) {
        stop();
        resolve();
      }
    };
    const listener = room.onStateChange(check);
    const offPoses = poseTable(room)?.onChange(check);
  });
}
