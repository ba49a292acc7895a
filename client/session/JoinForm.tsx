import { useId, useState, type FormEvent } from "react";
import { SwatchPicker } from "../ui/SwatchPicker";
import { AVATAR_COLORS } from "../../shared/avatars/palette";
import { DISPLAY_NAME_MAX, ORGANISATION_MAX } from "../../shared/protocol/common";
import { LanguagePicker } from "../i18n/LanguagePicker";
import { useT } from "../i18n/locale";
import { loadProfile, saveProfile } from "./profile";

export interface JoinChoice {
  name: string;
  color: number;
  /** "" when not given. */
  organisation: string;
  observer: boolean;
}

/** Name, colour, language: the only three things anyone needs before entering. */
export function JoinForm(props: {
  title: string;
  asFacilitator: boolean;
  busy: boolean;
  error: string | null;
  onJoin(choice: JoinChoice): void;
}) {
  const t = useT();
  const nameId = useId();
  const [profile] = useState(loadProfile);
  const [name, setName] = useState(profile.name);
  const [color, setColor] = useState(profile.color);
  const [organisation, setOrganisation] = useState(profile.organisation);
  const [observer, setObserver] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    saveProfile({ name: name.trim(), color, organisation: organisation.trim() });
    props.onJoin({ name: name.trim(), color, organisation: organisation.trim(), observer });
  };

  return (
    <form onSubmit={submit} aria-labelledby="join-heading">
      <h1 id="join-heading">{t("join.heading", { title: props.title })}</h1>
      {props.asFacilitator && <p className="notice">{t("join.asFacilitator")}</p>}
      <div className="field">
        <label htmlFor={nameId}>{t("join.nameLabel")}</label>
        <input
          id={nameId}
          name="name"
          autoComplete="name"
          required
          maxLength={DISPLAY_NAME_MAX}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-describedby={`${nameId}-help`}
          autoFocus
        />
        <span id={`${nameId}-help`} className="help">
          {t("join.nameHelp")}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${nameId}-organisation`}>{t("join.organisationLabel")}</label>
        <input
          id={`${nameId}-organisation`}
          name="organization"
          autoComplete="organization"
          maxLength={ORGANISATION_MAX}
          value={organisation}
          onChange={(e) => setOrganisation(e.target.value)}
          aria-describedby={`${nameId}-organisation-help`}
        />
        <span id={`${nameId}-organisation-help`} className="help">
          {t("join.organisationHelp")}
        </span>
      </div>
      <SwatchPicker
        legend={t("join.colorLabel")}
        name="color"
        swatches={AVATAR_COLORS}
        value={color}
        onChange={setColor}
      />
      <LanguagePicker />
      {!props.asFacilitator && (
        <label className="checkbox field">
          <input type="checkbox" checked={observer} onChange={(e) => setObserver(e.target.checked)} />
          <span>{t("join.observer")}</span>
        </label>
      )}
      {props.error && (
        <p className="error-text" role="alert">
          {props.error}
        </p>
      )}
      <button type="submit" className="button--primary" disabled={props.busy || name.trim().length === 0}>
        {props.busy ? t("join.joining") : t("join.submit")}
      </button>
    </form>
  );
}
