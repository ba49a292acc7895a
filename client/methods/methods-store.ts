import { create } from "zustand";
import type { ErrorCode, MethodsState } from "../../shared/protocol";

/** Why the server refused the last methods command this person sent (its code and detail). */
export interface MethodsRefusal {
  command: string;
  code: ErrorCode;
  detail: string | null;
}

interface MethodsStore {
  /** Where the session is in its plan, as the server last told this person; null until it has. */
  state: MethodsState | null;
  refusal: MethodsRefusal | null;
}

/** The session plan and its run as this person is told it (written only by methods/bind.ts). */
export const useMethodsStore = create<MethodsStore>(() => ({ state: null, refusal: null }));

export const clearMethodsRefusal = () => useMethodsStore.setState({ refusal: null });
