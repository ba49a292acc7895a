import { followPose } from "../movement/follow-pose";
import type { BindingContext } from "../session/binding";

/** Feeds everyone's pose and hands into the connection's per-frame presence buffers (not React). */
export function bindPresence({ $, connection: { presence } }: BindingContext): void {
  $.onAdd("people", (person, id) => {
    followPose(
      $,
      person,
      (pose, coarse) => presence.receive(id, pose, performance.now(), coarse),
      (hands) => presence.receiveHands(id, hands, performance.now()),
    );
  });
  $.onRemove("people", (_person, id) => presence.forget(id));
}
