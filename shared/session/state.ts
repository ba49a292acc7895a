import { schema, t, type SchemaType } from "@colyseus/schema";
import { PersonState } from "../people/state";
import { BoardState, MineState } from "../boards/state";
import { ScreenState } from "../screen/state";
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
    boards: t.map(BoardState),
    /** By session id; each client's view holds only its own entry. */
    boardsMine: t.map(MineState).view(),
    screen: ScreenState,
    voice: VoiceState,
  },
  "SessionState",
);
export type SessionState = SchemaType<typeof SessionState>;
