import type { BindingContext } from "../session/binding";
import { resetBoards, syncBoards } from "./sync";

/**
 * Mirrors the boards once per patch, after all of its changes arrived (a note and its board's count
 * change together), as seen by this person: their role and zone decide which contents they see.
 */
export function bindBoards({ room }: BindingContext): void {
  resetBoards();
  room.onStateChange((state) => {
    const self = state.people?.get(room.sessionId);
    if (!self) return;
    syncBoards(state, room.sessionId, self.role === "facilitator", self.zone);
  });
}
