import { useEffect, useRef } from "react";
import { useFrame } from "@react-three/fiber";
import { Matrix4 } from "three";
import { useConnection } from "../session/connection-context";
import { useQuality } from "./quality-store";
import { countFrame, setContinuing, wake, wantsNextFrame } from "./render-demand";

/** The person's own input: any of these may move the view or point at something. */
const INPUT_EVENTS = ["keydown", "keyup", "pointerdown", "pointermove", "pointerup", "wheel"] as const;

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/**
 * Draws each frame itself (a positive useFrame priority turns R3F's own drawing off, and runs after
 * every other frame callback), then decides whether another frame is needed: the camera moved, an
 * animation asked, or a recent wake is still glowing (render-demand.ts). Mounted in the Canvas, whose
 * frameloop is "demand".
 */
export function FrameDriver() {
  const { room, nearPoses } = useConnection();
  const lastCamera = useRef(new Matrix4());
  const keysHeld = useRef(new Set<string>());

  useEffect(() => {
    const onState = () => wake();
    room.onStateChange(onState);
    // Poses are not in the state: someone moving, or the server moving us (a correction, a summon).
    const offPoses = nearPoses.onChange(() => wake());
    const onInput = (event: Event) => {
      if (event instanceof KeyboardEvent) {
        // Typing in a form (chat, a note) changes nothing in 3D: no need to redraw at every key.
        if (isEditable(event.target) && event.type === "keydown") return;
        if (event.type === "keydown") keysHeld.current.add(event.code);
        else if (event.type === "keyup") keysHeld.current.delete(event.code);
      } else if (event.type === "pointermove" || event.type === "wheel") {
        // Moving over the 2D panels does not touch the scene; over the canvas it may (hover, drag to look).
        // A press anywhere may (a card's button brings a board into view, a zone's button walks there).
        if (!(event.target instanceof HTMLCanvasElement)) return;
      }
      wake();
    };
    // A key released elsewhere (another window, a dialog) must not keep the view drawing for ever.
    const onBlur = () => keysHeld.current.clear();
    for (const type of INPUT_EVENTS) addEventListener(type, onInput, { passive: true });
    addEventListener("blur", onBlur);
    addEventListener("resize", onInput);
    // A new quality tier changes textures and materials: draw them.
    const offQuality = useQuality.subscribe(() => wake());
    return () => {
      room.onStateChange.remove(onState);
      offPoses();
      for (const type of INPUT_EVENTS) removeEventListener(type, onInput);
      removeEventListener("blur", onBlur);
      removeEventListener("resize", onInput);
      offQuality();
    };
  }, [room, nearPoses]);

  useFrame(({ gl, scene, camera }) => {
    gl.render(scene, camera);
    countFrame();
    const moved = !camera.matrixWorld.equals(lastCamera.current);
    lastCamera.current.copy(camera.matrixWorld);
    // A held key keeps walking (or pressing against a wall) without repeating its keydown.
    const next = wantsNextFrame(performance.now()) || moved || keysHeld.current.size > 0;
    // In a headset the XR session draws every frame whatever we ask.
    setContinuing(next || gl.xr.isPresenting);
    if (next) wake(0);
  }, 1);
  return null;
}
