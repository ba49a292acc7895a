import {
  DISPLAY_NAME_MAX,
  normaliseSessionCode,
  ORGANISATION_MAX,
  SESSION_CODE_ALPHABET,
  SESSION_CODE_PATTERN,
  SESSION_TITLE_MAX,
  showsSomething,
  tidyText,
  UNPRINTABLE,
} from "../protocol/constants";

/**
 * What people type before they are inside, checked the way the server will check it, so that a
 * refused value is refused with its reason (shown beside the field) instead of a silently disabled
 * button or a silently cut name.
 */
export type TextProblem =
  { reason: "empty" } | { reason: "too_long"; max: number; length: number } | { reason: "unprintable" };

export type Checked<T, P> = { ok: true; value: T } | ({ ok: false } & P);

/** The value as the server will keep it: NFC, trimmed, inner runs of white space as one space. */
export { tidyText };

/**
 * The same rules as the protocol's plainText schema (shared/protocol/common.ts), written without zod
 * so the join form does not download it: the schema is built from these same functions.
 */
export function checkText(raw: string, max: number, min: number): Checked<string, TextProblem> {
  const value = tidyText(raw);
  if (min > 0 && (value.length < min || !showsSomething(value))) return { ok: false, reason: "empty" };
  // Counted as the server counts: UTF-16 units of the tidied text.
  if (value.length > max) return { ok: false, reason: "too_long", max, length: value.length };
  // The rest the schema refuses: a raw text padded far past the limit, control characters, nothing visible.
  if (raw.length > max * 4 || UNPRINTABLE.test(value) || (value !== "" && !showsSomething(value))) {
    return { ok: false, reason: "unprintable" };
  }
  return { ok: true, value };
}

export function checkDisplayName(raw: string): Checked<string, TextProblem> {
  return checkText(raw, DISPLAY_NAME_MAX, 1);
}

/** Optional: "" is fine. */
export function checkOrganisation(raw: string): Checked<string, TextProblem> {
  return checkText(raw, ORGANISATION_MAX, 0);
}

export function checkSessionTitle(raw: string): Checked<string, TextProblem> {
  return checkText(raw, SESSION_TITLE_MAX, 1);
}

export type CodeProblem =
  | { reason: "empty" }
  | { reason: "not_session_link" }
  | { reason: "bad_characters"; characters: string }
  | { reason: "wrong_length"; length: number };

export interface JoinTarget {
  code: string;
  /** A facilitator link's key (`#host=…`), when a whole facilitator link was pasted. */
  host?: string;
}

/**
 * "Join with a code": a code as typed or read aloud (any case, spaces or dashes), or a whole session
 * link pasted from an invitation, from which the code (and a facilitator key) is taken.
 */
export function parseJoinInput(raw: string): Checked<JoinTarget, CodeProblem> {
  const text = raw.trim();
  if (text === "") return { ok: false, reason: "empty" };
  let candidate = text;
  let host: string | undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[^\s/]+\.[^\s/]+\/|^\/?s\//i.test(text)) {
    const match = /\/s\/([^/?#\s]+)/i.exec(text);
    if (!match) return { ok: false, reason: "not_session_link" };
    candidate = decodeURIComponent(match[1]!);
    host = /#(?:.*&)?host=([A-Za-z0-9_-]+)/.exec(text)?.[1];
  }
  const compact = candidate.toUpperCase().replace(/[\s-]/g, "");
  const wrong = [...new Set([...compact].filter((c) => !SESSION_CODE_ALPHABET.includes(c)))].join(" ");
  if (wrong) return { ok: false, reason: "bad_characters", characters: wrong };
  if (compact.length !== 9) return { ok: false, reason: "wrong_length", length: compact.length };
  const code = normaliseSessionCode(compact);
  if (!SESSION_CODE_PATTERN.test(code)) return { ok: false, reason: "wrong_length", length: compact.length };
  return { ok: true, value: host ? { code, host } : { code } };
}
