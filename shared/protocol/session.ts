import { z } from "zod";
import {
  clientIdSchema,
  displayNameSchema,
  localeSchema,
  organisationSchema,
  sessionCodeSchema,
  sessionTitleSchema,
} from "./common";
import { AVATAR_COLORS } from "../avatars/palette";
import { hybridJoinSchema, type PhysicalRoomInfo } from "./hybrid";

/**
 * Bumped whenever a message or state shape changes incompatibly; checked when joining.
 * 2: a person's full `pose` and `hands` reach only near clients, the others read `farPose`.
 */
export const PROTOCOL_VERSION = 2;

export const avatarColorSchema = z
  .number()
  .int()
  .min(0)
  .max(AVATAR_COLORS.length - 1);

/** What a browser sends when it joins a session room. */
export const joinOptionsSchema = z
  .object({
    protocol: z.literal(PROTOCOL_VERSION),
    code: sessionCodeSchema,
    name: displayNameSchema,
    /** Left out when the person did not choose: the server gives the colour fewest present wear. */
    color: avatarColorSchema.optional(),
    locale: localeSchema,
    /** Present only in a facilitator's link; compared to a stored hash, never stored or logged. */
    facilitatorSecret: z
      .string()
      .min(20)
      .max(100)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
    /** Present only in a coach's link (see server/coaching); compared to a stored hash like the facilitator's. */
    coachSecret: z
      .string()
      .min(20)
      .max(100)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
    /** Optional: the agency or organisation the person comes from, for "mix by organisation" groups. */
    organisation: organisationSchema.optional(),
    /** Joins without an avatar in the room's structure (coaches, guests watching). */
    observer: z.boolean().optional(),
    /**
     * A random key this browser keeps, so the person stays the same person (the author of their
     * notes, the owner of their dots) across reconnections and server restarts. Only a hash of it,
     * salted with the session code, is ever kept.
     */
    personKey: z
      .string()
      .min(16)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
    /** Taking part from a physical room of the session (see shared/protocol/hybrid.ts); absent = remote. */
    hybrid: hybridJoinSchema.optional(),
  })
  .strict();
export type JoinOptions = z.infer<typeof joinOptionsSchema>;

export const sessionMessages = {
  /** Facilitator: change the title everyone sees. */
  "session.rename": z.object({ title: sessionTitleSchema }).strict(),
  /** Facilitator: close the session for everyone. */
  "session.end": z.object({}).strict(),
  /** Change one's own display name or colour. */
  "session.profile": z.object({ name: displayNameSchema.optional(), color: avatarColorSchema.optional() }).strict(),
  /** Facilitator: remove a person from the session. */
  "people.remove": z.object({ id: clientIdSchema }).strict(),
  /** Facilitator: make a participant a co-facilitator, or step someone back to participant. */
  "people.setRole": z.object({ id: clientIdSchema, role: z.enum(["facilitator", "participant"]) }).strict(),
} as const;

export const sessionServerMessages = {
  /** Sent to a person just before the server closes their connection on purpose. */
  "session.closed": z.object({ reason: z.enum(["ended", "removed", "deleted", "coach_revoked"]) }),
} as const;

/** HTTP: creating a session. */
export const createSessionRequestSchema = z.object({ title: sessionTitleSchema }).strict();
export interface CreateSessionResponse {
  code: string;
  title: string;
  facilitatorSecret: string;
}
export interface SessionInfoResponse {
  code: string;
  title: string;
  ended: boolean;
  /** Coaches watching right now: observing is never hidden from the people being watched. */
  coaches?: number;
  /** The session's physical rooms, so the join page can offer "I'm in Meeting room Kuusi". */
  physicalRooms?: PhysicalRoomInfo[];
  /** Whether the debrief timeline is being kept: the join page says so before anyone enters. */
  timeline?: boolean;
}
