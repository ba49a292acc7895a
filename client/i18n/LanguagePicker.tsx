import { useId } from "react";
import { LOCALES, type Locale } from "../../shared/protocol/constants";
import { useLocaleStore, useT } from "./locale";

/** A labelled select listing each language in its own name. */
export function LanguagePicker({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const id = useId();
  const locale = useLocaleStore((s) => s.locale);
  const setLocale = useLocaleStore((s) => s.setLocale);
  return (
    <div className={compact ? "field field--inline" : "field"}>
      <label htmlFor={id} className={compact ? "visually-hidden" : undefined}>
        {t("language.label")}
      </label>
      <select id={id} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
