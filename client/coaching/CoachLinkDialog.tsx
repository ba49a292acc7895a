import { useEffect, useId, useRef, useState } from "react";
import { linkSecretFor, linkWithSecret } from "../session/link-secrets";
import type { CoachLinkResponse } from "../../shared/protocol";
import { useT } from "../i18n/locale";
import { request } from "../session/api";
import { useSessionStore } from "../session/session-store";
import { showToast } from "../ui/toast-store";
import { useCoachingStore } from "./coaching-store";

/**
 * The facilitator's coach link: made on request (the server keeps only its hash, so the link is shown
 * here once and never again), copied from here; making a new one replaces the old, and withdrawing
 * it also sends away the coaches watching.
 */
export function CoachLinkDialog() {
  const t = useT();
  const id = useId();
  const open = useCoachingStore((s) => s.linkDialogOpen);
  const code = useSessionStore((s) => s.code);
  const dialog = useRef<HTMLDialogElement>(null);
  const [link, setLink] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (open) dialog.current?.showModal();
  }, [open]);
  if (!open) return null;

  const close = () => useCoachingStore.setState({ linkDialogOpen: false });
  const create = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const { coachSecret } = await request<CoachLinkResponse>(`/api/sessions/${encodeURIComponent(code)}/coach-link`, {
        method: "POST",
        headers: { authorization: `Bearer ${linkSecretFor("host", code) ?? ""}` },
      });
      setLink(linkWithSecret("coach", location.origin, code, coachSecret));
    } catch {
      setFailed(true);
    }
    setBusy(false);
  };
  const withdraw = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await request(`/api/sessions/${encodeURIComponent(code)}/coach-link`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${linkSecretFor("host", code) ?? ""}` },
      });
      setLink(null);
      showToast({ key: "coaching.withdrawn" });
    } catch {
      setFailed(true);
    }
    setBusy(false);
  };
  const copy = async () => {
    if (!link) return;
    await navigator.clipboard?.writeText(link).catch(() => undefined);
    showToast({ key: "coaching.copied" });
  };

  return (
    <dialog ref={dialog} onClose={close} aria-labelledby={`${id}-heading`} className="coach-link">
      <h2 id={`${id}-heading`}>{t("coaching.linkTitle")}</h2>
      <p className="help">{t("coaching.linkHelp")}</p>
      {link && (
        <div className="field">
          <label htmlFor={`${id}-link`}>{t("coaching.linkLabel")}</label>
          <input id={`${id}-link`} readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      {failed && (
        <p className="error" role="alert">
          {t("coaching.linkFailed")}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" onClick={close}>
          {t("coaching.close")}
        </button>
        {link && (
          <button type="button" onClick={() => void copy()}>
            {t("coaching.copy")}
          </button>
        )}
        <button type="button" className="button--danger" disabled={busy} onClick={() => void withdraw()}>
          {t("coaching.withdraw")}
        </button>
        <button type="button" className="button--primary" disabled={busy} onClick={() => void create()}>
          {link ? t("coaching.newLink") : t("coaching.createLink")}
        </button>
      </div>
    </dialog>
  );
}
