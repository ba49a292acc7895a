import type { SessionState } from "../../shared/session/state";
import type { SdkSessionRoom } from "./server";

// Kept apart from server.ts so that SDK-only processes (the benchmark's crowd) need not load the server.
/** Resolves when `predicate` holds, checking after every state patch; rejects after `timeoutMs`. */
export function waitForState(
  room: SdkSessionRoom,
  predicate: (state: SessionState) => boolean,
  timeoutMs = 3000,
): Promise<void> {
  // Made here, not in the timer, so a failure points at the test line that waited.
  const failure = new Error(`state condition not reached in ${timeoutMs} ms: ${predicate.toString().slice(0, 160)}`);
  return new Promise((resolve, reject) => {
    if (room.state && predicate(room.state)) return resolve();
    const timer = setTimeout(() => {
      listener.clear();
      reject(failure);
    }, timeoutMs);
    const listener = room.onStateChange((state) => {
      if (predicate(state)) {
        clearTimeout(timer);
        listener.clear();
        resolve();
      }
    });
  });
}
