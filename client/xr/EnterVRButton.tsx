import { useEffect } from "react";
import { useT } from "../i18n/locale";
import { detectVRSupport, useXRMode } from "./xr-mode";

/**
 * "Enter VR" in the top bar: asks the browser once whether immersive VR is possible and appears only
 * where it is (a headset's browser, a PC with a headset). While in VR it offers the way back, for a
 * PC headset whose page stays on the monitor.
 */
export function EnterVRButton() {
  const t = useT();
  const supported = useXRMode((s) => s.supported);
  const ready = useXRMode((s) => s.ready);
  const presenting = useXRMode((s) => s.presenting);
  useEffect(() => void detectVRSupport(), []);
  if (!supported || !ready) return null;
  return (
    <button
      type="button"
      className={presenting ? undefined : "button--primary"}
      onClick={() => (presenting ? useXRMode.getState().exit() : useXRMode.getState().enter())}
    >
      {t(presenting ? "xr.exit" : "xr.enter")}
    </button>
  );
}
