import type { XRDevice } from "iwer";

/** What the emulated-headset script (iwer-entry.ts) leaves on the page's window. */
declare global {
  interface Window {
    __xrDevice?: XRDevice;
    __xrStereo?: boolean;
  }
}
