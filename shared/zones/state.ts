import { schema, t, type SchemaType } from "@colyseus/schema";
import { ChatMessageState } from "../chat/state";
import { TimerState } from "../timers/state";

/**
 * A zone's own work: what only its members and the facilitators may see. It hangs off the zone in a
 * `.view()` field, so the server sends it only to clients whose StateView holds the zone
 * (server/zones/views.ts decides who that is); everyone else never receives a byte of it.
 */
export const ZoneWorkState = schema(
  {
    /** The group's task, set by a facilitator (often when sending groups out). */
    task: t.string().default(""),
    timer: TimerState,
    /** The zone's chat, newest 50 lines (see shared/chat/history.ts). */
    chat: t.map(ChatMessageState),
  },
  "ZoneWork",
);
export type ZoneWorkState = SchemaType<typeof ZoneWorkState>;

/**
 * A breakout zone: a circle on the floor. Everything but `work` is public (everyone sees the zones,
 * their names and whether they are locked or full). Ids are stable strings: voice, boards and stored
 * records refer to zones by id.
 */
export const ZoneState = schema(
  {
    id: t.string(),
    /** The facilitator's name for it; "" shows the translated default with `letter` ("Breakout A"). */
    name: t.string().default(""),
    letter: t.string(),
    /** Centre and radius in metres, on the lab's floor (see shared/space/layout.ts). */
    x: t.float64(),
    z: t.float64(),
    radius: t.float64(),
    color: t.string(),
    /** Most participants allowed in at once (facilitators and observers not counted); 0 = no limit. */
    capacity: t.uint16().default(0),
    locked: t.boolean().default(false),
    /** The group says it has finished its task. */
    ready: t.boolean().default(false),
    work: t.ref(ZoneWorkState).view(),
  },
  "Zone",
);
export type ZoneState = SchemaType<typeof ZoneState>;

/** The facilitator's room-wide moves that everyone's screen reacts to. */
export const FacilitationState = schema(
  {
    /** Server time when a recall's grace period ends (everyone left is then brought back); 0 = none. */
    recallEndsAt: t.float64().default(0),
    /** Session id of a facilitator asking people to follow them; "" = nobody. */
    followLeader: t.string().default(""),
  },
  "Facilitation",
);
export type FacilitationState = SchemaType<typeof FacilitationState>;
