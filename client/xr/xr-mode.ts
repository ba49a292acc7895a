import { create } from "zustand";

/**
 * Whether this browser can enter immersive VR and whether it is in it, readable everywhere without
 * loading any XR code: the XR layer (XRScene, loaded lazily and only where VR is supported) writes it.
 */
interface XRMode {
  /** null until the browser has answered. */
  supported: boolean | null;
  /** The XR layer is loaded and mounted, so `enter` works. */
  ready: boolean;
  /** In an immersive VR session right now. */
  presenting: boolean;
  enter(): void;
  exit(): void;
  /**
   * In VR, hops to `spot` (a teleport the server checks) and turns to face `lookAt`: how things in
   * the room (the marketplace wall's "Go there") move a person in a headset.
   */
  jumpTo(spot: { x: number; z: number } | null, lookAt: { x: number; z: number }): void;
}

const idle = { enter: () => undefined, exit: () => undefined, jumpTo: () => undefined };

export const useXRMode = create<XRMode>(() => ({ supported: null, ready: false, presenting: false, ...idle }));

export const xrModeActions = {
  /** Called by the XR layer once mounted, with the verbs of its store. */
  attach(verbs: Pick<XRMode, "enter" | "exit" | "jumpTo">) {
    useXRMode.setState({ ready: true, ...verbs });
  },
  detach() {
    useXRMode.setState({ ready: false, presenting: false, ...idle });
  },
  setPresenting(presenting: boolean) {
    useXRMode.setState({ presenting });
  },
};

/** Asks the browser once whether immersive VR is possible here (a headset, or an emulator in tests). */
export async function detectVRSupport(): Promise<boolean> {
  const { supported } = useXRMode.getState();
  if (supported !== null) return supported;
  let answer = false;
  try {
    answer = (await navigator.xr?.isSessionSupported("immersive-vr")) ?? false;
  } catch {
    // A permissions policy or an insecure origin refuses the question: no VR here.
    answer = false;
  }
  useXRMode.setState({ supported: answer });
  return answer;
}
