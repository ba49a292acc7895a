import { useId, useState } from "react";
import { useT } from "../i18n/locale";

/** A read-only link with a Copy button that confirms, for people who share links by pasting. */
export function CopyField({ label, value, help }: { label: string; value: string; help?: string }) {
  const t = useT();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Clipboard access can be refused (insecure origin); selecting the text lets people copy by hand.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      return;
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="link-field">
        <input id={id} readOnly value={value} onFocus={(e) => e.target.select()} aria-describedby={`${id}-help`} />
        <button type="button" onClick={copy} aria-live="polite">
          {copied ? t("home.copied") : t("home.copy")}
        </button>
      </div>
      {help && (
        <span id={`${id}-help`} className="help">
          {help}
        </span>
      )}
    </div>
  );
}
