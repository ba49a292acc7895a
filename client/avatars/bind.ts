import type { BindingContext } from "../session/binding";

/** Feeds everyone's pose and hands into the connection's per-frame presence buffers (not React). */
export function bindPresence({ $, connection: { presence } }: BindingContext): void {
  $.onAdd("people", (person, id) => {
    presence.receive(id, person.pose, performance.now());
    $.onChange(person.pose, () => presence.receive(id, person.pose, performance.now()));
    // Hands change in the same patch as the head; both halves report, the buffer keeps the latest.
    const receiveHands = () => presence.receiveHands(id, person.hands, performance.now());
    $.onChange(person.hands.left, receiveHands);
    $.onChange(person.hands.right, receiveHands);
  });
  $.onRemove("people", (_person, id) => presence.forget(id));
}
