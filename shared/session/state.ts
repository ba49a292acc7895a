import { schema, t, type SchemaType } from "@colyseus/schema";
import { PersonState } from "../people/state";
import { VoiceState } from "../voice/state";

/**
 * The shared state of one session room. Capabilities add their own maps here
 * (zones, boards, timers…), each defined in their own folder.
 */
export const SessionState = schema(
  {
    code: t.string(),
    title: t.string(),
    ended: t.boolean(),
    people: t.map(PersonState),
    voice: VoiceState,
  },
  "SessionState",
);
export type SessionState = SchemaType<typeof SessionState>;
