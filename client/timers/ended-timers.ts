import { useEffect, useState } from "react";
import { create } from "zustand";
import type { TimerValue } from "../../shared/timers/timer";
import { serverTime } from "./server-clock";
import { useRemaining } from "./use-countdown";

/** How long a countdown that reached zero stays on screen ("Time is up") before it leaves by itself. */
export const ENDED_SHOWN_MS = 60_000;

/** Server time when a countdown reached (or will reach) zero. */
export function endOf(timer: TimerValue): number {
  return timer.status === "done" ? timer.stampedAt : timer.stampedAt + timer.remainingMs;
}

/** The end (see endOf) of each timer someone put away, by key; a new countdown has a new end. */
const useDismissed = create<Record<string, number>>(() => ({}));

export function dismissEndedTimer(key: string, timer: TimerValue): void {
  useDismissed.setState({ [key]: endOf(timer) });
}

/**
 * Whether a countdown card should be on screen: while it runs or is paused, and once it is up only
 * until it is put away or for ENDED_SHOWN_MS (the "Time is up" card used to stay for good).
 */
export function useTimerShown(key: string, timer: TimerValue): boolean {
  const remaining = useRemaining(timer);
  const dismissedEnd = useDismissed((s) => s[key]);
  const ended = timer.status === "done" || (timer.status === "running" && remaining <= 0);
  const end = endOf(timer);
  const [, tick] = useState(0);
  const expired = ended && serverTime() - end >= ENDED_SHOWN_MS;
  // Once up, one more render when its time on screen is over.
  useEffect(() => {
    if (!ended || expired) return;
    const wait = setTimeout(() => tick((n) => n + 1), Math.max(0, end + ENDED_SHOWN_MS - serverTime()) + 50);
    return () => clearTimeout(wait);
  }, [ended, expired, end]);
  if (timer.status === "idle") return false;
  if (!ended) return true;
  return dismissedEnd !== end && !expired;
}
