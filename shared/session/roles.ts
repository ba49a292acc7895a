import type { Role } from "../protocol/common";

/**
 * Who may do what, in one place, so the server's checks and the client's menus agree.
 * - `reader`: changes nothing in the room (a clock sample, the plan, answering the voice engine's own
 *   offer for one's connection): everyone, the coach too.
 * - `anyone`: anyone with a place in the room (their own pose, name, voice); not the coach, who has none.
 * - `member`: a participant or facilitator (observers watch but do not change the room).
 * - `facilitator`: facilitators only.
 * - `coach`: the coach's own messages (whispers, observations), nobody else's.
 */
export type Permission = "reader" | "anyone" | "member" | "facilitator" | "coach";

export function hasPermission(role: Role | string, needed: Permission): boolean {
  if (needed === "reader") return true;
  // A coach shadows the room and changes nothing in it: only their own messages are theirs to send.
  if (role === "coach") return needed === "coach";
  switch (needed) {
    case "anyone":
      return true;
    case "member":
      return role === "participant" || role === "facilitator";
    case "facilitator":
      return role === "facilitator";
    case "coach":
      return false;
  }
}
