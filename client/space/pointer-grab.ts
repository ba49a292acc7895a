import type { ThreeEvent } from "@react-three/fiber";

/**
 * Pointers that a 3D object has taken hold of (a note or cluster being dragged): while one is
 * held, dragging it moves the object, not the view (see movement/DesktopControls.tsx).
 */
export const grabbedPointers = new Set<number>();

/** Takes hold of a pointer for a 3D object: its moves keep coming there even off the object. */
export function captureGrab(event: ThreeEvent<PointerEvent>): void {
  (event.target as unknown as { setPointerCapture?(id: number): void }).setPointerCapture?.(event.pointerId);
  grabbedPointers.add(event.pointerId);
}

/** Lets go of a pointer taken with captureGrab. */
export function releaseGrab(event: ThreeEvent<PointerEvent>): void {
  (event.target as unknown as { releasePointerCapture?(id: number): void }).releasePointerCapture?.(event.pointerId);
  grabbedPointers.delete(event.pointerId);
}
