/** Lean Coffee's limits, kept free of zod so the room's page can use them without the validator. */

/** A thumbs-up majority extends the topic by this much when the step names no extension of its own. */
export const KANBAN_EXTEND_SECONDS = 180;

export const THUMBS = ["up", "sideways", "down"] as const;
export type Thumb = (typeof THUMBS)[number];

export const KANBAN_COLUMNS = ["todo", "doing", "done"] as const;
export type KanbanColumn = (typeof KANBAN_COLUMNS)[number];
