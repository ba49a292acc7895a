/**
 * Countdown timers as plain values and pure steps, with the server's clock passed in. The server is
 * the only clock that counts: a timer carries how much time was left at a server instant
 * (`remainingMs` at `stampedAt`), and every screen works out the rest from its estimate of the
 * server's time (see clock.ts), so a client whose own clock is wrong still shows the right time.
 */
export type TimerStatus = "idle" | "running" | "paused" | "done";

export interface TimerValue {
  status: TimerStatus;
  /** The whole length of the current countdown, including minutes added; for progress displays. */
  durationMs: number;
  /** Time left at `stampedAt`. */
  remainingMs: number;
  /** Server time (ms since the epoch) when `remainingMs` was measured. */
  stampedAt: number;
}

export const TIMER_LIMITS = {
  minMs: 10_000,
  maxMs: 4 * 60 * 60_000,
  /** The two amounts a facilitator can add with one press. */
  additions: [60_000, 300_000] as const,
  /** When the "one minute left" warning sounds. */
  warningMs: 60_000,
} as const;

/** The id of the plenary's countdown record (each zone's countdown is stored with its zone). */
export const PLENARY_TIMER_ID = "plenary";

export const IDLE_TIMER: TimerValue = { status: "idle", durationMs: 0, remainingMs: 0, stampedAt: 0 };

function clampDuration(ms: number): number {
  return Math.max(TIMER_LIMITS.minMs, Math.min(TIMER_LIMITS.maxMs, Math.round(ms)));
}

/** Time left at server time `serverNow`, never below zero. */
export function remainingAt(timer: TimerValue, serverNow: number): number {
  if (timer.status !== "running") return timer.status === "done" ? 0 : Math.max(0, timer.remainingMs);
  return Math.max(0, timer.remainingMs - Math.max(0, serverNow - timer.stampedAt));
}

/** Server time at which a running timer reaches zero; Infinity when it is not running. */
export function endsAt(timer: TimerValue): number {
  return timer.status === "running" ? timer.stampedAt + timer.remainingMs : Infinity;
}

/** A countdown that started at server time `startedAt` and ends at `endsAt` (a dot vote's deadline). */
export function runningUntil(startedAt: number, endsAt: number): TimerValue {
  const ms = Math.max(0, endsAt - startedAt);
  return { status: "running", durationMs: ms, remainingMs: ms, stampedAt: startedAt };
}

export function startTimer(durationMs: number, now: number): TimerValue {
  const ms = clampDuration(durationMs);
  return { status: "running", durationMs: ms, remainingMs: ms, stampedAt: now };
}

export function pauseTimer(timer: TimerValue, now: number): TimerValue {
  if (timer.status !== "running") return timer;
  return { ...timer, status: "paused", remainingMs: remainingAt(timer, now), stampedAt: now };
}

export function resumeTimer(timer: TimerValue, now: number): TimerValue {
  if (timer.status !== "paused") return timer;
  return { ...timer, status: "running", stampedAt: now };
}

/**
 * Adds time. A running or paused timer keeps its state with more time; a finished or idle one starts
 * again with just the added time (the "give them five more minutes" case).
 */
export function addTime(timer: TimerValue, ms: number, now: number): TimerValue {
  if (timer.status === "idle" || timer.status === "done") return startTimer(ms, now);
  const left = remainingAt(timer, now);
  const remainingMs = Math.min(TIMER_LIMITS.maxMs, left + ms);
  return {
    ...timer,
    remainingMs,
    durationMs: Math.min(TIMER_LIMITS.maxMs, timer.durationMs + (remainingMs - left)),
    stampedAt: now,
  };
}

/** Marks a running timer done once its time is up; otherwise returns it unchanged. */
export function settle(timer: TimerValue, now: number): TimerValue {
  if (timer.status !== "running" || remainingAt(timer, now) > 0) return timer;
  return { ...timer, status: "done", remainingMs: 0, stampedAt: endsAt(timer) };
}

/** Whole seconds shown for `ms` left: 59.2 s shows as 1:00 until it really is below 59 s. */
export function displaySeconds(ms: number): number {
  return Math.ceil(Math.max(0, ms) / 1000);
}

/** "4:05", or "1:02:03" past an hour. */
export function formatClock(ms: number): string {
  const total = displaySeconds(ms);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** The moments a screen announces, given the time left before and after one display step. */
export function crossings(beforeMs: number, afterMs: number, durationMs: number): { warning: boolean; end: boolean } {
  const warningApplies = durationMs > TIMER_LIMITS.warningMs;
  return {
    warning: warningApplies && beforeMs > TIMER_LIMITS.warningMs && afterMs <= TIMER_LIMITS.warningMs && afterMs > 0,
    end: beforeMs > 0 && afterMs <= 0,
  };
}
