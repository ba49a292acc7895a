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
}

const initial: CoachingStore = {
  isCoach: false,
  coaches: 0,
  whispers: [],
  notices: [],
  observations: [],
  linkDialogOpen: false,
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
  observations(items: Observation[]) {
    useCoachingStore.setState({ observations: items });
  },
  observed(item: Observation) {
    useCoachingStore.setState((s) =>
      s.observations.some((o) => o.id === item.id) ? s : { observations: [...s.observations, item] },
    );
  },
};
