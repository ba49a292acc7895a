import { z } from "zod";
import {
  DISPLAY_NAME_MAX,
  LOCALES,
  normaliseSessionCode,
  ORGANISATION_MAX,
  SESSION_CODE_PATTERN,
  SESSION_TITLE_MAX,
  showsSomething,
  tidyText,
  UNPRINTABLE,
} from "./constants";

export {
  DISPLAY_NAME_MAX,
  LOCALES,
  MAX_PEOPLE,
  normaliseSessionCode,
  ORGANISATION_MAX,
  ROLES,
  SESSION_CODE_ALPHABET,
  SESSION_CODE_PATTERN,
  SESSION_TITLE_MAX,
  type Locale,
  type Role,
} from "./constants";

export const sessionCodeSchema = z
  .string()
  .max(16)
  .transform(normaliseSessionCode)
  .pipe(z.string().regex(SESSION_CODE_PATTERN));

/** Visible, trimmed, single-line text of bounded length. */
export function plainText(max: number, min = 1) {
  return z
    .string()
    .max(max * 4)
    .transform(tidyText)
    .pipe(
      z
        .string()
        .min(min)
        .max(max)
        .refine((s) => !UNPRINTABLE.test(s), "unprintable characters")
        // Optional text (min 0) may be empty; anything given must show something.
        .refine((s) => s === "" || showsSomething(s), "nothing visible"),
    );
}

export const displayNameSchema = plainText(DISPLAY_NAME_MAX);
/** An organisation as typed at join; "" (or only spaces) means none given. */
export const organisationSchema = plainText(ORGANISATION_MAX, 0);
export const sessionTitleSchema = plainText(SESSION_TITLE_MAX);

export const localeSchema = z.enum(LOCALES);

/** Colyseus session ids are 9 url-safe characters; allow a little room but nothing more. */
export const clientIdSchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/);

export const emptyPayload = z.object({}).strict().optional();
