/** Open Space's limits, kept free of zod so the room's page can show them without the validator. */
export const TOPIC_TITLE_MAX = 80;
