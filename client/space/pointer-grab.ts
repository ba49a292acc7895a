/**
 * Pointers that a 3D object has taken hold of (a note or cluster being dragged): while one is
 * held, dragging it moves the object, not the view (see movement/DesktopControls.tsx).
 */
export const grabbedPointers = new Set<number>();
