import type { Role } from "../protocol/common";

/** Who may do what, in one place, so the server's checks and the client's menus agree. */
export type Permission = "anyone" | "member" | "facilitator";

/** `member` means a participant or facilitator: observers watch but do not change the room. */
export function hasPermission(role: Role | string, needed: Permission): boolean {
  switch (needed) {
    case "anyone":
      return true;
    case "member":
      return role === "participant" || role === "facilitator";
    case "facilitator":
      return role === "facilitator";
  }
}
