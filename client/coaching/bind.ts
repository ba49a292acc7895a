import { seesObservations } from "../../shared/coaching/rules";
import type { BindingContext } from "../session/binding";
import { useSessionStore } from "../session/session-store";
import { coachingActions, useCoachingStore } from "./coaching-store";
import { speakingActions } from "./speaking-store";

/**
 * Follows coaching in the room: the count of coaches (everyone), and for facilitators and coaches
 * the whispers and observations the server sends them alone. The list of observations is asked for
 * once this page may see it (a coach at once, a facilitator when the state says they are one).
 */
export function bindCoaching({ $, room, connection }: BindingContext): () => void {
  $.listen("coaching", (coaching) => {
    $.listen(coaching, "coaches", (coaches) => useCoachingStore.setState({ coaches }));
  });
  const stops = [
    connection.on("coaching.whisper", coachingActions.received),
    connection.on("coaching.observations", ({ items }) => coachingActions.observations(items)),
    connection.on("coaching.observation", coachingActions.observed),
    connection.on("coaching.speaking", speakingActions.received),
    connection.on("coaching.talking", coachingActions.talking),
  ];
  let asked = false;
  const ask = () => {
    if (asked) return;
    const self = useSessionStore.getState().people[room.sessionId];
    const role = useCoachingStore.getState().isCoach ? "coach" : self?.role;
    if (!seesObservations(role)) return;
    asked = true;
    connection.send("coaching.sync", {});
  };
  ask();
  stops.push(useSessionStore.subscribe(ask));
  return () => {
    speakingActions.reset();
    for (const stop of stops) stop();
  };
}
