import { useState } from "react";
import { useT } from "../i18n/locale";

const SEEN_KEY = "yhteistila.moveHintSeen";

/** How to move, shown on first entry and again on request; remembered once dismissed. */
export function MoveHint() {
  const t = useT();
  const [open, setOpen] = useState(() => localStorage.getItem(SEEN_KEY) !== "1");
  if (!open) {
    return (
      <button type="button" className="hint-toggle" onClick={() => setOpen(true)}>
        {t("hint.show")}
      </button>
    );
  }
  return (
    <section className="hint" aria-labelledby="move-hint-heading">
      <h2 id="move-hint-heading">{t("hint.heading")}</h2>
      <ul>
        <li>{t("hint.keys")}</li>
        <li>{t("hint.look")}</li>
        <li>{t("hint.click")}</li>
        <li>{t("hint.touch")}</li>
      </ul>
      <button
        type="button"
        className="button--primary"
        onClick={() => {
          localStorage.setItem(SEEN_KEY, "1");
          setOpen(false);
        }}
      >
        {t("hint.dismiss")}
      </button>
    </section>
  );
}
