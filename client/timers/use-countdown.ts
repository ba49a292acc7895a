import { useEffect, useState } from "react";
import { formatClock, remainingAt, type TimerValue } from "../../shared/timers/timer";
import { serverTime, useClockStore } from "./server-clock";

/** Milliseconds left on a countdown, refreshed four times a second while it runs. */
export function useRemaining(timer: TimerValue | null | undefined): number {
  const estimate = useClockStore((s) => s.estimate);
  const [remaining, setRemaining] = useState(() => (timer ? remainingAt(timer, serverTime()) : 0));
  useEffect(() => {
    if (!timer) {
      setRemaining(0);
      return;
    }
    const update = () => setRemaining(remainingAt(timer, serverTime()));
    update();
    if (timer.status !== "running") return;
    const interval = setInterval(update, 250);
    return () => clearInterval(interval);
  }, [timer, estimate]);
  return remaining;
}

/** The clock face ("4:05", or "" when idle) for 3D clocks: re-renders only when the digits change. */
export function useClockFace(timer: TimerValue | null | undefined): {
  text: string;
  fraction: number;
  warning: boolean;
} {
  const remaining = useRemaining(timer);
  const text = !timer || timer.status === "idle" ? "" : formatClock(remaining);
  const fraction = timer && timer.durationMs > 0 ? Math.max(0, Math.min(1, remaining / timer.durationMs)) : 0;
  // Quantised so the bar moves in visible steps, not on every refresh.
  return { text, fraction: Math.round(fraction * 200) / 200, warning: remaining <= 60_000 };
}
