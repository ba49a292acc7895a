import { create } from "zustand";
import type { ServerMessage } from "../../shared/protocol";

export type ZoneSpeakingView = ServerMessage<"coaching.speaking">["zones"][number];

/** The latest speaking shares per zone id; only facilitators' and coaches' pages ever receive any. */
export const useSpeakingStore = create<{ zones: Record<string, ZoneSpeakingView> }>(() => ({ zones: {} }));

export const speakingActions = {
  received({ zones }: ServerMessage<"coaching.speaking">) {
    useSpeakingStore.setState({ zones: Object.fromEntries(zones.map((z) => [z.zone, z])) });
  },
  reset() {
    useSpeakingStore.setState({ zones: {} });
  },
};
