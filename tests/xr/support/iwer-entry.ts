/**
 * Built into a classic script (see iwer.ts) and run in a test page before the app: a bare emulated
 * Meta Quest 3 (iwer, no dev UI, no room scan) replaces navigator.xr, and the test drives it through
 * `window.__xrDevice`.
 */
import { XRDevice, metaQuest3 } from "iwer";
import "./iwer-entry-types";

const device = new XRDevice(metaQuest3, { stereoEnabled: window.__xrStereo ?? false });
device.installRuntime({ forceInstall: true });
window.__xrDevice = device;
