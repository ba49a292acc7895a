import { useState, type FormEvent } from "react";
import { linkWithSecret } from "./link-secrets";
import type { CreateSessionResponse } from "../../shared/protocol";
import { checkSessionTitle, parseJoinInput } from "../../shared/session/input";
import { Field } from "../ui/Field";
import { codeProblemMessage, textProblemMessage } from "./input-errors";
import { navigate, sessionPath } from "../app/route";
import { useT } from "../i18n/locale";
import { CopyField } from "../ui/CopyField";
import { PageShell } from "../ui/PageShell";
import { ApiError, createSession } from "./api";

function CreateSessionCard() {
  const t = useT();
  const [title, setTitle] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreateSessionResponse | null>(null);

  const [titleTouched, setTitleTouched] = useState(false);
  const titleCheck = checkSessionTitle(title);
  const titleError = titleCheck.ok ? undefined : textProblemMessage(t, titleCheck, "input.titleEmpty");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTitleTouched(true);
    if (!titleCheck.ok) return;
    setBusy(true);
    setError(null);
    try {
      setCreated(await createSession(titleCheck.value));
    } catch (e) {
      const code = e instanceof ApiError ? e.code : "network";
      setError(
        code === "rate_limited"
          ? t("errors.rate_limited")
          : code === "network"
            ? t("errors.network")
            : t("errors.invalid_payload"),
      );
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    const participantUrl = `${location.origin}${sessionPath(created.code)}`;
    const hostUrl = linkWithSecret("host", location.origin, created.code, created.facilitatorSecret);
    return (
      <section className="card" aria-labelledby="created-heading">
        <h1 id="created-heading">{t("home.createdHeading")}</h1>
        <p>
          <strong>{created.title}</strong>
        </p>
        <CopyField
          label={t("home.participantLink")}
          value={participantUrl}
          help={t("home.participantLinkHelp", { code: created.code })}
        />
        <CopyField label={t("home.facilitatorLink")} value={hostUrl} help={t("home.facilitatorLinkHelp")} />
        <a
          className="button button--primary"
          href={hostUrl}
          onClick={(e) => {
            e.preventDefault();
            navigate(hostUrl.slice(location.origin.length));
          }}
        >
          {t("home.openAsFacilitator")}
        </a>
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="create-heading">
      <h1 id="create-heading">{t("home.createHeading")}</h1>
      <p>{t("home.createIntro")}</p>
      <form onSubmit={submit}>
        <Field label={t("home.titleLabel")} error={titleTouched && !titleCheck.ok ? titleError : undefined}>
          {(control) => (
            <input
              {...control}
              name="title"
              value={title}
              placeholder={t("home.titlePlaceholder")}
              onChange={(e) => setTitle(e.target.value)}
              onBlur={() => setTitleTouched(title !== "")}
            />
          )}
        </Field>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button--primary" disabled={busy}>
          {busy ? t("home.creating") : t("home.create")}
        </button>
      </form>
    </section>
  );
}

function JoinByCodeCard() {
  const t = useT();
  const [code, setCode] = useState("");
  const [touched, setTouched] = useState(false);
  const parsed = parseJoinInput(code);
  const error = touched && !parsed.ok ? codeProblemMessage(t, parsed) : undefined;
  return (
    <section className="card" aria-labelledby="join-heading">
      <h2 id="join-heading">{t("home.joinHeading")}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (!parsed.ok) return;
          // A pasted facilitator link keeps its key (in the fragment, never sent to the server).
          const { code: target, host } = parsed.value;
          navigate(sessionPath(target) + (host ? `#host=${host}` : ""));
        }}
      >
        <Field label={t("home.codeLabel")} help={t("home.codeHelp")} error={error}>
          {(control) => (
            <input
              {...control}
              name="code"
              className="code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              placeholder="ABC-DEF-GHJ"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              onBlur={() => setTouched(code.trim() !== "")}
            />
          )}
        </Field>
        <button type="submit">{t("home.join")}</button>
      </form>
    </section>
  );
}

export function HomePage() {
  return (
    <PageShell>
      <CreateSessionCard />
      <JoinByCodeCard />
    </PageShell>
  );
}
