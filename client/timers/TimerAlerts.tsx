import { useEffect, useRef } from "react";
import { crossings, remainingAt, type TimerValue } from "../../shared/timers/timer";
import { useSelf } from "../session/session-store";
import { showToast } from "../ui/toast-store";
import { useT } from "../i18n/locale";
import { useZonesStore } from "../zones/zones-store";
import { zoneDisplayName } from "../../shared/zones/names";
import { playChime } from "./chime";
import { serverTime } from "./server-clock";

interface Watched {
  key: string;
  label: string;
  timer: TimerValue;
}

/**
 * Announces the timers that concern this person (the plenary's and their own zone's): a chime and a
 * spoken toast at one minute left and at the end, each once. Checks twice a second against the
 * server's clock; a timer first seen after its mark (joining late, a restarted timer) is not announced.
 */
export function TimerAlerts() {
  const t = useT();
  const self = useSelf();
  const plenary = useZonesStore((s) => s.plenaryTimer);
  const zone = useZonesStore((s) => s.zones.find((z) => z.id === self?.zone));
  const last = useRef(new Map<string, number>());

  const watched: Watched[] = [{ key: "plenary", label: t("timers.plenary"), timer: plenary }];
  if (zone?.work) watched.push({ key: `zone:${zone.id}`, label: zoneDisplayName(zone, t), timer: zone.work.timer });
  const watchedRef = useRef(watched);
  watchedRef.current = watched;

  useEffect(() => {
    const check = () => {
      const now = serverTime();
      const seen = new Set<string>();
      for (const { key, label, timer } of watchedRef.current) {
        seen.add(key);
        const after = remainingAt(timer, now);
        const before = last.current.get(key);
        last.current.set(key, after);
        // Starting, adding time or pausing never counts down past a mark; only time passing does.
        if (before === undefined || timer.status === "paused" || timer.status === "idle") continue;
        const { warning, end } = crossings(before, after, timer.durationMs);
        if (warning) {
          playChime("warning");
          showToast({ key: "timers.warningToast", params: { label } });
        }
        if (end) {
          playChime("end");
          showToast({ key: "timers.endedToast", params: { label } });
        }
      }
      for (const key of last.current.keys()) if (!seen.has(key)) last.current.delete(key);
    };
    check();
    const interval = setInterval(check, 500);
    return () => clearInterval(interval);
  }, []);

  return null;
}
