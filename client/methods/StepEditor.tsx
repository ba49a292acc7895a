import { useId, useState, type FormEvent } from "react";
import { PLAN_LIMITS, type Plan } from "../../shared/methods/plan";
import { describePlanIssue, validatePlan } from "../../shared/methods/rules";
import { useLocaleStore, useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { Field, NumberField } from "../ui/Field";
import { savePlan } from "./save-plan";

const MIN_MINUTES = PLAN_LIMITS.duration.min / 60;
const MAX_MINUTES = PLAN_LIMITS.duration.max / 60;

/** One step of the plan as a small form: its title, prompt and duration; Save stores the whole plan. */
export function StepEditor({ plan, index, onClose }: { plan: Plan; index: number; onClose: () => void }) {
  const t = useT();
  const id = useId();
  const locale = useLocaleStore((s) => s.locale);
  const connection = useConnection();
  const step = plan.steps[index]!;
  const [title, setTitle] = useState(step.title);
  const [prompt, setPrompt] = useState(step.prompt);
  const [duration, setDuration] = useState(step.durationSeconds / 60);
  const [error, setError] = useState<string | null>(null);

  const titleError = title.trim() === "" ? t("methods.file.missing") : null;
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (titleError) return;
    const seconds = Math.round(Math.min(MAX_MINUTES, Math.max(MIN_MINUTES, duration)) * 60);
    const next: Plan = {
      ...plan,
      steps: plan.steps.map((s, i) =>
        i === index ? { ...s, title: title.trim(), prompt: prompt.trim(), durationSeconds: seconds } : s,
      ),
    };
    const issue = validatePlan(next)[0];
    if (issue) return setError(describePlanIssue(locale, issue));
    if (savePlan(connection, next, t, setError)) onClose();
  };

  return (
    <li className="methods__step methods__step--editing">
      <form onSubmit={save} aria-labelledby={`${id}-heading`}>
        <h4 id={`${id}-heading`}>{t("methods.panel.editStep", { n: index + 1 })}</h4>
        <Field label={t("methods.panel.titleLabel")} error={titleError}>
          {(control) => (
            <input
              {...control}
              value={title}
              maxLength={PLAN_LIMITS.stepTitle}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("methods.panel.promptLabel")}>
          {(control) => (
            <textarea
              {...control}
              rows={4}
              value={prompt}
              maxLength={PLAN_LIMITS.prompt}
              onChange={(e) => setPrompt(e.target.value)}
            />
          )}
        </Field>
        <NumberField
          label={t("methods.panel.durationMinutes")}
          value={duration}
          min={MIN_MINUTES}
          max={MAX_MINUTES}
          step={0.5}
          onChange={setDuration}
          className="field--number"
        />
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button--primary" disabled={titleError !== null}>
            {t("methods.panel.save")}
          </button>
          <button type="button" onClick={onClose}>
            {t("methods.panel.cancel")}
          </button>
        </div>
      </form>
    </li>
  );
}
