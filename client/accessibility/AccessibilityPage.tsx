import { useEffect, useState, type FormEvent } from "react";
import { FEEDBACK_REPLY_DAYS, STATEMENT_PREPARED, STATEMENT_REVIEWED } from "../../shared/accessibility/statement";
import type { AccessibilityFeedbackResponse } from "../../shared/protocol";
import { FEEDBACK_LIMITS } from "../../shared/protocol/constants";
import { checkText } from "../../shared/session/input";
import { useLocaleStore, useT } from "../i18n/locale";
import { ApiError } from "../session/api";
import { textProblemMessage } from "../session/input-errors";
import { Field } from "../ui/Field";
import { PageShell } from "../ui/PageShell";
import { fetchAccessibilityInfo, sendAccessibilityFeedback } from "./api";

const GAPS = ["a11y.gap3d", "a11y.gapVr", "a11y.gapVoice", "a11y.gapScreen", "a11y.gapPicture"] as const;

function FeedbackForm() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const [message, setMessage] = useState("");
  const [about, setAbout] = useState("");
  const [contact, setContact] = useState("");
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<(AccessibilityFeedbackResponse & { answerable: boolean }) | null>(null);
  const checked = checkText(message, FEEDBACK_LIMITS.messageMax, 1);
  const aboutChecked = checkText(about, FEEDBACK_LIMITS.aboutMax, 0);
  const contactChecked = checkText(contact, FEEDBACK_LIMITS.contactMax, 0);
  const messageError = checked.ok ? undefined : textProblemMessage(t, checked, "a11y.form.messageEmpty");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!checked.ok || !aboutChecked.ok || !contactChecked.ok) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await sendAccessibilityFeedback({
        message: checked.value,
        about: aboutChecked.value,
        contact: contactChecked.value,
        locale,
      });
      setSent({ ...answer, answerable: contactChecked.value !== "" });
    } catch (e) {
      const code = e instanceof ApiError ? e.code : "network";
      setError(
        t(
          code === "rate_limited"
            ? "errors.rate_limited"
            : code === "network"
              ? "errors.network"
              : "errors.invalid_payload",
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    const params = { id: sent.id.slice(0, 8), days: sent.replyDays };
    return (
      <p className="notice" role="status">
        {sent.answerable ? t("a11y.form.sent", params) : t("a11y.form.sentNoContact", params)}
      </p>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Field
        label={t("a11y.form.message")}
        help={t("a11y.form.messageHelp", { max: FEEDBACK_LIMITS.messageMax })}
        error={touched ? messageError : undefined}
      >
        {(control) => (
          <textarea
            {...control}
            name="message"
            rows={5}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            onBlur={() => setTouched(message !== "")}
          />
        )}
      </Field>
      <Field
        label={t("a11y.form.about")}
        error={aboutChecked.ok ? undefined : textProblemMessage(t, aboutChecked, "a11y.form.messageEmpty")}
      >
        {(control) => <input {...control} name="about" value={about} onChange={(e) => setAbout(e.target.value)} />}
      </Field>
      <Field
        label={t("a11y.form.contact")}
        help={t("a11y.form.contactHelp")}
        error={contactChecked.ok ? undefined : textProblemMessage(t, contactChecked, "a11y.form.messageEmpty")}
      >
        {(control) => (
          <input
            {...control}
            name="contact"
            autoComplete="email"
            value={contact}
            onChange={(e) => setContact(e.target.value)}
          />
        )}
      </Field>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button--primary" disabled={busy}>
        {busy ? t("a11y.form.sending") : t("a11y.form.send")}
      </button>
    </form>
  );
}

/**
 * The accessibility statement the Act on the Provision of Digital Services asks for: how far the
 * service conforms, what does not and its alternatives, how it was assessed, a feedback channel
 * with a promised reply time, and the supervisory authority.
 */
export function AccessibilityPage() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const [contact, setContact] = useState<string | null>(null);
  useEffect(() => {
    fetchAccessibilityInfo().then(
      (info) => setContact(info.contact),
      () => setContact(null),
    );
  }, []);
  const date = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString(locale, { dateStyle: "long" });
  return (
    <PageShell narrow>
      <article className="statement" aria-labelledby="statement-heading">
        <h1 id="statement-heading">{t("a11y.heading")}</h1>
        <p>
          {t("a11y.intro", {
            host: location.host,
            prepared: date(STATEMENT_PREPARED),
            reviewed: date(STATEMENT_REVIEWED),
          })}
        </p>
        <h2>{t("a11y.statusHeading")}</h2>
        <p>{t("a11y.status")}</p>
        <h2>{t("a11y.gapsHeading")}</h2>
        <ul>
          {GAPS.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        <h2>{t("a11y.testedHeading")}</h2>
        <p>{t("a11y.tested")}</p>
        <h2 id="feedback-heading">{t("a11y.feedbackHeading")}</h2>
        <p>{t("a11y.feedbackIntro", { days: FEEDBACK_REPLY_DAYS })}</p>
        {contact && <p>{t("a11y.contact", { contact })}</p>}
        <FeedbackForm />
        <h2>{t("a11y.enforcementHeading")}</h2>
        <p>{t("a11y.enforcement")}</p>
        <p>
          <a className="button" href="/">
            {t("notFound.home")}
          </a>
        </p>
      </article>
    </PageShell>
  );
}
