import { schema, t, type SchemaType } from "@colyseus/schema";
import { PersonState } from "../people/state";
import { BoardState, MineState } from "../boards/state";
import { ScreenState } from "../screen/state";
import { VoiceState } from "../voice/state";
import { ChatMessageState } from "../chat/state";
import { TimerState } from "../timers/state";
import { FacilitationState, ZoneState } from "../zones/state";
import { CoachingState } from "../coaching/state";
import { PhysicalRoomState } from "../hybrid/state";
import { TimelineState } from "../timeline/state";

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
    /** Breakout zones in the order the facilitator made them; each zone's own work is private. */
    zones: t.map(ZoneState),
    /** The whole room's countdown, shown to everyone. */
    plenaryTimer: TimerState,
    /** The room-wide chat everyone sees, newest 50 lines. */
    plenaryChat: t.map(ChatMessageState),
    facilitation: FacilitationState,
    /** How many coaches are watching (a coach has no place in `people`). */
    coaching: CoachingState,
    /** Physical meeting rooms taking part (the hybrid room): tables in the lab, in the order added. */
    physicalRooms: t.map(PhysicalRoomState),
    /** Whether the debrief timeline is kept (everyone is shown it). */
    timeline: TimelineState,
  },
  "SessionState",
);
export type SessionState = SchemaType<typeof SessionState>;
