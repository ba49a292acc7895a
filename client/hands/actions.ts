import { defineAction } from "../actions/registry";
import { useSessionStore, type PersonView } from "../session/session-store";

/** Raised hands in the order they went up. */
export function handsQueue(people: Record<string, PersonView>): PersonView[] {
  return Object.values(people)
    .filter((p) => p.handRaisedAt > 0)
    .sort((a, b) => a.handRaisedAt - b.handRaisedAt);
}

const facilitatorWithHandsUp = ({ self }: { self: PersonView | undefined }) =>
  self?.role === "facilitator" && handsQueue(useSessionStore.getState().people).length > 0;

export const handsActions = [
  defineAction({
    id: "hands.raise",
    labelKey: "hands.raise",
    shortcut: "KeyH",
    group: "presence",
    visible: ({ self }) => self !== undefined && self.role !== "observer",
    pressed: ({ self }) => (self?.handRaisedAt ?? 0) > 0,
    run: ({ connection, self }) => connection.send("hands.raise", { raised: !((self?.handRaisedAt ?? 0) > 0) }),
  }),
  defineAction({
    id: "hands.next",
    labelKey: "hands.next",
    group: "facilitation",
    // The first in the queue has had the floor: lower that hand, and the next person is first.
    visible: facilitatorWithHandsUp,
    run: ({ connection }) => {
      const first = handsQueue(useSessionStore.getState().people)[0];
      if (first) connection.send("hands.lower", { id: first.id });
    },
  }),
  defineAction({
    id: "hands.lowerAll",
    labelKey: "hands.lowerAllHands",
    group: "facilitation",
    visible: facilitatorWithHandsUp,
    run: ({ connection }) => connection.send("hands.lower", { id: "*" }),
  }),
];
