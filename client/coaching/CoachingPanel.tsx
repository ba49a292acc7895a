import { useState, type FormEvent } from "react";
import { OBSERVATION_MAX, WHISPER_MAX } from "../../shared/protocol/constants";
import { useLocaleStore, useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { Field } from "../ui/Field";
import { useCoachingStore } from "./coaching-store";
import { CoachVoice } from "./CoachVoice";
import "./coaching.css";

function clock(at: number, locale: string): string {
  return new Date(at).toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
}

/** A one-line form that sends its text and empties itself. */
function SendForm({
  label,
  submit,
  max,
  onSend,
}: {
  label: string;
  submit: string;
  max: number;
  onSend(text: string): void;
}) {
  const [text, setText] = useState("");
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    onSend(text);
    setText("");
  };
  return (
    <form className="coaching-form" onSubmit={send}>
      <Field label={label}>
        {(control) => (
          <textarea {...control} rows={2} value={text} maxLength={max} onChange={(e) => setText(e.target.value)} />
        )}
      </Field>
      <div className="dialog__actions">
        <button type="submit" className="button--primary" disabled={!text.trim()}>
          {submit}
        </button>
      </div>
    </form>
  );
}

/**
 * Coaching, for the coach and the facilitators: the whispers (the coach writes them, facilitators
 * read them) and the coach's time-stamped observations, which only these two roles ever receive.
 */
export function CoachingPanel() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const connection = useConnection();
  const isCoach = useCoachingStore((s) => s.isCoach);
  const whispers = useCoachingStore((s) => s.whispers);
  const observations = useCoachingStore((s) => s.observations);
  return (
    <div className="coaching-panel">
      {isCoach && <p className="help">{t("coaching.youAreCoach")}</p>}
      {isCoach && <CoachVoice />}
      <section aria-labelledby="coaching-whispers">
        <h3 id="coaching-whispers">{t("coaching.whispers")}</h3>
        <ul className="coaching-list" data-testid="whisper-list">
          {whispers.length === 0 && <li className="help">{t("coaching.noWhispers")}</li>}
          {whispers.map((w) => (
            <li key={w.id}>
              <time dateTime={new Date(w.at).toISOString()}>{clock(w.at, locale)}</time>
              <strong>{w.from}:</strong> {w.text}
            </li>
          ))}
        </ul>
        {isCoach && (
          <SendForm
            label={t("coaching.whisperLabel")}
            submit={t("coaching.whisperSend")}
            max={WHISPER_MAX}
            onSend={(text) => connection.send("coaching.whisper", { text })}
          />
        )}
      </section>
      <section aria-labelledby="coaching-observations">
        <h3 id="coaching-observations">{t("coaching.observations")}</h3>
        <p className="help">{t("coaching.observationsPrivate")}</p>
        <ul className="coaching-list" data-testid="observation-list">
          {observations.length === 0 && <li className="help">{t("coaching.noObservations")}</li>}
          {observations.map((o) => (
            <li key={o.id}>
              <time dateTime={new Date(o.at).toISOString()}>{clock(o.at, locale)}</time>
              {o.text} <span className="help">– {o.author}</span>
            </li>
          ))}
        </ul>
        {isCoach && (
          <SendForm
            label={t("coaching.observationLabel")}
            submit={t("coaching.observationSave")}
            max={OBSERVATION_MAX}
            onSend={(text) => connection.send("coaching.observe", { text })}
          />
        )}
      </section>
    </div>
  );
}
