import { schema, t, type SchemaType } from "@colyseus/schema";

/**
 * What everyone sees of coaching: how many coaches are watching. Observing is never hidden from the
 * people being watched; everything else about coaching (whispers, observations) goes only to the
 * facilitators and coaches, as messages (server/coaching), never through this shared state.
 */
export const CoachingState = schema(
  {
    coaches: t.number(),
  },
  "CoachingState",
);
export type CoachingState = SchemaType<typeof CoachingState>;
