import type { ThreeEvent } from "@react-three/fiber";

/**
 * THE INTERACTION CONTRACT — how anything in the 3D space is pointed at and selected.
 *
 * Every interactive object (a sticky note, a board, a timer, a vote button, a menu entry) is a mesh or
 * group with React Three Fiber pointer handlers, and nothing else:
 *
 * - `onClick` selects. The same handler runs for a mouse click or a tap on a flat screen, for a
 *   controller's ray plus trigger in VR, and for a tracked hand's ray plus pinch: @react-three/xr's
 *   pointers (@pmndrs/pointer-events) call R3F's handlers themselves. Never listen to WebXR `select`
 *   events or read gamepad buttons to act on an object.
 * - `onPointerOver` / `onPointerOut` show hover (highlight, cursor); `onPointerDown`/`Move`/`Up` with
 *   `event.target.setPointerCapture(event.pointerId)` drag things. `event.point` is the hit in world
 *   space, `event.pointerType` tells "mouse"/"touch" from VR rays, which rarely matters.
 * - Call `event.stopPropagation()` in a handler that consumed the event, so the floor underneath (whose
 *   click means "walk there" on a flat screen) does not also react.
 * - The trigger belongs to these pointers. VR locomotion uses only the thumbsticks (see
 *   client/xr/VRLocomotion.tsx), so aiming at an object and pulling the trigger always reaches it,
 *   even for objects standing on the floor.
 * - A press counts as a click if released within a second (client/xr/XRScene.tsx), longer than the
 *   library default, for people new to controllers.
 * - In-VR panels are @react-three/uikit components; their `onClick` follows the same contract. HTML
 *   (drei <Html>) is not drawn inside a headset: anything a VR user needs must exist as meshes or uikit.
 * - Every action reachable this way must also be reachable without 3D (HTML panels, keyboard): register
 *   it as a client action (client/actions) so the HTML menus and the in-VR menu list it too.
 *
 * `selectable` below wires the usual case.
 */
export function selectable<E extends MouseEvent = MouseEvent>(
  onSelect: (event: ThreeEvent<E>) => void,
  options: { onHover?(hovered: boolean): void } = {},
) {
  const setCursor = (event: ThreeEvent<PointerEvent>, cursor: string) => {
    // Only a mouse has a cursor; VR rays draw their own.
    if (event.pointerType === "mouse") document.body.style.cursor = cursor;
  };
  return {
    onClick(event: ThreeEvent<E>) {
      event.stopPropagation();
      onSelect(event);
    },
    onPointerOver(event: ThreeEvent<PointerEvent>) {
      event.stopPropagation();
      setCursor(event, "pointer");
      options.onHover?.(true);
    },
    onPointerOut(event: ThreeEvent<PointerEvent>) {
      setCursor(event, "");
      options.onHover?.(false);
    },
  };
}

/**
 * Whether a click is a still one and not the end of a drag to look around: a mouse or finger that
 * moved at most `slopPx` pixels. Controller and hand rays have no screen distance (their events throw
 * when `delta` is read), and a ray click is always meant as a click.
 */
export function isStillClick(event: ThreeEvent<MouseEvent>, slopPx = 6): boolean {
  try {
    return event.delta <= slopPx;
  } catch {
    return true;
  }
}
