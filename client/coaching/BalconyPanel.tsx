import { useEffect, useMemo, useState } from "react";
import { formatClock, remainingAt } from "../../shared/timers/timer";
import { balcony, type BalconyFlag } from "../../shared/coaching/balcony";
import { zoneDisplayName } from "../../shared/zones/names";
import { useT } from "../i18n/locale";
import { useSessionStore } from "../session/session-store";
import { useZonesStore } from "../zones/zones-store";
import { useBoardsStore } from "../boards/boards-store";
import { useAtTables } from "../hybrid/hybrid-store";
import { serverTime } from "../timers/server-clock";
import "./coaching.css";

const FLAG_KEYS = {
  hands: "balcony.flag.hands",
  time_up: "balcony.flag.timeUp",
  alone: "balcony.flag.alone",
  one_organisation: "balcony.flag.oneOrganisation",
} as const satisfies Record<BalconyFlag, string>;

/** Re-renders once a second, for the zones' clocks. */
function useEverySecond(): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const interval = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(interval);
  }, []);
  return tick;
}

/**
 * The balcony: every zone at once for facilitators and coaches, its people (at a meeting room's
 * table or remote), its clock, notes, ready flag and raised hands, and what deserves a look first
 * (shared/coaching/balcony.ts decides). Speaking time is not shown: the server does not measure it yet.
 */
export function BalconyPanel() {
  const t = useT();
  const tick = useEverySecond();
  const zones = useZonesStore((s) => s.zones);
  const people = useSessionStore((s) => s.people);
  const boards = useBoardsStore((s) => s.boards);
  const atTables = useAtTables();
  const cards = useMemo(() => {
    void tick;
    const now = serverTime();
    const notesByZone = new Map<string, number>();
    for (const board of Object.values(boards)) {
      notesByZone.set(board.zoneId, (notesByZone.get(board.zoneId) ?? 0) + board.noteCount);
    }
    return balcony(
      zones.map((zone) => ({
        id: zone.id,
        name: zoneDisplayName(zone, t),
        ready: zone.ready,
        remainingMs: zone.work && zone.work.timer.status !== "idle" ? remainingAt(zone.work.timer, now) : null,
      })),
      Object.values(people).map((person) => ({
        id: person.id,
        name: person.name,
        zone: person.zone,
        organisation: person.organisation,
        handRaisedAt: person.handRaisedAt,
        atTable: atTables.has(person.id),
        participant: person.role === "participant",
      })),
      notesByZone,
      t("balcony.plenary"),
    );
  }, [tick, zones, people, boards, atTables, t]);

  return (
    <section className="balcony" aria-labelledby="balcony-heading">
      <h2 id="balcony-heading">{t("balcony.heading")}</h2>
      <p className="help">{t("balcony.help")}</p>
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
          </li>
        ))}
      </ul>
    </section>
  );
}
