import { schema, t, type SchemaType } from "@colyseus/schema";

/**
 * Whether the debrief timeline is being kept, shown to everyone: people are told when what happens in
 * the room is written down for the debrief, never only the facilitators.
 */
export const TimelineState = schema(
  {
    on: t.boolean().default(false),
    /** Server time it was last switched on; 0 while it never was. */
    since: t.float64().default(0),
  },
  "TimelineState",
);
export type TimelineState = SchemaType<typeof TimelineState>;
