import { useEffect, useMemo } from "react";
import { useFrame, useThree } from "@react-three/fiber";
import { HeldKeys } from "./keyboard";
import { PITCH_LIMIT, TURN_SPEED, WALK_SPEED, useLocalPlayer } from "./local-player";
import { grabbedPointers } from "../space/pointer-grab";
import { frameDelta } from "../space/render-demand";

/** Radians of turn per pixel dragged. */
const LOOK_SENSITIVITY = 0.0045;
/** Closer than this to a walk target counts as arrived. */
const ARRIVED_M = 0.05;

/**
 * Keyboard and mouse/touch controls for people without a headset: keys walk and turn, dragging looks
 * around, and a click on the floor (see space/Floor) sets a walk target followed here at walking pace.
 * With `walk` false (someone seated in a physical room) the keys and drags only turn and look.
 */
export function DesktopControls({ walk = true }: { walk?: boolean }) {
  const player = useLocalPlayer();
  const camera = useThree((s) => s.camera);
  const canvas = useThree((s) => s.gl.domElement);
  const keys = useMemo(() => new HeldKeys(), []);

  useEffect(() => {
    addEventListener("keydown", keys.onKeyDown);
    addEventListener("keyup", keys.onKeyUp);
    addEventListener("blur", keys.clear);
    return () => {
      removeEventListener("keydown", keys.onKeyDown);
      removeEventListener("keyup", keys.onKeyUp);
      removeEventListener("blur", keys.clear);
    };
  }, [keys]);

  useEffect(() => {
    let dragging: { id: number; x: number; y: number } | null = null;
    const down = (e: PointerEvent) => {
      if (e.button !== 0 && e.pointerType === "mouse") return;
      dragging = { id: e.pointerId, x: e.clientX, y: e.clientY };
    };
    const move = (e: PointerEvent) => {
      if (!dragging || dragging.id !== e.pointerId) return;
      // A note being dragged keeps the view still.
      if (grabbedPointers.has(e.pointerId)) return;
      // Dragging turns the head the way the pointer goes: right looks right, up looks up.
      player.yaw -= (e.clientX - dragging.x) * LOOK_SENSITIVITY;
      const pitch = player.pitch - (e.clientY - dragging.y) * LOOK_SENSITIVITY;
      player.pitch = Math.max(-PITCH_LIMIT, Math.min(PITCH_LIMIT, pitch));
      dragging.x = e.clientX;
      dragging.y = e.clientY;
    };
    const up = (e: PointerEvent) => {
      if (dragging?.id === e.pointerId) dragging = null;
    };
    canvas.addEventListener("pointerdown", down);
    addEventListener("pointermove", move);
    addEventListener("pointerup", up);
    addEventListener("pointercancel", up);
    return () => {
      canvas.removeEventListener("pointerdown", down);
      removeEventListener("pointermove", move);
      removeEventListener("pointerup", up);
      removeEventListener("pointercancel", up);
    };
  }, [canvas, player]);

  useFrame((_, rawDelta) => {
    // A background tab returns with a huge delta; never walk more than a tenth of a second at once.
    const dt = frameDelta(rawDelta);
    const turn = (keys.isHeld("turnLeft") ? 1 : 0) - (keys.isHeld("turnRight") ? 1 : 0);
    player.yaw += turn * TURN_SPEED * dt;

    const forward = (keys.isHeld("forward") ? 1 : 0) - (keys.isHeld("back") ? 1 : 0);
    const strafe = (keys.isHeld("right") ? 1 : 0) - (keys.isHeld("left") ? 1 : 0);
    if (!walk) {
      player.walkTarget = null;
    } else if (forward !== 0 || strafe !== 0) {
      player.walkTarget = null;
      const length = Math.hypot(forward, strafe);
      const step = (WALK_SPEED * dt) / length;
      const sin = Math.sin(player.yaw);
      const cos = Math.cos(player.yaw);
      // yaw 0 looks towards -z; +x is to the right.
      player.tryMove((-sin * forward + cos * strafe) * step, (-cos * forward - sin * strafe) * step);
    } else if (player.walkTarget) {
      const dx = player.walkTarget.x - player.x;
      const dz = player.walkTarget.z - player.z;
      const distance = Math.hypot(dx, dz);
      if (distance < ARRIVED_M) player.walkTarget = null;
      else {
        const step = Math.min(distance, WALK_SPEED * dt);
        if (!player.tryMove((dx / distance) * step, (dz / distance) * step)) player.walkTarget = null;
      }
    }

    camera.position.set(player.x, player.eyeY, player.z);
    camera.rotation.set(player.pitch, player.yaw, 0, "YXZ");
  });

  return null;
}
