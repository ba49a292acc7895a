import { create } from "zustand";
import type { ErrorCode, Role } from "../../shared/protocol";

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "closed";
/** Why the connection is closed: the facilitator ended or deleted it, removed us, we left, or it failed. */
export type ClosedReason = "ended" | "removed" | "deleted" | "coach_revoked" | "left" | "failed";

/** The slow-changing part of a person (poses go through avatars/presence.ts, not React). */
export interface PersonView {
  id: string;
  name: string;
  color: number;
  role: Role;
  connected: boolean;
  zone: string;
  organisation: string;
  /** Server time the hand went up; 0 = not raised. */
  handRaisedAt: number;
  /** Id of the facilitator this person follows; "" = nobody. */
  following: string;
  inVR: boolean;
  joinedAt: number;
}

interface SessionStore {
  status: ConnectionStatus;
  closedReason: ClosedReason | null;
  joinError: ErrorCode | "network" | null;
  selfId: string | null;
  code: string;
  title: string;
  people: Record<string, PersonView>;
}

const initial: SessionStore = {
  status: "connecting",
  closedReason: null,
  joinError: null,
  selfId: null,
  code: "",
  title: "",
  people: {},
};

/** What the room tells us, for components to read with selectors. Written only by session/connection.ts and the state bindings. */
export const useSessionStore = create<SessionStore>(() => ({ ...initial }));

export const sessionStoreActions = {
  reset(code: string) {
    useSessionStore.setState({ ...initial, code });
  },
  upsertPerson(person: PersonView) {
    useSessionStore.setState((s) => ({ people: { ...s.people, [person.id]: person } }));
  },
  removePerson(id: string) {
    useSessionStore.setState((s) => {
      const people = { ...s.people };
      delete people[id];
      return { people };
    });
  },
};

export function useSelf(): PersonView | undefined {
  return useSessionStore((s) => (s.selfId ? s.people[s.selfId] : undefined));
}

export function useIsFacilitator(): boolean {
  return useSelf()?.role === "facilitator";
}
