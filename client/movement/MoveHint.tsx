import { create } from "zustand";
import { useT } from "../i18n/locale";

const SEEN_KEY = "yhteistila.moveHintSeen";

/** Whether the hint is open: on first entry, and again on request from the control dock. */
export const useMoveHint = create<{ open: boolean; setOpen(open: boolean): void }>((set) => ({
  open: typeof localStorage !== "undefined" && localStorage.getItem(SEEN_KEY) !== "1",
  setOpen: (open) => {
    if (!open) localStorage.setItem(SEEN_KEY, "1");
    set({ open });
  },
}));

/** How to move, shown above the control dock; remembered once dismissed. */
export function MoveHint() {
  const t = useT();
  const open = useMoveHint((s) => s.open);
  const setOpen = useMoveHint((s) => s.setOpen);
  if (!open) return null;
  return (
    <section className="hint" aria-labelledby="move-hint-heading">
      <h2 id="move-hint-heading">{t("hint.heading")}</h2>
      <ul>
        <li>{t("hint.keys")}</li>
        <li>{t("hint.look")}</li>
        <li>{t("hint.click")}</li>
        <li>{t("hint.touch")}</li>
      </ul>
      <button type="button" className="button--primary" onClick={() => setOpen(false)}>
        {t("hint.dismiss")}
      </button>
    </section>
  );
}
