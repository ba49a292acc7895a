import { z } from "zod";
import { clientIdSchema } from "./common";

/**
 * Signalling for the embedded voice server. The server offers (it knows how many receive slots a
 * listener gets), the browser answers once with its ICE candidates included, so no trickling
 * messages are needed. A browser's answer for the negotiated slots is about 5 KB, well inside the
 * 16 KiB frame limit; the cap below keeps a hostile one from coming near it.
 */
export const VOICE_SDP_MAX = 14_000;

const sdpSchema = z
  .string()
  .min(10)
  .max(VOICE_SDP_MAX)
  .refine((sdp) => sdp.startsWith("v=0"), "not an SDP");

/** Counts offers to one client, so an answer to an older offer is recognised and ignored. */
const generationSchema = z.number().int().min(1).max(1_000_000);

export const iceServerSchema = z.object({
  urls: z.array(z.string().max(200)).max(4),
  username: z.string().max(200).optional(),
  credential: z.string().max(200).optional(),
});
export type IceServer = z.infer<typeof iceServerSchema>;

export const voiceMessages = {
  /** Start (or restart after a failure) this person's voice connection; the server answers with an offer. */
  "voice.connect": z.object({}).strict(),
  /** The browser's answer to `voice.offer`. */
  "voice.answer": z
    .object({ generation: generationSchema, sdp: sdpSchema, revision: generationSchema.optional() })
    .strict(),
  /** Janus: the browser's offer for its microphone's connection, asked for by `voice.microphone`. */
  "voice.micOffer": z.object({ generation: generationSchema, sdp: sdpSchema }).strict(),
  /** Whether one's microphone is on, and whether one has one at all (false = listen only). */
  "voice.status": z.object({ muted: z.boolean(), mic: z.boolean() }).strict(),
  /** Facilitator: speak to every zone at once, or stop. */
  "voice.broadcast": z.object({ on: z.boolean() }).strict(),
  /** Facilitator: mute everyone else (they may unmute themselves). */
  "voice.muteAll": z.object({}).strict(),
} as const;

export const voiceServerMessages = {
  /** The server's offer: one send slot (the microphone) and `slots` receive slots, by mid. */
  "voice.offer": z.object({
    generation: generationSchema,
    sdp: z.string(),
    micMid: z.string(),
    slotMids: z.array(z.string()),
    iceServers: z.array(iceServerSchema),
    /**
     * Janus: the offer is for a listening connection only (`micMid` is ""), the microphone having one
     * of its own; offers are numbered (the answer names its number). `renegotiate` applies it to the
     * current listening connection; without it, it replaces that connection with a new one.
     */
    revision: generationSchema.optional(),
    renegotiate: z.boolean().optional(),
  }),
  /** Janus: send the microphone on a connection of its own; the browser offers it (`voice.micOffer`). */
  "voice.microphone": z.object({ generation: generationSchema, iceServers: z.array(iceServerSchema) }),
  /** Janus's answer to `voice.micOffer`. */
  "voice.micAnswer": z.object({ generation: generationSchema, sdp: z.string() }),
  /** Who is speaking in each receive slot now ("" = silent), in `slotMids` order. */
  "voice.slots": z.object({
    generation: generationSchema,
    speakers: z.array(z.union([clientIdSchema, z.literal("")])),
  }),
  /** A facilitator muted everyone; the person may unmute again. */
  "voice.mutedByFacilitator": z.object({}),
  /** Voice cannot be offered right now (switched off on this server, or it failed to start). */
  "voice.unavailable": z.object({ reason: z.enum(["disabled", "failed"]) }),
} as const;
