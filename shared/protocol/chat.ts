import { z } from "zod";
import { plainText } from "./common";
import { CHAT_LIMITS } from "../chat/history";
import { zoneIdSchema } from "./zones";

export const chatMessages = {
  /** Write to the room-wide chat, or to a zone's (only its members and facilitators may). */
  "chat.send": z
    .object({
      channel: z.union([z.literal("plenary"), zoneIdSchema]),
      text: plainText(CHAT_LIMITS.textMax),
    })
    .strict(),
} as const;

export const chatServerMessages = {} as const;
