import { useT } from "../i18n/locale";
import { dismissToast, useToastStore } from "./toast-store";

/** Short messages (errors from the server, reconnection) announced politely to screen readers. */
export function Toasts() {
  const t = useT();
  const toasts = useToastStore((s) => s.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast">
          <span>{t(toast.key, toast.params)}</span>
          <button type="button" onClick={() => dismissToast(toast.id)}>
            {t("errors.dismiss")}
          </button>
        </div>
      ))}
    </div>
  );
}
