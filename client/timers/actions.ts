import { defineAction } from "../actions/registry";
import { prepareChimes, useChimeStore } from "./chime";

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
];
