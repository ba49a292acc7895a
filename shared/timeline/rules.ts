import type { Role } from "../protocol/common";

/** Who may read the timeline and open the debrief: the facilitators and the coach, like observations. */
export function readsTimeline(role: Role | string | undefined): boolean {
  return role === "facilitator" || role === "coach";
}
