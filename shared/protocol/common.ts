import { z } from "zod";

/**
 * Most people in one session (the server refuses the next with `session_full`). Interest
 * management (shared/movement/interest.ts) is what makes this many affordable: without it each
 * client would receive every pose at the full rate.
 */
export const MAX_PEOPLE = 500;

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

export const sessionCodeSchema = z
  .string()
  .max(16)
  .transform(normaliseSessionCode)
  .pipe(z.string().regex(SESSION_CODE_PATTERN));

// Control characters and bidi overrides would let a name hide or reorder text in other people's panels.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// A name of only zero-width or blank-looking characters would show as nothing at all.
const VISIBLE = /[^\p{Cf}\p{Z}\s\u115f\u1160\u2800\u3164\uffa0]/u;

/** Visible, trimmed, single-line text of bounded length. */
export function plainText(max: number, min = 1) {
  return z
    .string()
    .max(max * 4)
    .transform((s) => s.normalize("NFC").trim().replace(/\s+/g, " "))
    .pipe(
      z
        .string()
        .min(min)
        .max(max)
        .refine((s) => !UNPRINTABLE.test(s), "unprintable characters")
        // Optional text (min 0) may be empty; anything given must show something.
        .refine((s) => s === "" || VISIBLE.test(s), "nothing visible"),
    );
}

export const DISPLAY_NAME_MAX = 40;
export const SESSION_TITLE_MAX = 80;

export const ORGANISATION_MAX = 60;

export const displayNameSchema = plainText(DISPLAY_NAME_MAX);
/** An organisation as typed at join; "" (or only spaces) means none given. */
export const organisationSchema = plainText(ORGANISATION_MAX, 0);
export const sessionTitleSchema = plainText(SESSION_TITLE_MAX);

export const LOCALES = ["fi", "sv", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES);

export const ROLES = ["facilitator", "participant", "observer", "coach"] as const;
export type Role = (typeof ROLES)[number];

/** Colyseus session ids are 9 url-safe characters; allow a little room but nothing more. */
export const clientIdSchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/);

export const emptyPayload = z.object({}).strict().optional();
