import { useEffect, useRef } from "react";
import { useIsFacilitator, useSessionStore } from "../session/session-store";
import { showToast } from "../ui/toast-store";

/** Tells facilitators, politely, when someone raises a hand (the queue keeps the order). */
export function HandsNotifier() {
  const facilitator = useIsFacilitator();
  const people = useSessionStore((s) => s.people);
  const selfId = useSessionStore((s) => s.selfId);
  const seen = useRef<Map<string, number> | null>(null);
  useEffect(() => {
    const previous = seen.current;
    seen.current = new Map(Object.values(people).map((p) => [p.id, p.handRaisedAt]));
    if (!previous || !facilitator) return;
    for (const person of Object.values(people)) {
      if (person.id !== selfId && person.handRaisedAt > 0 && (previous.get(person.id) ?? 0) === 0) {
        showToast({ key: "hands.raisedToast", params: { name: person.name } });
      }
    }
  }, [people, facilitator, selfId]);
  return null;
}
