import { schema, t, type SchemaType } from "@colyseus/schema";

/** One person's voice presence. Never persisted. */
export const VoicePersonState = schema(
  {
    /** Not sending: muted by themselves, by a facilitator's "mute all", or listening only. */
    muted: t.boolean().default(true),
    /** Has a microphone they chose to use; false for listen-only. */
    mic: t.boolean(),
    /** Their voice connection to the server is up. */
    connected: t.boolean(),
  },
  "VoicePerson",
);
export type VoicePersonState = SchemaType<typeof VoicePersonState>;

export const VoiceState = schema(
  {
    /** Keyed by the person's session id, like SessionState.people. */
    people: t.map(VoicePersonState),
    /** The facilitator speaking to every zone at once, or "". */
    broadcaster: t.string(),
  },
  "Voice",
);
export type VoiceState = SchemaType<typeof VoiceState>;
