/** Brainwriting 6-3-5's limits, kept free of zod so the room's page can show them without the validator. */
export const SHEET_IDEA_MAX = 200;
/** The most ideas one row holds (the plan's `ideasPerRow` is at most this). */
export const SHEET_IDEAS_MAX = 6;
