import { useT } from "../i18n/locale";
import { setOverhead, useOverhead } from "./overhead-store";

/** While the view is from above, says so and offers the way back (the Balcony panel may be closed). */
export function OverheadNotice() {
  const t = useT();
  const on = useOverhead((s) => s.on);
  if (!on) return null;
  return (
    <div className="toast overhead-notice" role="status">
      <span>{t("balcony.viewingFromAbove")}</span>
      <button type="button" onClick={() => setOverhead(false)}>
        {t("balcony.eyeLevel")}
      </button>
    </div>
  );
}
