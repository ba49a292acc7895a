import { create } from "zustand";
import { useT } from "../i18n/locale";
import { useMediaQuery } from "../ui/use-media-query";
import { useVoiceStore } from "../voice/voice-store";

/** Phones and tablets: their hint speaks of fingers, not keys and a mouse. */
const TOUCH_QUERY = "(pointer: coarse), (max-width: 640px)";

const SEEN_KEY = "yhteistila.moveHintSeen";

/** Whether the hint is open: on first entry, and again on request from the control dock. */
export const useMoveHint = create<{ open: boolean; setOpen(open: boolean): void }>((set) => ({
  open: typeof localStorage !== "undefined" && localStorage.getItem(SEEN_KEY) !== "1",
  setOpen: (open) => {
    if (!open) localStorage.setItem(SEEN_KEY, "1");
    set({ open });
  },
}));

/**
 * How to move, shown above the control dock; remembered once dismissed. It waits while the
 * microphone dialog is open, so arrival asks one thing at a time.
 */
export function MoveHint() {
  const t = useT();
  const open = useMoveHint((s) => s.open);
  const setOpen = useMoveHint((s) => s.setOpen);
  const voiceSetupOpen = useVoiceStore((s) => s.setupOpen);
  const touch = useMediaQuery(TOUCH_QUERY);
  if (!open || voiceSetupOpen) return null;
  return (
    <section className="hint" aria-labelledby="move-hint-heading">
      <h2 id="move-hint-heading">{t("hint.heading")}</h2>
      <ul>
        {touch ? (
          <>
            <li>{t("hint.touchLook")}</li>
            <li>{t("hint.touchWalk")}</li>
          </>
        ) : (
          <>
            <li>{t("hint.keys")}</li>
            <li>{t("hint.look")}</li>
            <li>{t("hint.click")}</li>
          </>
        )}
      </ul>
      <button type="button" className="button--primary" onClick={() => setOpen(false)}>
        {t("hint.dismiss")}
      </button>
    </section>
  );
}
