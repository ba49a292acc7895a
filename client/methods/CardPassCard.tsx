import { useId, useState } from "react";
import { isMessageKey, translate } from "../../shared/i18n";
import { CARD_PASS_TOP, CARD_TEXT_MAX } from "../../shared/methods/card-pass-limits";
import { useLocaleStore, useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { useSelf } from "../session/session-store";
import { clearMethodsRefusal, useMethodsStore } from "./methods-store";

/**
 * 25/10 Crowd Sourcing, in the cards' column over the 3D view (and on a phone): write one bold idea,
 * then score the card held this round 1..scale; the facilitator sees how many have scored and moves
 * rounds on; at the end everyone sees every card's total and the top ten, with no names.
 */
export function CardPassCard() {
  const t = useT();
  const id = useId();
  const pass = useMethodsStore((s) => s.state?.cardPass ?? null);
  const refusal = useMethodsStore((s) => s.refusal);
  const locale = useLocaleStore((s) => s.locale);
  const self = useSelf();
  if (!pass || !self) return null;
  const facilitator = self.role === "facilitator";
  const refused =
    refusal?.command.startsWith("methods.card.") === true
      ? refusal.detail && isMessageKey(refusal.detail)
        ? translate(locale, refusal.detail)
        : translate(locale, `errors.${refusal.code}`)
      : null;
  return (
    <section
      className="now-card card-pass"
      aria-labelledby={`${id}-title`}
      data-testid="card-pass"
      data-phase={pass.phase}
    >
      <h2 className="now-card__title" id={`${id}-title`}>
        {t("methods.cardPass.title")}
      </h2>
      {pass.phase === "passing" && (
        <p className="now-card__label" data-testid="card-pass-round">
          {t("methods.cardPass.round", { round: pass.round + 1, rounds: pass.rounds })}
        </p>
      )}
      {pass.phase === "writing" && self.role === "participant" && <WriteCard mine={pass.mine} />}
      {pass.phase === "passing" && self.role === "participant" && (
        <ScoreCard round={pass.round} scale={pass.scale} held={pass.held} />
      )}
      {facilitator && pass.progress && pass.phase !== "done" && <Progress pass={pass} />}
      {pass.results && <Results results={pass.results} />}
      {refused && (
        <p className="now-card__note" role="alert">
          {refused}
        </p>
      )}
    </section>
  );
}

type View = NonNullable<NonNullable<ReturnType<typeof useMethodsStore.getState>["state"]>["cardPass"]>;

function WriteCard({ mine }: { mine: string | null }) {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const [text, setText] = useState(mine ?? "");
  const send = () => {
    const clean = text.trim();
    if (!clean) return;
    clearMethodsRefusal();
    connection.send("methods.card.write", { text: clean });
  };
  return (
    <form
      className="card-pass__write"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label htmlFor={`${id}-text`}>{t("methods.cardPass.writeLabel")}</label>
      <textarea
        id={`${id}-text`}
        data-testid="card-pass-text"
        maxLength={CARD_TEXT_MAX}
        rows={2}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" data-testid="card-pass-write" disabled={!text.trim()}>
        {mine ? t("methods.cardPass.rewrite") : t("methods.cardPass.write")}
      </button>
      {mine && (
        <p className="now-card__note" role="status" data-testid="card-pass-written">
          {t("methods.cardPass.written")}
        </p>
      )}
    </form>
  );
}

function ScoreCard({ round, scale, held }: { round: number; scale: number; held: View["held"] }) {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  if (!held) return <p className="now-card__note">{t("methods.cardPass.noCard")}</p>;
  return (
    <div className="card-pass__held">
      <p className="card-pass__card" id={`${id}-card`} data-testid="card-pass-held">
        {held.text}
      </p>
      <div role="group" aria-labelledby={`${id}-label`}>
        <p id={`${id}-label`} className="now-card__label">
          {t("methods.cardPass.scoreLabel", { scale })}
        </p>
        <div className="card-pass__scores">
          {Array.from({ length: scale }, (_, i) => i + 1).map((score) => (
            <button
              key={score}
              type="button"
              data-testid={`card-pass-score-${score}`}
              aria-pressed={held.score === score}
              aria-describedby={`${id}-card`}
              disabled={held.score !== null}
              onClick={() => {
                clearMethodsRefusal();
                connection.send("methods.card.score", { round, card: held.id, score });
              }}
            >
              {score}
            </button>
          ))}
        </div>
      </div>
      {held.score !== null && (
        <p className="now-card__note" role="status" data-testid="card-pass-scored">
          {t("methods.cardPass.scored", { score: held.score })}
        </p>
      )}
    </div>
  );
}

function Progress({ pass }: { pass: View }) {
  const t = useT();
  const connection = useConnection();
  const progress = pass.progress!;
  const label =
    pass.phase === "writing"
      ? t("methods.cardPass.start")
      : pass.round + 1 >= pass.rounds
        ? t("methods.cardPass.reveal")
        : t("methods.cardPass.nextRound");
  return (
    <div className="card-pass__progress">
      <p role="status" data-testid="card-pass-progress">
        {pass.phase === "writing"
          ? t("methods.cardPass.cardsWritten", { count: progress.cards })
          : t("methods.cardPass.scoredOf", { scored: progress.scored, holders: progress.holders })}
      </p>
      <button
        type="button"
        data-testid="card-pass-advance"
        onClick={() => {
          clearMethodsRefusal();
          connection.send("methods.card.advance", { from: pass.round });
        }}
      >
        {label}
      </button>
    </div>
  );
}

function Results({ results }: { results: NonNullable<View["results"]> }) {
  const t = useT();
  return (
    <div className="card-pass__results">
      <h3 className="now-card__label">{t("methods.cardPass.topTen", { count: CARD_PASS_TOP })}</h3>
      <ol className="card-pass__list" data-testid="card-pass-results">
        {results.slice(0, CARD_PASS_TOP).map((card, i) => (
          <li key={i} value={card.rank}>
            <span className="card-pass__text">{card.text}</span>{" "}
            <span className="card-pass__total">{t("methods.cardPass.total", { total: card.total })}</span>
          </li>
        ))}
      </ol>
      {results.length > CARD_PASS_TOP && (
        <details>
          <summary>{t("methods.cardPass.allCards", { count: results.length })}</summary>
          <ol>
            {results.slice(CARD_PASS_TOP).map((card, i) => (
              <li key={i} value={card.rank}>
                {card.text} {t("methods.cardPass.total", { total: card.total })}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
