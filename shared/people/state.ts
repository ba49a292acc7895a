import { schema, t, type SchemaType } from "@colyseus/schema";
import { HandsState, PoseState } from "../movement/state";

/**
 * The view tag of what only "near" clients receive (shared/movement/interest.ts): the full-rate
 * pose and the hands. The server adds a person to a client's StateView with this tag while they are
 * near, and removes them (the client's copy of `pose` disappears) when they are not.
 */
export const NEAR_TAG = 1;

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
    /** The authoritative pose, 20 times a second, to near clients only (read it with currentPose). */
    pose: t.ref(PoseState).view(NEAR_TAG),
    /** Tracked hands while in VR (see shared/movement/pose-codec.ts); near clients only. */
    hands: t.ref(HandsState).view(NEAR_TAG),
    /** The pose rounded (coarsePose) and refreshed twice a second, for everyone: far people are drawn from it. */
    farPose: PoseState,
  },
  "Person",
);
export type PersonState = SchemaType<typeof PersonState>;
