import { schema, t, type SchemaType } from "@colyseus/schema";
import { PoseState } from "../movement/state";

/** Presence of one person: who they are, their role and where they stand. Never persisted as-is. */
export const PersonState = schema(
  {
    name: t.string(),
    color: t.uint8(),
    /** "facilitator" | "participant" | "observer" */
    role: t.string(),
    connected: t.boolean().default(true),
    /** Which breakout zone the person stands in ("" = plenary). */
    zone: t.string(),
    inVR: t.boolean(),
    joinedAt: t.float64(),
    pose: PoseState,
  },
  "Person",
);
export type PersonState = SchemaType<typeof PersonState>;
