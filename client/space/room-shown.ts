/**
 * The moment a joiner first sees the room with everyone in sight drawn (the avatars say when). Work a
 * person does not need to see the room (3D text) waits for it: on a laptop rendering in
 * software, the first frame and its shader compiles already take the main thread for most of a second.
 */
let shown = false;
const waiting = new Set<() => void>();

/** Everyone in sight has been drawn once: what waited for the room runs in the next idle moments. */
export function roomShown(): void {
  if (shown) return;
  shown = true;
  for (const run of [...waiting]) run();
}

/** How long a waiter may wait for an idle moment once the room is shown. */
const IDLE_TIMEOUT_MS = 500;

/** Runs `run` in an idle moment once the room has been shown (soon, if it already has been); returns what cancels it. */
export function afterRoomShown(run: () => void): () => void {
  let idle: number | undefined;
  const cancel = () => {
    waiting.delete(start);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
  // After the frames that catch up on what arrived with the room, not in the middle of them.
  const start = () => {
    cancel();
    idle = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  };
  if (shown) start();
  else waiting.add(start);
  return cancel;
}
