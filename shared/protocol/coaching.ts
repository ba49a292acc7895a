import { z } from "zod";
import { plainText } from "./common";
import { zoneIdSchema } from "./zones";

import { OBSERVATION_MAX, WHISPER_MAX } from "./constants";

export { OBSERVATION_MAX, WHISPER_MAX } from "./constants";
/** Observations a session keeps; a coach writing more is refused. */
export const OBSERVATIONS_PER_SESSION = 500;

export const coachingMessages = {
  /** Coach or facilitator: send me every observation so far (answered with `coaching.observations`). */
  "coaching.sync": z.object({}).strict(),
  /** Coach: a short text that only the facilitators receive. */
  "coaching.whisper": z.object({ text: plainText(WHISPER_MAX) }).strict(),
  /** Coach: a private, time-stamped observation, kept with the session for coaches and facilitators. */
  "coaching.observe": z.object({ text: plainText(OBSERVATION_MAX) }).strict(),
  /**
   * Coach: listen to a breakout zone (its id), the plenary around the facilitator (""), or nobody
   * (null). The first choice also starts the coach's voice connection (answered with `voice.offer`).
   */
  "coaching.listen": z.object({ zone: z.union([zoneIdSchema, z.literal("")]).nullable() }).strict(),
  /** Coach: push-to-talk pressed (true) or released (false); only the facilitators hear it. */
  "coaching.talk": z.object({ on: z.boolean() }).strict(),
} as const;

export const observationSchema = z.object({
  id: z.string(),
  /** Server time, ms. */
  at: z.number(),
  /** The coach's display name when they wrote it. */
  author: z.string(),
  text: z.string(),
});
export type Observation = z.infer<typeof observationSchema>;

const shareSchema = z.object({ id: z.string(), ms: z.number(), share: z.number() });
const organisationShareSchema = z.object({ organisation: z.string(), ms: z.number(), share: z.number() });
export const zoneSpeakingSchema = z.object({
  zone: z.string(),
  totalMs: z.number(),
  people: z.array(shareSchema),
  organisations: z.array(organisationShareSchema),
  dominant: z.string(),
  silent: z.array(z.string()),
});

export const coachingServerMessages = {
  /** To the facilitators (and, as a receipt, the coaches): a coach's whisper. */
  "coaching.whisper": z.object({ id: z.string(), at: z.number(), from: z.string(), text: z.string() }),
  /** To coaches and facilitators: every observation so far, oldest first (when asked, or on becoming a facilitator). */
  "coaching.observations": z.object({ items: z.array(observationSchema) }),
  /** To coaches and facilitators: a new observation. */
  "coaching.observation": observationSchema,
  /**
   * To coaches and facilitators only, every few seconds: each zone's share of speaking time from the
   * server's voice-activity count (shared/coaching/speaking.ts). Per-person figures, never stored.
   */
  "coaching.speaking": z.object({ zones: z.array(zoneSpeakingSchema) }),
  /** To the facilitators (and coaches): a coach started or stopped whispering by voice. */
  "coaching.talking": z.object({ coach: z.string(), from: z.string(), on: z.boolean() }),
} as const;

/** HTTP: a facilitator creates (or replaces) the session's coach link; the secret is shown once. */
export interface CoachLinkResponse {
  coachSecret: string;
}
