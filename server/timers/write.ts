import type { TimerState } from "../../shared/timers/state";
import type { TimerStatus, TimerValue } from "../../shared/timers/timer";

/** The schema object's fields as a plain value, for the pure timer rules. */
export function readTimer(state: TimerState): TimerValue {
  return {
    status: state.status as TimerStatus,
    durationMs: state.durationMs,
    remainingMs: state.remainingMs,
    stampedAt: state.stampedAt,
  };
}

/** Writes a plain timer value into the schema object (only the fields that differ are sent). */
export function writeTimer(state: TimerState, value: TimerValue): void {
  state.status = value.status;
  state.durationMs = value.durationMs;
  state.remainingMs = value.remainingMs;
  state.stampedAt = value.stampedAt;
}
