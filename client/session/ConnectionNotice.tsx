import { useT } from "../i18n/locale";
import { useSessionStore } from "./session-store";

/** A spoken, visible note while the connection is being restored. */
export function ReconnectingNotice() {
  const t = useT();
  const status = useSessionStore((s) => s.status);
  if (status !== "reconnecting") return null;
  return (
    <div className="status-pill" role="status" aria-live="assertive">
      {t("status.reconnecting")}
    </div>
  );
}

/** Says why the session is over for this person (ended, removed, left, failed) and offers the way back. */
export function ClosedOverlay({ onRejoin }: { onRejoin(): void }) {
  const t = useT();
  const status = useSessionStore((s) => s.status);
  const reason = useSessionStore((s) => s.closedReason);
  if (status !== "closed") return null;
  const message =
    reason === "ended"
      ? t("status.ended")
      : reason === "deleted"
        ? t("status.deleted")
        : reason === "removed"
          ? t("status.removed")
          : reason === "coach_revoked"
            ? t("coaching.revoked")
            : reason === "left"
              ? t("status.disconnected")
              : t("status.failed");
  return (
    <div className="overlay-center" role="alertdialog" aria-labelledby="closed-message">
      <div className="card card--narrow">
        <p id="closed-message">{message}</p>
        <div className="dialog__actions">
          <a className="button" href="/">
            {t("notFound.home")}
          </a>
          {reason !== "ended" && reason !== "deleted" && reason !== "coach_revoked" && (
            <button type="button" className="button--primary" onClick={onRejoin} autoFocus>
              {t("status.rejoin")}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
