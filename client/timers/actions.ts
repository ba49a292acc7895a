import type { TimerStatus } from "../../shared/timers/timer";
import { defineAction, type ActionContext } from "../actions/registry";
import { useZonesStore } from "../zones/zones-store";
import { prepareChimes, useChimeStore } from "./chime";

const facilitatorWhenPlenaryTimer =
  (...statuses: TimerStatus[]) =>
  ({ self }: ActionContext) =>
    self?.role === "facilitator" && statuses.includes(useZonesStore.getState().plenaryTimer.status);

export const timersActions = [
  defineAction({
    id: "timers.mute",
    labelKey: "timers.mute",
    group: "comfort",
    pressed: () => useChimeStore.getState().muted,
    run: () => {
      const { muted, setMuted } = useChimeStore.getState();
      setMuted(!muted);
      if (muted) prepareChimes();
    },
  }),
  // The plenary countdown's most used controls, for the in-VR menu (the facilitator panel has them all).
  defineAction({
    id: "timers.plenary.pause",
    labelKey: "timers.pause",
    group: "facilitation",
    visible: facilitatorWhenPlenaryTimer("running"),
    run: ({ connection }) => connection.send("timers.control", { op: "pause", target: "plenary" }),
  }),
  defineAction({
    id: "timers.plenary.resume",
    labelKey: "timers.resume",
    group: "facilitation",
    visible: facilitatorWhenPlenaryTimer("paused"),
    run: ({ connection }) => connection.send("timers.control", { op: "resume", target: "plenary" }),
  }),
  defineAction({
    id: "timers.plenary.addOne",
    labelKey: "timers.addOne",
    group: "facilitation",
    // On a finished or idle countdown this starts one with just the added time.
    visible: facilitatorWhenPlenaryTimer("idle", "running", "paused", "done"),
    run: ({ connection }) => connection.send("timers.control", { op: "add", target: "plenary", seconds: 60 }),
  }),
  defineAction({
    id: "timers.plenary.addFive",
    labelKey: "timers.addFive",
    group: "facilitation",
    visible: facilitatorWhenPlenaryTimer("idle", "running", "paused", "done"),
    run: ({ connection }) => connection.send("timers.control", { op: "add", target: "plenary", seconds: 300 }),
  }),
];
