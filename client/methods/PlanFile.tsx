import { useId, useState } from "react";
import { PLAN_LIMITS, type Plan } from "../../shared/methods/plan";
import { exportPlanFile, parsePlanFile } from "../../shared/methods/rules";
import { useLocaleStore, useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { savePlan } from "./save-plan";

/** A file name from the plan's title: letters and digits kept (ä and å too), the rest dashes. */
function fileName(title: string): string {
  const slug = title
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "plan"}.json`;
}

function download(plan: Plan): void {
  const url = URL.createObjectURL(new Blob([exportPlanFile(plan)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName(plan.title);
  link.click();
  // The click has started the download; the address is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The plan as a JSON file: exported to keep or share, imported (checked, with reasons when refused). */
export function PlanFile({ plan }: { plan: Plan | null }) {
  const t = useT();
  const id = useId();
  const locale = useLocaleStore((s) => s.locale);
  const connection = useConnection();
  const [result, setResult] = useState<{ file: string; errors: string[] } | { imported: string } | null>(null);

  const importFile = async (file: File) => {
    const fail = (...errors: string[]) => setResult({ file: file.name, errors });
    // Too large is refused before reading it.
    if (file.size > PLAN_LIMITS.fileBytes) {
      return fail(t("methods.file.tooLarge", { kb: PLAN_LIMITS.fileBytes / 1024 }));
    }
    const parsed = parsePlanFile(await file.text(), locale);
    if (!parsed.ok) return fail(...parsed.errors);
    if (savePlan(connection, parsed.plan, t, (message) => fail(message))) {
      setResult({ imported: parsed.plan.title });
    }
  };

  return (
    <section className="facilitate__section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t("methods.panel.fileHeading")}</h3>
      {plan && (
        <div className="button-row">
          <button type="button" onClick={() => download(plan)}>
            {t("methods.panel.export")}
          </button>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-import`}>{t("methods.panel.import")}</label>
        <input
          id={`${id}-import`}
          type="file"
          accept=".json,application/json"
          aria-describedby={`${id}-import-help ${id}-import-result`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared, so choosing the same file again (after fixing it) is read again.
            e.target.value = "";
            if (file) void importFile(file);
          }}
        />
        <span className="help" id={`${id}-import-help`}>
          {t("methods.panel.importHelp")}
        </span>
        <div id={`${id}-import-result`} aria-live="polite">
          {result && "errors" in result && (
            <div className="methods__file-errors" role="alert">
              <p className="error-text">{t("methods.panel.importFailed", { file: result.file })}</p>
              <ul>
                {result.errors.map((error, i) => (
                  <li key={i}>{error}</li>
                ))}
              </ul>
            </div>
          )}
          {result && "imported" in result && (
            <p className="help">{t("methods.panel.imported", { title: result.imported })}</p>
          )}
        </div>
      </div>
    </section>
  );
}
