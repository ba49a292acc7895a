import type { Role } from "../protocol/common";

/**
 * Who receives a coach's whispers: the facilitators, and the coaches (who share one thread, and see
 * their own whisper arrive as a receipt). Participants and observers never get a byte of it.
 */
export function receivesWhispers(role: Role | string | undefined): boolean {
  return role === "facilitator" || role === "coach";
}

/** Who sees the coach's observations: the same people as whispers, now and when they are read back. */
export function seesObservations(role: Role | string | undefined): boolean {
  return receivesWhispers(role);
}

/** Whether a person is counted in "N coaches observing" and kept out of the room's people. */
export function isCoach(role: Role | string | undefined): boolean {
  return role === "coach";
}
