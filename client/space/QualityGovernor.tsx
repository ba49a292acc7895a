import { useRef } from "react";
import { useFrame } from "@react-three/fiber";
import { useXRMode } from "../xr/xr-mode";
import { useQuality } from "./quality-store";
import { frameIsContinuation } from "./render-demand";

/** Frames right after the canvas starts compile shaders and load fonts: not typical, so not measured. */
const SETTLE_MS = 1500;
/** Length of one measuring window. */
const WINDOW_MS = 2000;

/**
 * Measures the time between frames, on entry and while running, and hands each window to the quality
 * tier rules. Not in a headset: the XR session sets its own frame rate and framebuffer.
 */
export function QualityGovernor() {
  const presenting = useXRMode((s) => s.presenting);
  const measuring = useRef({ started: performance.now(), last: 0, intervals: [] as number[] });
  useFrame(() => {
    const now = performance.now();
    const w = measuring.current;
    if (presenting) {
      w.started = now;
      w.last = 0;
      w.intervals.length = 0;
      return;
    }
    if (now - w.started < SETTLE_MS) {
      w.last = now;
      return;
    }
    // The view draws on demand: the time since a frame drawn before an idle pause is not a frame time.
    if (w.last > 0 && frameIsContinuation()) w.intervals.push(now - w.last);
    w.last = now;
    // Very slow frames need more than one window's time to give enough intervals to judge.
    if (now - w.started < SETTLE_MS + WINDOW_MS || w.intervals.length < 5) return;
    useQuality.getState().measured(w.intervals);
    w.started = now - SETTLE_MS;
    w.intervals.length = 0;
  });
  return null;
}
