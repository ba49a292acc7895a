import { invalidate } from "@react-three/fiber";

/**
 * Render on demand: the desktop view draws a frame only when something on it may have changed, so
 * a laptop rendering WebGL in software (no GPU) idles when the room is still instead of redrawing
 * the same picture sixty times a second. What wakes it: the room's state changing (someone moved,
 * a note was added), the person's own input, React changing the scene (R3F asks for a frame
 * itself), and animations in progress, which ask for the next frame while they run. The camera
 * moving keeps it drawing (FrameDriver.tsx). In a headset the XR session draws every frame anyway.
 */

/** After a wake, frames keep coming this long: remote avatars glide up to ~0.6 s behind their last update. */
export const AFTERGLOW_MS = 1000;

let drawUntil = 0;
let askedThisFrame = false;

/** Something changed (state, input): keep drawing for `ms` (at least the next frame). */
export function wake(ms: number = AFTERGLOW_MS): void {
  drawUntil = Math.max(drawUntil, performance.now() + ms);
  invalidate();
}

/** Called from a frame callback by an animation still running: draw the next frame too. */
export function keepDrawing(): void {
  askedThisFrame = true;
  invalidate();
}

/** For the frame driver: whether the frame just drawn must be followed by another. */
export function wantsNextFrame(now: number): boolean {
  const wanted = askedThisFrame || now < drawUntil;
  askedThisFrame = false;
  return wanted;
}

let continuing = false;
let drawn = 0;

/** Frames drawn since the page loaded (the inspector shows it: an idle view draws none). */
export function framesDrawn(): number {
  return drawn;
}

export function countFrame(): void {
  drawn++;
}

/** Whether this frame follows the previous one directly (not the first after an idle pause). */
export function frameIsContinuation(): boolean {
  return continuing;
}

export function setContinuing(value: boolean): void {
  continuing = value;
}

/**
 * A frame's delta for things that move with time: after an idle pause the clock's delta spans the
 * whole pause, which would move someone a long step at once; the first frame after one is a 60th.
 */
export function frameDelta(rawDelta: number): number {
  return continuing ? Math.min(rawDelta, 0.1) : Math.min(rawDelta, 1 / 60);
}
