import { useState, type FormEvent } from "react";
import { SwatchPicker } from "../ui/SwatchPicker";
import { AVATAR_COLORS } from "../../shared/avatars/palette";
import { checkDisplayName, checkOrganisation, type Checked, type TextProblem } from "../../shared/session/input";
import { Field } from "../ui/Field";
import { textProblemMessage } from "./input-errors";
import { LanguagePicker } from "../i18n/LanguagePicker";
import { useT } from "../i18n/locale";
import { loadProfile, saveProfile } from "./profile";
import type { HybridJoin, PhysicalRoomInfo } from "../../shared/protocol";
import { choiceOpen, JoinPlace } from "../hybrid/JoinPlace";

export interface JoinChoice {
  name: string;
  /** Undefined when not chosen: the server picks a colour few others wear. */
  color: number | undefined;
  /** "" when not given. */
  organisation: string;
  observer: boolean;
  /** Taking part from a physical room of the session; undefined = remote. */
  hybrid?: HybridJoin | undefined;
}

/** Name, colour, language: the only three things anyone needs before entering. */
export function JoinForm(props: {
  title: string;
  asFacilitator: boolean;
  /** The link carried a facilitator key that does not open this session. */
  facilitatorKeyInvalid?: boolean;
  busy: boolean;
  error: string | null;
  /** The session's physical rooms (the hybrid room): the form asks where the person takes part from. */
  physicalRooms?: readonly PhysicalRoomInfo[] | undefined;
  onJoin(choice: JoinChoice): void;
}) {
  const t = useT();
  const [profile] = useState(loadProfile);
  const [name, setName] = useState(profile.name);
  const [color, setColor] = useState(profile.color);
  const [organisation, setOrganisation] = useState(profile.organisation);
  const [observer, setObserver] = useState(false);
  const [hybrid, setHybrid] = useState<HybridJoin | undefined>(undefined);
  // A seat or a room device chosen while free may be taken before the person presses Enter (the page
  // asks again then): the choice falls back to remote rather than staying on an option that is now shut.
  if (hybrid && !choiceOpen(hybrid, props.physicalRooms ?? [])) setHybrid(undefined);

  // A field says why it is refused once the person has been in it (or tried to enter); the button
  // stays pressable so that pressing it explains rather than does nothing.
  const [touched, setTouched] = useState<Set<"name" | "organisation">>(() => new Set(name ? ["name"] : []));
  const touch = (field: "name" | "organisation") => setTouched((s) => new Set(s).add(field));
  const nameCheck = checkDisplayName(name);
  const organisationCheck = checkOrganisation(organisation);
  const shown = (check: Checked<string, TextProblem>, field: "name" | "organisation") =>
    !check.ok && (touched.has(field) || (field === "organisation" && organisation !== ""))
      ? textProblemMessage(t, check, "input.nameEmpty")
      : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(new Set(["name", "organisation"]));
    if (!nameCheck.ok || !organisationCheck.ok) {
      const form = event.currentTarget as HTMLFormElement;
      // After the refusal has rendered: the first refused field, with its reason read out.
      setTimeout(() => form.querySelector<HTMLInputElement>("[aria-invalid]")?.focus());
      return;
    }
    saveProfile({ name: nameCheck.value, color, organisation: organisationCheck.value });
    props.onJoin({ name: nameCheck.value, color, organisation: organisationCheck.value, observer, hybrid });
  };

  return (
    <form onSubmit={submit} aria-labelledby="join-heading">
      <h1 id="join-heading">{t("join.heading", { title: props.title })}</h1>
      {props.asFacilitator && <p className="notice">{t("join.asFacilitator")}</p>}
      {props.facilitatorKeyInvalid && (
        <div className="notice notice--warning" role="alert">
          <p>
            <strong>{t("join.keyInvalid")}</strong>
          </p>
          <p>{t("join.keyInvalidHelp")}</p>
        </div>
      )}
      <Field label={t("join.nameLabel")} help={t("join.nameHelp")} error={shown(nameCheck, "name")}>
        {(control) => (
          <input
            {...control}
            name="name"
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onBlur={() => touch("name")}
            autoFocus
          />
        )}
      </Field>
      <Field
        label={t("join.organisationLabel")}
        help={t("join.organisationHelp")}
        error={shown(organisationCheck, "organisation")}
      >
        {(control) => (
          <input
            {...control}
            name="organization"
            autoComplete="organization"
            value={organisation}
            onChange={(e) => setOrganisation(e.target.value)}
            onBlur={() => touch("organisation")}
          />
        )}
      </Field>
      <SwatchPicker
        legend={t("join.colorLabel")}
        help={color === undefined ? t("join.colorAutomatic") : undefined}
        name="color"
        swatches={AVATAR_COLORS}
        value={color}
        onChange={setColor}
      />
      <LanguagePicker />
      {props.physicalRooms && props.physicalRooms.length > 0 && !observer && (
        <JoinPlace rooms={props.physicalRooms} value={hybrid} onChange={setHybrid} />
      )}
      {!props.asFacilitator && !hybrid && (
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
      <button type="submit" className="button--primary" disabled={props.busy}>
        {props.busy ? t("join.joining") : t("join.submit")}
      </button>
    </form>
  );
}
