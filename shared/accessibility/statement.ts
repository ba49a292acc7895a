/**
 * Facts of the accessibility statement that are not words: when it was written and checked, and how
 * soon feedback is answered (the Act on the Provision of Digital Services asks for an answer within
 * two weeks). Update STATEMENT_REVIEWED whenever the statement is checked again.
 */
export const STATEMENT_PREPARED = "2026-12-05";
export const STATEMENT_REVIEWED = "2026-12-05";
export const FEEDBACK_REPLY_DAYS = 14;
