import { z } from "zod";
import { clientIdSchema } from "./common";

export const handsMessages = {
  /** Raise or lower one's own hand. */
  "hands.raise": z.object({ raised: z.boolean() }).strict(),
  /** Facilitator: lower someone's hand (they have had their turn), or everyone's with "*". */
  "hands.lower": z.object({ id: z.union([clientIdSchema, z.literal("*")]) }).strict(),
} as const;

export const handsServerMessages = {} as const;
