import { floorSpot } from "../../shared/movement/pose-codec";
import { withCoaches, type CoachSpot } from "../../shared/voice/coach-routing";
import type { HearingPlan, VoiceParticipant } from "../../shared/voice/routing";
import type { RoomApi } from "../commands/registry";

/**
 * A coach's voice presence, kept by the server alone: a coach is not a person in the room, so none of
 * this is in the shared state (participants never learn where a coach listens, or that they talk).
 */
export interface CoachVoiceState {
  /** Their voice connection is up. */
  connected: boolean;
  /** A zone id, "" for the plenary around the facilitator, null for nobody. */
  listen: string | null;
  /** Holding push-to-talk. */
  talking: boolean;
}

/**
 * Where "the plenary around the facilitator" is: the broadcaster if they are in the plenary, else the
 * first facilitator there (by id, so it is stable), else the middle of the room.
 */
function plenarySpot(room: RoomApi): CoachSpot {
  const { people, voice } = room.state;
  const inPlenary = (id: string) => people.get(id)?.role === "facilitator" && people.get(id)?.zone === "";
  const id = inPlenary(voice.broadcaster) ? voice.broadcaster : [...people.keys()].filter(inPlenary).sort()[0];
  const person = id === undefined ? undefined : people.get(id);
  return { zone: "", ...(person ? floorSpot(person.pose) : { x: 0, z: 0 }) };
}

/** The room's hearing plan with its coaches added (shared/voice/coach-routing.ts decides). */
export function planWithCoaches(
  room: RoomApi,
  base: HearingPlan,
  participants: readonly VoiceParticipant[],
  coaches: ReadonlyMap<string, CoachVoiceState>,
): HearingPlan {
  if (coaches.size === 0) return base;
  const facilitators = new Set<string>();
  room.state.people.forEach((person, id) => {
    if (person.role === "facilitator") facilitators.add(id);
  });
  const voices = [...coaches].map(([id, state]) => ({
    id,
    connected: state.connected,
    listen:
      state.listen === null
        ? null
        : state.listen === ""
          ? plenarySpot(room)
          : room.state.zones.has(state.listen)
            ? { zone: state.listen, x: 0, z: 0 }
            : null,
    whispering: state.talking,
  }));
  return withCoaches(base, participants, voices, room.state.voice.broadcaster, { facilitators });
}
