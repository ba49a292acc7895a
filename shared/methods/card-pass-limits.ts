/** 25/10's limits, kept free of zod so the room's page can show them without the validator. */
export const CARD_TEXT_MAX = 280;
export const CARD_PASS_TOP = 10;
