import { z } from "zod";
import { TIMER_LIMITS } from "../timers/timer";
import { zoneIdSchema } from "./zones";

/** Which countdown: the whole room's, one zone's, or every zone's at once. */
export const timerTargetSchema = z.union([z.literal("plenary"), z.literal("zones"), zoneIdSchema]);
export type TimerTarget = z.infer<typeof timerTargetSchema>;

export const timersMessages = {
  /** Facilitator: start, pause, resume, add time to or clear a countdown. */
  "timers.control": z.discriminatedUnion("op", [
    z
      .object({
        op: z.literal("start"),
        target: timerTargetSchema,
        seconds: z
          .number()
          .int()
          .min(TIMER_LIMITS.minMs / 1000)
          .max(TIMER_LIMITS.maxMs / 1000),
      })
      .strict(),
    z.object({ op: z.literal("pause"), target: timerTargetSchema }).strict(),
    z.object({ op: z.literal("resume"), target: timerTargetSchema }).strict(),
    z
      .object({ op: z.literal("add"), target: timerTargetSchema, seconds: z.union([z.literal(60), z.literal(300)]) })
      .strict(),
    z.object({ op: z.literal("reset"), target: timerTargetSchema }).strict(),
  ]),
  /** Anyone: what time is it on the server? `t` is the client's own clock, echoed back. */
  "timers.sync": z.object({ t: z.number().finite() }).strict(),
} as const;

export const timersServerMessages = {
  "timers.sync": z.object({ t: z.number(), server: z.number() }),
} as const;
