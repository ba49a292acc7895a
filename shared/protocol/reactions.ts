import { z } from "zod";
import { clientIdSchema } from "./common";

/** The reactions anyone can send: a quick, wordless response everyone sees for a moment. */
export const REACTIONS = ["thumbs_up", "clap", "heart"] as const;
export type Reaction = (typeof REACTIONS)[number];

export const reactionsMessages = {
  /** Show a reaction above one's own avatar. Presence only: never stored. */
  "reaction.send": z.object({ kind: z.enum(REACTIONS) }).strict(),
} as const;

export const reactionsServerMessages = {
  /** Someone reacted; shown for a few seconds. */
  "reaction.shown": z.object({ id: clientIdSchema, kind: z.enum(REACTIONS) }),
} as const;
