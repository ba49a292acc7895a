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

/**
 * The messages a coach's page may send: their own, and the read-only requests (a clock sample, the
 * plan). The server's role rule decides (shared/session/roles.ts); the page uses this list so that
 * it never sends what would only be refused (its pose, its voice). tests/coaching keeps the two equal.
 */
export const COACH_SENDS: readonly string[] = [
  "coaching.whisper",
  "coaching.observe",
  "coaching.sync",
  "coaching.listen",
  "coaching.talk",
  // The coach's voice connection answers the server's own offers (see server/voice/commands.ts).
  "voice.answer",
  "voice.micOffer",
  "timers.sync",
  "methods.sync",
];
