import { useMemo } from "react";
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

const NOBODY: ReadonlySet<string> = new Set();

/**
 * Who the server keeps from this person behind Troika's one-way glass (session ids): it sends no
 * movement or voice of them, and the page draws them not at all rather than frozen where they were.
 */
export function useBehindGlass(): ReadonlySet<string> {
  const hidden = useMethodsStore((s) => s.state?.troika?.hidden);
  return useMemo(() => (hidden && hidden.length > 0 ? new Set(hidden) : NOBODY), [hidden]);
}
