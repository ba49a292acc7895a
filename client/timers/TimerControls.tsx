import { useId, useState } from "react";
import type { TimerTarget } from "../../shared/protocol";
import { TIMER_LIMITS, type TimerValue } from "../../shared/timers/timer";
import { useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { Countdown } from "./Countdown";
import { clampToRange } from "../ui/Field";

/**
 * A facilitator's controls for one countdown (or for all zones' at once when `timer` is null):
 * start for N minutes, pause or continue, add one or five minutes, clear.
 */
export function TimerControls({
  target,
  timer,
  label,
  allowStart = true,
}: {
  target: TimerTarget;
  timer: TimerValue | null;
  label: string;
  allowStart?: boolean;
}) {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const [minutes, setMinutes] = useState(10);
  const control = (op: "pause" | "resume" | "reset") => connection.send("timers.control", { op, target });
  const add = (seconds: 60 | 300) => connection.send("timers.control", { op: "add", target, seconds });
  const maxMinutes = TIMER_LIMITS.maxMs / 60_000;
  const running = timer?.status === "running";
  return (
    <div className="timer-controls" role="group" aria-label={label}>
      {timer ? (
        <Countdown timer={timer} label={label} className="timer-controls__clock" />
      ) : (
        <span className="timer-controls__label" aria-hidden="true">
          {label}
        </span>
      )}
      {allowStart && (
        <span className="timer-controls__start">
          <label htmlFor={`${id}-minutes`} className="visually-hidden">
            {t("timers.minutesFor", { label })}
          </label>
          <input
            id={`${id}-minutes`}
            type="number"
            min={1}
            max={maxMinutes}
            value={minutes}
            onChange={(e) => setMinutes(clampToRange(Number(e.target.value), 1, maxMinutes, 1))}
          />
          <span aria-hidden="true">min</span>
          <button
            type="button"
            onClick={() => connection.send("timers.control", { op: "start", target, seconds: minutes * 60 })}
          >
            {t("timers.start")}
          </button>
        </span>
      )}
      {(timer === null || timer.status === "running" || timer.status === "paused") && (
        <button type="button" onClick={() => control(timer === null || running ? "pause" : "resume")}>
          {timer === null || running ? t("timers.pause") : t("timers.resume")}
        </button>
      )}
      {timer === null && (
        <button type="button" onClick={() => control("resume")}>
          {t("timers.resume")}
        </button>
      )}
      <button type="button" onClick={() => add(60)}>
        {t("timers.addOne")}
      </button>
      <button type="button" onClick={() => add(300)}>
        {t("timers.addFive")}
      </button>
      {timer !== null && timer.status !== "idle" && (
        <button type="button" className="button--quiet" onClick={() => control("reset")}>
          {t("timers.reset")}
        </button>
      )}
    </div>
  );
}
