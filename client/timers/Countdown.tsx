import { formatClock, type TimerValue } from "../../shared/timers/timer";
import { useT } from "../i18n/locale";
import { dismissEndedTimer } from "./ended-timers";
import { useRemaining } from "./use-countdown";

/**
 * A countdown in the HTML overlay. Screen readers get it as a timer (not announced every second);
 * the one-minute warning and the end are announced by TimerAlerts.
 */
export function Countdown({ timer, label, className }: { timer: TimerValue; label: string; className?: string }) {
  const t = useT();
  const remaining = useRemaining(timer);
  if (timer.status === "idle") return null;
  const time = formatClock(remaining);
  const state =
    timer.status === "paused" ? "paused" : remaining <= 0 ? "done" : remaining <= 60_000 ? "warning" : "running";
  return (
    <span
      className={`countdown countdown--${state} ${className ?? ""}`}
      role="timer"
      aria-label={t("timers.left", { label, time })}
      data-remaining-ms={Math.round(remaining)}
    >
      <span className="countdown__time">{remaining <= 0 ? t("timers.done") : time}</span>
      {timer.status === "paused" && <span className="countdown__note">{t("timers.paused")}</span>}
    </span>
  );
}

/** Puts an ended countdown's "Time is up" away (it also leaves by itself, see ended-timers.ts). */
export function DismissEndedTimer({ timerKey, timer }: { timerKey: string; timer: TimerValue }) {
  const t = useT();
  const remaining = useRemaining(timer);
  const ended = timer.status === "done" || (timer.status === "running" && remaining <= 0);
  if (!ended) return null;
  return (
    <button
      type="button"
      className="button--quiet countdown__dismiss"
      aria-label={t("timers.dismissEnded")}
      title={t("timers.dismissEnded")}
      onClick={() => dismissEndedTimer(timerKey, timer)}
    >
      ×
    </button>
  );
}
