import { z } from "zod";

/**
 * Every reason the server gives for refusing something. The client translates each
 * code (`errors.<code>` in shared/i18n), so a new code needs all three languages.
 */
export const ERROR_CODES = [
  "unknown_message",
  "invalid_payload",
  "forbidden",
  "rate_limited",
  "not_found",
  "movement_corrected",
  "protocol_mismatch",
  "session_not_found",
  "session_ended",
  "session_full",
  "session_busy",
  "invalid_join",
  "removed",
  // boards, notes and votes
  "board_locked",
  "note_limit",
  "round_active",
  "vote_active",
  "vote_closed",
  "vote_budget",
  "vote_note_max",
  "nothing_to_vote",
  "storage_failed",
  // uploads to the presentation screen
  "upload_type",
  "upload_too_large",
  "zone_locked",
  "zone_full",
  "zone_outside_floor",
  "zone_overlaps",
  "too_many_zones",
  "not_in_zone",
  "no_recall",
  // the hybrid room (shared/hybrid)
  "physical_room_not_found",
  "physical_room_full",
  "room_device_taken",
  "too_many_physical_rooms",
  "seated",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorMessageSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** The message that was refused, so the client can tie the error to an action. */
  command: z.string().optional(),
  /** Short machine-readable detail (e.g. the first invalid field); never user text. */
  detail: z.string().optional(),
});
export type ErrorMessage = z.infer<typeof errorMessageSchema>;
