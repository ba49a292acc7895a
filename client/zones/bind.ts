import type { TimerState } from "../../shared/timers/state";
import type { TimerStatus, TimerValue } from "../../shared/timers/timer";
import type { ZoneState, ZoneWorkState } from "../../shared/zones/state";
import type { BindingContext } from "../session/binding";
import { useZonesStore, type ZoneView } from "./zones-store";

export function timerValue(timer: TimerState | undefined): TimerValue {
  return {
    status: (timer?.status ?? "idle") as TimerStatus,
    durationMs: timer?.durationMs ?? 0,
    remainingMs: timer?.remainingMs ?? 0,
    stampedAt: timer?.stampedAt ?? 0,
  };
}

function zoneView(zone: ZoneState): ZoneView {
  // `work` is a private field: undefined on clients the server does not share it with.
  const work = zone.work as ZoneWorkState | undefined;
  return {
    id: zone.id,
    name: zone.name ?? "",
    letter: zone.letter ?? "",
    x: zone.x,
    z: zone.z,
    radius: zone.radius,
    color: zone.color,
    capacity: zone.capacity ?? 0,
    locked: zone.locked ?? false,
    ready: zone.ready ?? false,
    work: work ? { task: work.task ?? "", timer: timerValue(work.timer) } : null,
  };
}

/**
 * Mirrors zones, the plenary countdown and the facilitation state into the zones store. Callbacks
 * only mark the store stale; it is rebuilt once after the patch that changed it, so a burst of
 * changes costs one React update.
 */
export function bindZones({ $, room }: BindingContext): void {
  let stale = true;
  const mark = () => {
    stale = true;
  };
  const watchWork = (work: ZoneWorkState | undefined) => {
    if (!work) return;
    $.onChange(work, mark);
    if (work.timer) $.onChange(work.timer, mark);
    $.listen(work, "timer", (timer) => {
      mark();
      if (timer) $.onChange(timer, mark);
    });
  };
  $.onAdd("zones", (zone) => {
    mark();
    $.onChange(zone, mark);
    watchWork(zone.work as ZoneWorkState | undefined);
    $.listen(zone, "work", (work) => {
      mark();
      watchWork(work as ZoneWorkState | undefined);
    });
  });
  $.onRemove("zones", mark);
  $.listen("plenaryTimer", (timer) => {
    mark();
    if (timer) $.onChange(timer, mark);
  });
  $.listen("facilitation", (facilitation) => {
    mark();
    if (facilitation) $.onChange(facilitation, mark);
  });

  room.onStateChange((state) => {
    if (!stale) return;
    stale = false;
    useZonesStore.setState({
      zones: [...(state.zones?.values() ?? [])].map(zoneView),
      plenaryTimer: timerValue(state.plenaryTimer),
      recallEndsAt: state.facilitation?.recallEndsAt ?? 0,
      followLeader: state.facilitation?.followLeader ?? "",
    });
  });
}
