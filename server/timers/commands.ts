import {
  addTime,
  pauseTimer,
  resumeTimer,
  startTimer,
  IDLE_TIMER,
  PLENARY_TIMER_ID,
  type TimerValue,
} from "../../shared/timers/timer";
import type { TimerState } from "../../shared/timers/state";
import type { ClientMessage } from "../../shared/protocol";
import { defineCommand, type RoomApi } from "../commands/registry";
import { saveZone } from "../zones/records";
import { readTimer, writeTimer } from "./write";
import { timerRecord } from "./records";

/** A countdown and how to store it once changed. */
export interface TimerSlot {
  timer: TimerState;
  save(room: RoomApi, now: number): Promise<void>;
}

export function plenarySlot(room: RoomApi): TimerSlot {
  return {
    timer: room.state.plenaryTimer,
    save: (r, now) => r.saveRecord(timerRecord.encode(PLENARY_TIMER_ID, readTimer(r.state.plenaryTimer), now)),
  };
}

/** Every countdown in the room: the plenary's and each zone's. */
export function allSlots(room: RoomApi): TimerSlot[] {
  return [plenarySlot(room), ...[...room.state.zones.values()].map((zone) => zoneSlot(zone))];
}

function zoneSlot(zone: Parameters<typeof saveZone>[1]): TimerSlot {
  return { timer: zone.work.timer, save: (room, now) => saveZone(room, zone, now) };
}

function slotsFor(room: RoomApi, target: string): TimerSlot[] | null {
  if (target === "plenary") return [plenarySlot(room)];
  if (target === "zones") return [...room.state.zones.values()].map(zoneSlot);
  const zone = room.state.zones.get(target);
  return zone ? [zoneSlot(zone)] : null;
}

type Control = ClientMessage<"timers.control">;

function apply(control: Control, timer: TimerValue, now: number): TimerValue {
  // "+5 min for every zone" is for the zones that have a countdown, not a way to start the others.
  if (control.target === "zones" && control.op === "add" && timer.status === "idle") return timer;
  switch (control.op) {
    case "start":
      return startTimer(control.seconds * 1000, now);
    case "pause":
      return pauseTimer(timer, now);
    case "resume":
      return resumeTimer(timer, now);
    case "add":
      return addTime(timer, control.seconds * 1000, now);
    case "reset":
      return IDLE_TIMER;
  }
}

export const timersCommands = [
  defineCommand({
    name: "timers.control",
    permission: "facilitator",
    rate: { perSecond: 4, burst: 8 },
    overRate: "reject",
    async run(ctx, control) {
      const slots = slotsFor(ctx.room, control.target);
      if (!slots) return { error: "not_found" };
      const changed = slots.filter((slot) => {
        const before = readTimer(slot.timer);
        const after = apply(control, before, ctx.now);
        if (after === before) return false;
        writeTimer(slot.timer, after);
        return true;
      });
      await Promise.all(changed.map((slot) => slot.save(ctx.room, ctx.now)));
    },
  }),
  defineCommand({
    name: "timers.sync",
    permission: "reader",
    rate: { perSecond: 2, burst: 8 },
    overRate: "drop",
    run(ctx, { t }) {
      ctx.client.send("timers.sync", { t, server: ctx.room.services.now() });
    },
  }),
];
