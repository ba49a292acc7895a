import { followPose } from "../movement/follow-pose";
import type { BindingContext } from "../session/binding";

/** Feeds everyone's pose and hands into the connection's per-frame presence buffers (not React). */
export function bindPresence({ $, connection: { presence, nearPoses } }: BindingContext): () => void {
  const following = new Map<string, () => void>();
  $.onAdd("people", (person, id) => {
    following.get(id)?.();
    following.set(
      id,
      followPose(
        $,
        person,
        nearPoses,
        (pose, coarse) => presence.receive(id, pose, performance.now(), coarse),
        (hands) => presence.receiveHands(id, hands, performance.now()),
      ),
    );
  });
  $.onRemove("people", (_person, id) => {
    following.get(id)?.();
    following.delete(id);
    presence.forget(id);
  });
  return () => {
    for (const stop of following.values()) stop();
    following.clear();
  };
}
