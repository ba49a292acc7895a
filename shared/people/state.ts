import { schema, t, type SchemaType } from "@colyseus/schema";
import { HandsState, PoseState } from "../movement/state";

/**
 * The view tag of what only "near" clients receive (shared/movement/interest.ts) in the state: the
 * hands. The server adds a person in VR to a client's StateView with this tag while they are near,
 * and removes them (the client's copy of `hands` disappears) when they are not. The full-rate pose
 * goes to the same near set, as a message (shared/movement/poses-message.ts).
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
    /**
     * The person's number in the near-pose messages (shared/movement/poses-message.ts), given at join
     * and unique in the room while they are in it.
     */
    slot: t.uint16(),
    /**
     * The authoritative pose. Server-side only: near clients receive it 20 times a second in the
     * `movement.poses` message (read it with currentPose), everyone else the coarse `farPose`.
     */
    pose: t.ref(PoseState).noSync(),
    /** Tracked hands while in VR (see shared/movement/pose-codec.ts); near clients only. */
    hands: t.ref(HandsState).view(NEAR_TAG),
    /**
     * The pose rounded (coarsePose) and refreshed twice a second, server-side only: everyone receives
     * it in the `movement.poses` message, and far people are drawn from it.
     */
    farPose: t.ref(PoseState).noSync(),
  },
  "Person",
);
export type PersonState = SchemaType<typeof PersonState>;
