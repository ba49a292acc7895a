import { useId, useState, type FormEvent } from "react";
import type { CreateSessionResponse } from "../../shared/protocol";
import { normaliseSessionCode, SESSION_CODE_PATTERN, SESSION_TITLE_MAX } from "../../shared/protocol/common";
import { navigate } from "../app/App";
import { sessionPath } from "../app/route";
import { useT } from "../i18n/locale";
import { CopyField } from "../ui/CopyField";
import { PageShell } from "../ui/PageShell";
import { ApiError, createSession } from "./api";
import { facilitatorLink } from "./facilitator-key";

function CreateSessionCard() {
  const t = useT();
  const titleId = useId();
  const [title, setTitle] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreateSessionResponse | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setCreated(await createSession(title));
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
    const hostUrl = facilitatorLink(location.origin, created.code, created.facilitatorSecret);
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
        <div className="field">
          <label htmlFor={titleId}>{t("home.titleLabel")}</label>
          <input
            id={titleId}
            name="title"
            required
            maxLength={SESSION_TITLE_MAX}
            value={title}
            placeholder={t("home.titlePlaceholder")}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button--primary" disabled={busy || title.trim().length === 0}>
          {busy ? t("home.creating") : t("home.create")}
        </button>
      </form>
    </section>
  );
}

function JoinByCodeCard() {
  const t = useT();
  const codeId = useId();
  const [code, setCode] = useState("");
  const normalised = normaliseSessionCode(code);
  return (
    <section className="card" aria-labelledby="join-heading">
      <h2 id="join-heading">{t("home.joinHeading")}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          navigate(sessionPath(normalised));
        }}
      >
        <div className="field">
          <label htmlFor={codeId}>{t("home.codeLabel")}</label>
          <input
            id={codeId}
            name="code"
            className="code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="ABC-DEF-GHJ"
            maxLength={16}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <button type="submit" disabled={!SESSION_CODE_PATTERN.test(normalised)}>
          {t("home.join")}
        </button>
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
