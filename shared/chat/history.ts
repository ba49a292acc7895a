/**
 * Chat is for the moment, not the record: each channel keeps only its latest lines in the shared
 * state, so a long workshop does not grow every client's memory and joining stays quick.
 */
export const CHAT_LIMITS = {
  /** Lines each channel keeps. */
  history: 50,
  textMax: 500,
} as const;

/** The map key for message number `seq`: zero-padded so keys also sort as strings. */
export function chatKey(seq: number): string {
  return String(seq).padStart(10, "0");
}

/** Keys to drop so that, after adding one line, at most `limit` remain (oldest first). */
export function keysToDrop(keys: Iterable<string>, limit: number = CHAT_LIMITS.history): string[] {
  const sorted = [...keys].sort();
  return sorted.slice(0, Math.max(0, sorted.length - limit));
}
