import "./methods.css";
import { useEffect, useId, useMemo, useState } from "react";
import { isMessageKey, translate } from "../../shared/i18n";
import type { Locale, MethodsState } from "../../shared/protocol";
import type { Plan, PlanStep } from "../../shared/methods/plan";
import { checkStepForPeople, describePlanIssue, duplicatePlan, validatePlan } from "../../shared/methods/rules";
import { TEMPLATE_IDS, TEMPLATES, templatePlan, type TemplateId } from "../../shared/methods/templates";
import { useLocaleStore, useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { useSessionStore } from "../session/session-store";
import { serverTime } from "../timers/server-clock";
import { Field } from "../ui/Field";
import { useMethodsStore, type MethodsRefusal } from "./methods-store";
import { NowCountdown } from "./NowCard";
import { extendStep, nextStep, previousStep } from "./actions";
import { PlanFile } from "./PlanFile";
import { savePlan } from "./save-plan";
import { forgetOwnTemplate, saveOwnTemplate, useOwnTemplates } from "./own-templates";
import { StepEditor } from "./StepEditor";
import { clockTime, groupingLabel, minutes, newPlanId, stepRows } from "./plan-view";

const EXTENDS = [1, 5] as const;

/** Participants present now: the people a step groups. */
function useParticipantCount(): number {
  const people = useSessionStore((s) => s.people);
  return useMemo(() => Object.values(people).filter((p) => p.role === "participant" && p.connected).length, [people]);
}

/** The server's time, refreshed every `ms` (the list's clock times move while nothing runs). */
function useServerNow(ms: number): number {
  const [now, setNow] = useState(serverTime);
  useEffect(() => {
    const interval = setInterval(() => setNow(serverTime()), ms);
    return () => clearInterval(interval);
  }, [ms]);
  return now;
}

/** Why the server refused, in words: the plan rule it named (with its figures where we can find them), else the code. */
function refusalText(locale: Locale, refusal: MethodsRefusal, state: MethodsState, participants: number): string {
  const detail = refusal.detail;
  if (detail && isMessageKey(detail)) {
    // The server names the rule; the figures (how many people a step needs) come from the same rule run here.
    const plan = state.plan;
    const index = refusal.command === "methods.step.next" ? state.step + 1 : state.step;
    const local =
      plan && index >= 0 ? checkStepForPeople(plan, index, participants).find((i) => i.key === detail) : null;
    return local ? describePlanIssue(locale, local) : translate(locale, detail);
  }
  return translate(locale, `errors.${refusal.code}`);
}

function RunControls({ state, plan }: { state: MethodsState; plan: Plan }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const connection = useConnection();
  const id = useId();
  const refusal = useMethodsStore((s) => s.refusal);
  const participants = useParticipantCount();
  const step = state.step;
  const last = step >= plan.steps.length - 1;
  const upcoming = last ? null : checkStepForPeople(plan, step + 1, participants)[0];
  const current = state.current;
  return (
    <section className="facilitate__section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t("methods.panel.runHeading")}</h3>
      {current ? (
        <div className="methods__current">
          <p className="methods__step-of">{t("methods.panel.stepOf", { n: step + 1, count: plan.steps.length })}</p>
          <div className="banner__row">
            <strong>{current.title}</strong>
            <NowCountdown state={state} label={current.title} />
          </div>
        </div>
      ) : (
        <p className="help">{t("methods.panel.notStarted")}</p>
      )}
      <div className="button-row">
        <button type="button" disabled={step < 0} onClick={() => previousStep({ connection })}>
          {t("methods.panel.back")}
        </button>
        <button
          type="button"
          className="button--primary"
          disabled={last}
          aria-describedby={upcoming ? `${id}-upcoming` : undefined}
          onClick={() => nextStep({ connection })}
        >
          {step < 0 ? t("methods.panel.start") : t("methods.panel.next")}
        </button>
        {EXTENDS.map((n) => (
          <button
            key={n}
            type="button"
            disabled={step < 0}
            aria-label={t("methods.panel.extendLabel", { n })}
            onClick={() => extendStep({ connection }, n)}
          >
            {t("methods.panel.extend", { n })}
          </button>
        ))}
      </div>
      {last && <p className="help">{t("methods.panel.finished")}</p>}
      {upcoming && (
        <p className="help" id={`${id}-upcoming`}>
          {describePlanIssue(locale, upcoming)}
        </p>
      )}
      {state.zonesShort && (
        <p className="notice" role="status">
          {t("methods.panel.zonesShort", state.zonesShort)}
        </p>
      )}
      {refusal && (
        <p className="error-text" role="alert">
          {t("methods.panel.refused", { reason: refusalText(locale, refusal, state, participants) })}
        </p>
      )}
    </section>
  );
}

function StepItem({
  step,
  index,
  row,
  locale,
  onEdit,
}: {
  step: PlanStep;
  index: number;
  row: ReturnType<typeof stepRows>["rows"][number];
  locale: Locale;
  onEdit: (() => void) | null;
}) {
  const t = useT();
  return (
    <li
      className={`methods__step methods__step--${row.status}`}
      aria-current={row.status === "current" ? "step" : undefined}
      data-step={index}
    >
      <div className="methods__step-head">
        <span className="methods__step-title">
          {index + 1}. {step.title}
        </span>
        {row.status === "current" && <span className="badge badge--ok">{t("methods.panel.current")}</span>}
        {row.status === "done" && <span className="badge badge--muted">{t("methods.panel.done")}</span>}
      </div>
      <p className="methods__step-meta">
        {/* A past step's times would be guesses (the server keeps only the current start); its length is not. */}
        {row.status !== "done" && (
          <span>
            {clockTime(locale, row.startsAt)}–{clockTime(locale, row.endsAt)}
          </span>
        )}
        <span>{minutes(t, step.durationSeconds)}</span>
        <span>{groupingLabel(t, step.grouping)}</span>
      </p>
      {onEdit && (
        <button
          type="button"
          className="button--quiet methods__edit"
          aria-label={t("methods.panel.editStep", { n: index + 1 })}
          onClick={onEdit}
        >
          {t("methods.panel.edit")}
        </button>
      )}
    </li>
  );
}

function StepList({ state, plan }: { state: MethodsState; plan: Plan }) {
  const t = useT();
  const id = useId();
  const locale = useLocaleStore((s) => s.locale);
  const now = useServerNow(15_000);
  const [editing, setEditing] = useState<number | null>(null);
  const { rows, plannedEnd, totalSeconds } = stepRows(plan, state, now);
  // A plan is edited before it runs: saving a plan starts its run over.
  const editable = state.step < 0;
  return (
    <section className="facilitate__section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{plan.title}</h3>
      <p className="methods__total">
        {t("methods.panel.total", { duration: minutes(t, totalSeconds), time: clockTime(locale, plannedEnd) })}
      </p>
      {state.step < 0 && <p className="help">{t("methods.panel.ifStartedNow")}</p>}
      <ol className="methods__steps" aria-label={t("methods.panel.steps")}>
        {plan.steps.map((step, i) =>
          editing === i && editable ? (
            <StepEditor key={step.id} plan={plan} index={i} onClose={() => setEditing(null)} />
          ) : (
            <StepItem
              key={step.id}
              step={step}
              index={i}
              row={rows[i]!}
              locale={locale}
              onEdit={editable ? () => setEditing(i) : null}
            />
          ),
        )}
      </ol>
      {!editable && <p className="help">{t("methods.panel.editBeforeRun")}</p>}
      <SaveAsOwn plan={plan} />
    </section>
  );
}

/** Keeps the session's plan as one of the facilitator's own templates, to start from another time. */
function SaveAsOwn({ plan }: { plan: Plan }) {
  const t = useT();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="methods__own-save">
      <button
        type="button"
        onClick={() => {
          saveOwnTemplate(plan);
          setSaved(plan.title);
        }}
      >
        {t("methods.own.save")}
      </button>
      <p className="help" role="status">
        {saved !== null && t("methods.own.saved", { title: saved })}
      </p>
    </div>
  );
}

/** The facilitator's own templates (kept by this browser): use one, or remove it. */
function OwnTemplates() {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const list = useOwnTemplates((s) => s.list);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (list.length === 0) return null;
  const own = list.find((o) => o.plan.id === chosen) ?? list[0]!;
  return (
    <section className="facilitate__section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t("methods.own.heading")}</h3>
      <Field label={t("methods.own.label")} help={t("methods.own.help")} error={error}>
        {(control) => (
          <select {...control} value={own.plan.id} onChange={(e) => setChosen(e.target.value)}>
            {list.map((o) => (
              <option key={o.plan.id} value={o.plan.id}>
                {t("methods.own.option", { title: o.plan.title, n: o.plan.steps.length })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="button-row">
        <button
          type="button"
          onClick={() => {
            setError(null);
            // A copy with fresh ids: the template stays as it was whatever the session does with its plan.
            savePlan(connection, duplicatePlan(own.plan, newPlanId), t, setError);
          }}
        >
          {t("methods.own.use")}
        </button>
        <button type="button" className="button--quiet" onClick={() => forgetOwnTemplate(own.plan.id)}>
          {t("methods.own.remove")}
        </button>
      </div>
    </section>
  );
}

function TemplatePicker({ hasPlan }: { hasPlan: boolean }) {
  const t = useT();
  const id = useId();
  const locale = useLocaleStore((s) => s.locale);
  const connection = useConnection();
  const [chosen, setChosen] = useState<TemplateId>("oneTwoFourAll");
  const [error, setError] = useState<string | null>(null);
  const use = () => {
    setError(null);
    const plan = templatePlan(chosen, locale, newPlanId);
    // Built-in templates are valid by construction; checked anyway, so a broken one says so here.
    const issue = validatePlan(plan)[0];
    if (issue) setError(describePlanIssue(locale, issue));
    else savePlan(connection, plan, t, setError);
  };
  return (
    <section className="facilitate__section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t("methods.panel.templateHeading")}</h3>
      <Field
        label={t("methods.panel.template")}
        help={`${t(TEMPLATES[chosen].summary)}${hasPlan ? ` ${t("methods.panel.replaceHelp")}` : ""}`}
        error={error}
      >
        {(control) => (
          <select {...control} value={chosen} onChange={(e) => setChosen(e.target.value as TemplateId)}>
            {TEMPLATE_IDS.map((tid) => (
              <option key={tid} value={tid}>
                {t(TEMPLATES[tid].name)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="button" className={hasPlan ? undefined : "button--primary"} onClick={use}>
        {t("methods.panel.use")}
      </button>
    </section>
  );
}

/**
 * The facilitator's Method tab: the session's plan with its steps and times, Next / Back / Extend,
 * a built-in method to start from, and the plan as a file.
 */
export function MethodPanel() {
  const t = useT();
  const state = useMethodsStore((s) => s.state);
  const plan = state?.plan ?? null;
  return (
    <div className="facilitate methods">
      {state && plan ? (
        <>
          <RunControls state={state} plan={plan} />
          <StepList state={state} plan={plan} />
        </>
      ) : (
        <p className="help methods__empty">{t("methods.panel.noPlan")}</p>
      )}
      <TemplatePicker hasPlan={plan !== null} />
      <OwnTemplates />
      <PlanFile plan={plan} />
    </div>
  );
}
