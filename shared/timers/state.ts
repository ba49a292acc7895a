import { schema, t, type SchemaType } from "@colyseus/schema";

/** A countdown in the shared state; see timer.ts for what the fields mean and how they change. */
export const TimerState = schema(
  {
    /** "idle" | "running" | "paused" | "done" */
    status: t.string().default("idle"),
    durationMs: t.float64().default(0),
    remainingMs: t.float64().default(0),
    stampedAt: t.float64().default(0),
  },
  "Timer",
);
export type TimerState = SchemaType<typeof TimerState>;
