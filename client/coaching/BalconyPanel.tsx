import { formatClock } from "../../shared/timers/timer";
import { useT } from "../i18n/locale";
import { FLAG_KEYS, useBalconyCards } from "./use-balcony";
import { setOverhead, useOverhead } from "./overhead-store";
import { SpeakingShares } from "./SpeakingShares";
import "./coaching.css";

/**
 * The balcony: every zone at once for facilitators and coaches, its people (at a meeting room's
 * table or remote), its clock, notes, ready flag and raised hands, and what deserves a look first
 * (shared/coaching/balcony.ts decides), and each zone's speaking time as the server counts it
 * (shared/coaching/speaking.ts, SpeakingShares.tsx).
 */
export function BalconyPanel() {
  const t = useT();
  const cards = useBalconyCards();
  const overhead = useOverhead((o) => o.on);

  return (
    <section className="balcony" aria-labelledby="balcony-heading">
      <h2 id="balcony-heading">{t("balcony.heading")}</h2>
      <p className="help">{t("balcony.help")}</p>
      <p className="help">{t("speaking.help")}</p>
      <button type="button" aria-pressed={overhead} onClick={() => setOverhead(!overhead)}>
        {t(overhead ? "balcony.eyeLevel" : "balcony.fromAbove")}
      </button>
      {cards.length === 0 && <p>{t("balcony.empty")}</p>}
      <ul className="balcony__zones">
        {cards.map((card) => (
          <li key={card.id || "plenary"} className="balcony__zone" data-zone-id={card.id}>
            <h3>{card.name}</h3>
            <p className="balcony__facts">
              {[
                t("zones.people", { count: card.members.length }),
                card.atTables > 0 ? t("balcony.atTables", { count: card.atTables, remote: card.remote }) : "",
                t("boards.noteCount", { count: card.notes }),
                card.remainingMs !== null ? formatClock(card.remainingMs) : "",
                card.ready ? t("zones.readyBadge") : "",
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {card.flags.length > 0 && (
              <ul className="balcony__flags" aria-label={t("balcony.flagsLabel")}>
                {card.flags.map((flag) => (
                  <li key={flag} className="badge">
                    {t(FLAG_KEYS[flag], { count: card.hands })}
                  </li>
                ))}
              </ul>
            )}
            <ul className="balcony__people" aria-label={t("balcony.peopleLabel", { zone: card.name })}>
              {card.members.map((member) => (
                <li key={member.id}>
                  {member.name}
                  {member.organisation ? <span className="person__meta"> · {member.organisation}</span> : null}
                  {member.atTable ? <span className="person__meta"> · {t("balcony.inRoom")}</span> : null}
                  {member.handUp ? <span className="badge">{t("balcony.handUp")}</span> : null}
                </li>
              ))}
            </ul>
            <SpeakingShares
              zone={card.id}
              zoneName={card.name}
              names={Object.fromEntries(card.members.map((m) => [m.id, m.name]))}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
