/**
 * The protocol's names, limits and codes, free of zod: what the browser needs before and while
 * joining (the join form's checks, the room name, the error codes it translates). The schemas built
 * on them stay in the capability files beside this one, which re-export these, so a file importing
 * from shared/protocol sees no difference; the client imports from here so that zod (about 25 KB
 * gzip) and the schemas are not in the join's download. The server still validates every message.
 */

/**
 * Bumped whenever a message or state shape changes incompatibly; checked when joining.
 * 2: a person's full `pose` and `hands` reach only near clients, the others read `farPose`.
 * 3: poses, full and coarse, leave the state for the `movement.near` message; people carry their `slot`.
 * 4: that message is `movement.poses` (it carries everyone's coarse pose, not only the near ones').
 */
export const PROTOCOL_VERSION = 4;

/**
 * Most people in one session (the server refuses the next with `session_full`). Interest
 * management (shared/movement/interest.ts) is what makes this many affordable: without it each
 * client would receive every pose at the full rate.
 */
export const MAX_PEOPLE = 500;
/** Room name in the Colyseus matchmaker. */
export const SESSION_ROOM = "session";
/** Largest WebSocket frame the server accepts; anything larger closes the connection. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

/** Letters that are unambiguous when read aloud or typed (no 0/O, 1/I/L, 5/S). */
export const SESSION_CODE_ALPHABET = "2346789ABCDEFGHJKMNPQRTUVWXYZ";
/** Three groups of three, e.g. `K7M-4PQ-XRT`: 29^9 ≈ 1.5e13 codes, far beyond any enumeration at our rate limits. */
export const SESSION_CODE_PATTERN =
  /^[2346789ABCDEFGHJKMNPQRTUVWXYZ]{3}-[2346789ABCDEFGHJKMNPQRTUVWXYZ]{3}-[2346789ABCDEFGHJKMNPQRTUVWXYZ]{3}$/;

/** Upper-cases, drops spaces and re-inserts the dashes so a code typed or read aloud still matches. */
export function normaliseSessionCode(input: string): string {
  const compact = input.toUpperCase().replace(/[^0-9A-Z]/g, "");
  if (compact.length !== 9) return compact;
  return `${compact.slice(0, 3)}-${compact.slice(3, 6)}-${compact.slice(6, 9)}`;
}

// Control characters and bidi overrides would let a name hide or reorder text in other people's panels.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// A name of only zero-width or blank-looking characters would show as nothing at all.
const VISIBLE = /[^\p{Cf}\p{Z}\s\u115f\u1160\u2800\u3164\uffa0]/u;

/** Text as the server keeps it: NFC, trimmed, inner runs of white space as one space. */
export function tidyText(raw: string): string {
  return raw.normalize("NFC").trim().replace(/\s+/g, " ");
}

/** False for text of only blank-looking characters, which would show as nothing at all. */
export function showsSomething(text: string): boolean {
  return VISIBLE.test(text);
}

export const DISPLAY_NAME_MAX = 40;
export const SESSION_TITLE_MAX = 80;

export const ORGANISATION_MAX = 60;

export const LOCALES = ["fi", "sv", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = ["facilitator", "participant", "observer", "coach"] as const;
export type Role = (typeof ROLES)[number];

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
  // stages unlocked in turn (shared/methods/stages.ts)
  "board_read_only",
  "not_this_step",
  "note_owned",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The reactions anyone can send: a quick, wordless response everyone sees for a moment. */
export const REACTIONS = ["thumbs_up", "clap", "heart"] as const;
export type Reaction = (typeof REACTIONS)[number];

/** Limits of the accessibility feedback form, shared by the form and the server that checks it. */
export const FEEDBACK_LIMITS = { messageMax: 2000, contactMax: 200, aboutMax: 200 } as const;

/** A whisper is a line, not a letter: the facilitator reads it while running the room. */
export const WHISPER_MAX = 200;
/** An observation is a note to come back to in the debrief. */
export const OBSERVATION_MAX = 500;
