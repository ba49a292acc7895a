import type { ReactNode } from "react";
import { LanguagePicker } from "../i18n/LanguagePicker";
import { useT } from "../i18n/locale";
import { ACCESSIBILITY_PATH } from "../app/route";

/** The frame of every page outside the 3D space: brand, language, content, privacy note. */
export function PageShell({ children, narrow = false }: { children: ReactNode; narrow?: boolean }) {
  const t = useT();
  return (
    <div className="page">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="page__header">
        <div className="brand">
          <img src="/favicon.svg" alt="" />
          <div>
            <div className="brand__name">{t("app.name")}</div>
            <div className="brand__tagline">{t("app.tagline")}</div>
          </div>
        </div>
        <LanguagePicker compact />
      </header>
      <main id="main" className={narrow ? "card card--narrow" : "page__main"}>
        {children}
      </main>
      <footer className="page__footer">
        <p>{t("home.privacy")}</p>
        <p>
          <a href={ACCESSIBILITY_PATH}>{t("a11y.link")}</a>
        </p>
      </footer>
    </div>
  );
}
