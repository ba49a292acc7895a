import { schema, t, type SchemaType } from "@colyseus/schema";

/** One chat line. Keyed in its channel's map by a increasing sequence number (see history.ts). */
export const ChatMessageState = schema(
  {
    /** Session id of the writer. */
    author: t.string(),
    /** The writer's name when they wrote it (people may leave or rename afterwards). */
    name: t.string(),
    color: t.uint8(),
    text: t.string(),
    /** Server time, ms. */
    at: t.float64(),
  },
  "ChatMessage",
);
export type ChatMessageState = SchemaType<typeof ChatMessageState>;
