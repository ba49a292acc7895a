import { useEffect } from "react";
import { useThree } from "@react-three/fiber";
import { PerspectiveCamera } from "three";
import { wake } from "./render-demand";

/** The element that marks the part of the screen the side panel leaves free (see overlay.css). */
export const STAGE_ID = "stage";

/**
 * Puts the point the camera looks at in the middle of the part of the view the side panel leaves
 * free, not in the middle of the whole canvas: with the panel open on a laptop, a board straight ahead
 * was a third behind the panel. Only the projection shifts (nothing turns), so picking, name tags and
 * the headset view are unaffected; a phone's bottom sheet leaves the width free, so no shift there.
 */
export function FreeViewCentre() {
  const camera = useThree((s) => s.camera);
  const canvas = useThree((s) => s.gl.domElement);
  const size = useThree((s) => s.size);
  useEffect(() => {
    if (!(camera instanceof PerspectiveCamera)) return;
    let stage: HTMLElement | null = null;
    const update = () => {
      if (!stage) return;
      const view = canvas.getBoundingClientRect();
      const free = stage.getBoundingClientRect();
      // Half the covered width: a positive shift moves the picture left by that much.
      const shift = Math.max(0, view.right - Math.min(view.right, free.right)) / 2;
      if (shift < 1) camera.clearViewOffset();
      else camera.setViewOffset(size.width, size.height, shift, 0, size.width, size.height);
      // The projection changed without the camera moving: draw it (the view draws on demand).
      wake(0);
    };
    const observer = new ResizeObserver(update);
    // The overlay is drawn beside the canvas and may arrive a frame after it.
    let frame = 0;
    const attach = () => {
      stage = document.getElementById(STAGE_ID);
      if (!stage) {
        frame = requestAnimationFrame(attach);
        return;
      }
      observer.observe(stage);
      update();
    };
    attach();
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      camera.clearViewOffset();
    };
  }, [camera, canvas, size.width, size.height]);
  return null;
}
