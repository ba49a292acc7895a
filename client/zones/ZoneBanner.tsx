import "./zones.css";
import { useMemo } from "react";
import { formatClock, type TimerValue } from "../../shared/timers/timer";
import { useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { useSessionStore, useSelf } from "../session/session-store";
import { Countdown, DismissEndedTimer } from "../timers/Countdown";
import { useTimerShown } from "../timers/ended-timers";
import { useRemaining } from "../timers/use-countdown";
import { useZonesStore } from "./zones-store";
import { zoneDisplayName } from "../../shared/zones/names";

function RecallPrompt() {
  const t = useT();
  const connection = useConnection();
  const endsAt = useZonesStore((s) => s.recallEndsAt);
  // The grace period as a countdown that ends at `endsAt` on the server's clock.
  const grace = useMemo<TimerValue>(
    () => ({ status: "running", durationMs: 0, remainingMs: endsAt, stampedAt: 0 }),
    [endsAt],
  );
  const left = useRemaining(grace);
  return (
    <div className="banner__prompt" role="alert">
      <p>
        {t("zones.recallPrompt")} {t("zones.recallIn", { time: formatClock(left) })}
      </p>
      <button type="button" className="button--primary" onClick={() => connection.send("zones.return", {})}>
        {t("zones.return")}
      </button>
    </div>
  );
}

function FollowPrompt({ leader }: { leader: string }) {
  const t = useT();
  const connection = useConnection();
  const self = useSelf();
  const name = useSessionStore((s) => s.people[leader]?.name ?? "");
  if (self?.following === leader) {
    return (
      <div className="banner__prompt" role="status">
        <p>{t("zones.following", { name })}</p>
        <button type="button" onClick={() => connection.send("zones.follow", { leader: "" })}>
          {t("zones.stopFollowing")}
        </button>
      </div>
    );
  }
  return (
    <div className="banner__prompt" role="status">
      <p>{t("zones.followPrompt", { name })}</p>
      <button type="button" className="button--primary" onClick={() => connection.send("zones.follow", { leader })}>
        {t("zones.follow")}
      </button>
    </div>
  );
}

/**
 * What concerns this person right now, at the top of the view: the room's countdown, their zone with
 * its task and countdown, and the facilitator's calls (come back, follow me).
 */
export function ZoneBanner() {
  const t = useT();
  const self = useSelf();
  const zone = useZonesStore((s) => s.zones.find((z) => z.id === self?.zone));
  const plenaryTimer = useZonesStore((s) => s.plenaryTimer);
  // "Time is up" leaves after a while, or at once when put away.
  const showPlenary = useTimerShown("plenary", plenaryTimer);
  const recalling = useZonesStore((s) => s.recallEndsAt > 0);
  const leader = useZonesStore((s) => s.followLeader);
  if (!self) return null;
  const showRecall = recalling && self.zone !== "" && self.role !== "observer";
  const showFollow = leader !== "" && leader !== self.id && self.role !== "observer";
  const showZone = zone !== undefined;
  if (!showPlenary && !showZone && !showRecall && !showFollow) return null;
  return (
    <section
      className="banner"
      aria-label={zone ? t("zones.yourZone", { zone: zoneDisplayName(zone, t) }) : t("timers.plenary")}
    >
      {showPlenary && (
        <div className="banner__row">
          <span className="banner__label">{t("timers.plenary")}</span>
          <Countdown timer={plenaryTimer} label={t("timers.plenary")} />
          <DismissEndedTimer timerKey="plenary" timer={plenaryTimer} />
        </div>
      )}
      {zone && (
        <div className="banner__zone" data-zone-id={zone.id} style={{ borderColor: zone.color }}>
          <div className="banner__row">
            <h2 className="banner__title">{t("zones.yourZone", { zone: zoneDisplayName(zone, t) })}</h2>
            {zone.work && <Countdown timer={zone.work.timer} label={zoneDisplayName(zone, t)} />}
          </div>
          {zone.work && (
            <details className="banner__task" open>
              <summary>{t("zones.yourTask")}</summary>
              <p className="task-text">{zone.work.task || t("zones.noTask")}</p>
            </details>
          )}
        </div>
      )}
      {showRecall && <RecallPrompt />}
      {showFollow && <FollowPrompt leader={leader} />}
    </section>
  );
}
