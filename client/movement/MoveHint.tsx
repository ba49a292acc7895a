import { useEffect, useRef } from "react";
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
  const dismiss = useRef<HTMLButtonElement>(null);
  const shown = open && !voiceSetupOpen;
  // On arrival the microphone dialog closes with the focus on nothing (what opened it is gone): the
  // hint, the next thing to read, takes it, so a keyboard user is not left at the top of the page.
  // After a frame, as the dialog closes in the same render; its focused button may still hold the focus.
  useEffect(() => {
    if (!shown) return;
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (!active || active === document.body || active.closest("dialog:not([open])")) dismiss.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [shown]);
  if (!shown) return null;
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
      <button
        ref={dismiss}
        type="button"
        className="button--primary"
        onClick={(event) => {
          setOpen(false);
          // Pressed with a key (no pointer: detail 0), the focus goes to the dock's button that brings
          // the hint back, instead of being lost with this one.
          if (event.detail === 0) document.querySelector<HTMLElement>('[data-dock="hint"]')?.focus();
        }}
      >
        {t("hint.dismiss")}
      </button>
    </section>
  );
}
