import { schema, t, type SchemaType } from "@colyseus/schema";
import { HandsState, PoseState } from "../movement/state";

/** Presence of one person: who they are, their role and where they stand. Never persisted as-is. */
export const PersonState = schema(
  {
    name: t.string(),
    color: t.uint8(),
    /** "facilitator" | "participant" | "observer" */
    role: t.string(),
    connected: t.boolean().default(true),
    /** Which breakout zone the person stands in ("" = plenary); decided by the server (shared/zones/membership.ts). */
    zone: t.string(),
    /** The organisation the person gave when joining ("" when none), for mixing groups. */
    organisation: t.string().default(""),
    /** Server time the hand went up; 0 = not raised. Facilitators answer hands in this order. */
    handRaisedAt: t.float64().default(0),
    /** Session id of the facilitator this person has agreed to follow; "" = nobody. */
    following: t.string().default(""),
    /** Set by the server from the client's `xr.session` message: shown on the avatar and in the People panel. */
    inVR: t.boolean().default(false),
    joinedAt: t.float64(),
    pose: PoseState,
    /** Tracked hands while in VR (see shared/movement/pose-codec.ts). */
    hands: HandsState,
  },
  "Person",
);
export type PersonState = SchemaType<typeof PersonState>;
