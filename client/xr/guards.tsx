import type { ReactNode } from "react";
import { useXRMode } from "./xr-mode";

/**
 * Session-mode guards: the one place that decides what runs on a flat screen and what in a headset.
 * Components stay free of "if in VR" checks; wrap them instead.
 */
export function DesktopOnly({ children }: { children?: ReactNode }) {
  return useXRMode((s) => s.presenting) ? null : <>{children}</>;
}

export function VROnly({ children }: { children?: ReactNode }) {
  return useXRMode((s) => s.presenting) ? <>{children}</> : null;
}

/** Renders its children only in browsers that can enter immersive VR (so nothing XR loads elsewhere). */
export function IfVRSupported({ children }: { children?: ReactNode }) {
  return useXRMode((s) => s.supported) ? <>{children}</> : null;
}
