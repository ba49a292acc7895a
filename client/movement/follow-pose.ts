import type { StateCallbackStrategy } from "@colyseus/schema";
import { currentPose } from "../../shared/movement/interest";
import type { HandsState, PoseState } from "../../shared/movement/state";
import type { PersonState } from "../../shared/people/state";
import type { SessionState } from "../../shared/session/state";

/**
 * Calls `onPose` with a person's freshest pose whenever it changes: the full-rate `pose` while the
 * server counts them near us, else the coarse `farPose` (shared/movement/interest.ts). `pose` and
 * `hands` come and go as the person walks into and out of our near set, so listeners are attached
 * to each new copy; `farPose` is passed on only while `pose` is absent, so that a near person's
 * buffer is never fed the same moment twice; `coarse` says which of the two it is. `onHands` hears
 * the hands while they are sent.
 */
export function followPose(
  $: StateCallbackStrategy<SessionState>,
  person: PersonState,
  onPose: (pose: PoseState, coarse: boolean) => void,
  onHands: (hands: HandsState) => void,
): void {
  // Each copy of `pose` and `hands` gets its listeners once, whether it was there when the person
  // appeared or arrived later: listen() called while a patch is being applied does not report the
  // value already there, and a later copy is a new object after the person was far for a while.
  let pose: PoseState | undefined;
  let hands: HandsState | undefined;
  const attach = () => {
    if (person.pose && person.pose !== pose) {
      const copy = person.pose;
      $.onChange(copy, () => onPose(copy, false));
    }
    pose = person.pose;
    if (person.hands && person.hands !== hands) {
      const copy = person.hands;
      // Hands change in the same patch as the head; both halves report, the buffer keeps the latest.
      $.onChange(copy.left, () => onHands(copy));
      $.onChange(copy.right, () => onHands(copy));
    }
    hands = person.hands;
  };
  attach();
  onPose(currentPose(person), !person.pose);
  $.onChange(person.farPose, () => {
    if (!person.pose) onPose(person.farPose, true);
  });
  $.listen(person, "pose", () => {
    attach();
    // Absent: the person is now far, and the coarse pose takes over from where they are.
    onPose(currentPose(person), !person.pose);
  });
  $.listen(person, "hands", attach);
}
