import type { StateCallbackStrategy } from "@colyseus/schema";
import { currentPose, type PoseTable } from "../../shared/movement/poses-message";
import type { PoseFields } from "../../shared/movement/pose-codec";
import type { HandsState } from "../../shared/movement/state";
import type { PersonState } from "../../shared/people/state";
import type { SessionState } from "../../shared/session/state";

/**
 * Calls `onPose` with a person's freshest pose whenever it changes, from the pose messages
 * (shared/movement/poses-message.ts): the full-rate one while the server counts them near us, else
 * the coarse one, which is passed on only while no full pose is held, so that a near person's buffer
 * is never fed the same moment twice; `coarse` says which of the two it is. `onHands` hears the
 * hands while they are sent (they come and go with nearness, in the state). Returns a function
 * that stops following.
 */
export function followPose(
  $: StateCallbackStrategy<SessionState>,
  person: PersonState,
  near: PoseTable,
  onPose: (pose: PoseFields, coarse: boolean) => void,
  onHands: (hands: HandsState) => void,
): () => void {
  // Each copy of `hands` gets its listeners once, whether it was there when the person appeared or
  // arrived later: listen() called while a patch is being applied does not report the value
  // already there, and a later copy is a new object after the person was far for a while.
  let hands: HandsState | undefined;
  const attachHands = () => {
    if (person.hands && person.hands !== hands) {
      const copy = person.hands;
      // Hands change in the same patch; both halves report, the buffer keeps the latest.
      $.onChange(copy.left, () => onHands(copy));
      $.onChange(copy.right, () => onHands(copy));
    }
    hands = person.hands;
  };
  attachHands();
  const known = currentPose(person, near);
  if (known) onPose(known, near.get(person.slot) === undefined);
  $.listen(person, "hands", attachHands);
  return near.watch(person.slot, (pose, coarse) => {
    if (pose) onPose(pose, coarse);
  });
}
