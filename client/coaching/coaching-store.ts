import { create } from "zustand";
import type { Observation, ServerMessage } from "../../shared/protocol";

export type Whisper = ServerMessage<"coaching.whisper">;

interface CoachingStore {
  /** This page joined with a coach link (a coach has no entry among the people). */
  isCoach: boolean;
  /** How many coaches are watching; everyone sees this. */
  coaches: number;
  /** Whispers this page received, oldest first (facilitators and coaches only). */
  whispers: Whisper[];
  /** Whispers a facilitator has not dismissed yet, shown as notices. */
  notices: Whisper[];
  observations: Observation[];
  /** The facilitator's coach-link dialog. */
  linkDialogOpen: boolean;
  /** The coach's own choice of what to listen to: a zone id, "" for the plenary, null for nothing. */
  listen: string | null;
  /** The coach holds push-to-talk right now. */
  talkHeld: boolean;
  /** Coaches whispering by voice now, id → name (facilitators and coaches are told). */
  talking: Record<string, string>;
}

const initial: CoachingStore = {
  isCoach: false,
  coaches: 0,
  whispers: [],
  notices: [],
  observations: [],
  linkDialogOpen: false,
  listen: null,
  talkHeld: false,
  talking: {},
};

export const useCoachingStore = create<CoachingStore>(() => ({ ...initial }));

/** Keep this many whispers on the page; older ones are gone with the page anyway. */
const WHISPERS_KEPT = 100;

export const coachingActions = {
  reset(isCoach: boolean) {
    useCoachingStore.setState({ ...initial, isCoach });
  },
  received(whisper: Whisper) {
    useCoachingStore.setState((s) => ({
      whispers: [...s.whispers, whisper].slice(-WHISPERS_KEPT),
      // The coach's own whisper comes back as a receipt, not as news.
      notices: s.isCoach ? s.notices : [...s.notices, whisper].slice(-3),
    }));
  },
  dismiss(id: string) {
    useCoachingStore.setState((s) => ({ notices: s.notices.filter((w) => w.id !== id) }));
  },
  talking({ coach, from, on }: ServerMessage<"coaching.talking">) {
    useCoachingStore.setState((s) => {
      const talking = { ...s.talking };
      if (on) talking[coach] = from;
      else delete talking[coach];
      return { talking };
    });
  },
  observations(items: Observation[]) {
    useCoachingStore.setState({ observations: items });
  },
  observed(item: Observation) {
    useCoachingStore.setState((s) =>
      s.observations.some((o) => o.id === item.id) ? s : { observations: [...s.observations, item] },
    );
  },
};
