import { z } from "zod";
import { clientIdSchema } from "./common";

import { REACTIONS } from "./constants";

export { REACTIONS, type Reaction } from "./constants";

export const reactionsMessages = {
  /** Show a reaction above one's own avatar. Presence only: never stored. */
  "reaction.send": z.object({ kind: z.enum(REACTIONS) }).strict(),
} as const;

export const reactionsServerMessages = {
  /** Someone reacted; shown for a few seconds. */
  "reaction.shown": z.object({ id: clientIdSchema, kind: z.enum(REACTIONS) }),
} as const;
