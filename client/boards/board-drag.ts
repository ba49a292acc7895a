import { useRef } from "react";
import type { ThreeEvent } from "@react-three/fiber";
import { Matrix4, Plane, Ray, Vector3, type Group, type Object3D } from "three";
import { captureGrab, releaseGrab } from "../space/pointer-grab";
import type { BoardView } from "./boards-store";

/** A drag shorter than this (cm on the board) is a click. */
const CLICK_SLOP_CM = 1.5;

const scratch = {
  inverse: new Matrix4(),
  ray: new Ray(),
  plane: new Plane(new Vector3(0, 0, 1), 0),
  hit: new Vector3(),
};

/**
 * Where a pointer's ray (a mouse, a controller or a hand) meets a board's surface, in board
 * centimetres. Works while the pointer is captured and off the note, because it uses the ray itself.
 */
export function pointOnBoard(
  event: ThreeEvent<PointerEvent>,
  surface: Object3D,
  board: Pick<BoardView, "width" | "height">,
): { x: number; y: number } | undefined {
  surface.updateWorldMatrix(true, false);
  scratch.inverse.copy(surface.matrixWorld).invert();
  const ray = (event as unknown as { ray?: Ray }).ray;
  let local: Vector3 | null;
  if (ray) {
    scratch.ray.copy(ray).applyMatrix4(scratch.inverse);
    local = scratch.ray.intersectPlane(scratch.plane, scratch.hit);
  } else {
    local = scratch.hit.copy(event.point).applyMatrix4(scratch.inverse);
  }
  if (!local) return undefined;
  return { x: local.x * 100 + board.width / 2, y: board.height / 2 - local.y * 100 };
}

interface Drag {
  pointerId: number;
  /** Where on the item the pointer took hold, cm from its anchor. */
  dx: number;
  dy: number;
  x: number;
  y: number;
  moved: boolean;
}

/**
 * Dragging something on a board (a note, a cluster's frame) with a mouse, a controller ray or a
 * hand: the press notes where the thing was taken hold of, each move goes to the 3D object directly
 * (not through React), and the release says where it was dropped, or that it was only a click.
 */
export function useBoardDrag(options: {
  surface: React.RefObject<Group | null>;
  board: BoardView;
  /** The thing's anchor on the board now, cm. */
  at: { x: number; y: number };
  canGrab: boolean;
  canMove: boolean;
  /** Keeps a dragged anchor where the thing may be (on the board). */
  keep(x: number, y: number): { x: number; y: number };
  onDrag(spot: { x: number; y: number }): void;
  onRelease(drop: { x: number; y: number } | null): void;
}) {
  const drag = useRef<Drag | null>(null);
  const { surface, board, at } = options;
  const onPointerDown = (event: ThreeEvent<PointerEvent>) => {
    event.stopPropagation();
    if (!options.canGrab || !surface.current) return;
    const point = pointOnBoard(event, surface.current, board);
    if (!point) return;
    captureGrab(event);
    drag.current = { pointerId: event.pointerId, dx: point.x - at.x, dy: point.y - at.y, ...at, moved: false };
  };
  const onPointerMove = (event: ThreeEvent<PointerEvent>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId || !surface.current || !options.canMove) return;
    event.stopPropagation();
    const point = pointOnBoard(event, surface.current, board);
    if (!point) return;
    const spot = options.keep(point.x - current.dx, point.y - current.dy);
    current.x = spot.x;
    current.y = spot.y;
    current.moved ||= Math.hypot(spot.x - at.x, spot.y - at.y) > CLICK_SLOP_CM;
    options.onDrag(spot);
  };
  const onPointerUp = (event: ThreeEvent<PointerEvent>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    event.stopPropagation();
    releaseGrab(event);
    drag.current = null;
    options.onRelease(current.moved ? { x: current.x, y: current.y } : null);
  };
  // The press and release were this thing's: the click that follows must not reach the board
  // behind it (which would start a new note there).
  const onClick = (event: ThreeEvent<MouseEvent>) => event.stopPropagation();
  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp, onClick, dragging: drag };
}
