import type { HandsWire } from "../../shared/movement/pose-codec";
import type { HandState, HandsState } from "../../shared/movement/state";

function applyHand(hand: HandState, wire: HandsWire, offset: number): void {
  const [flags, dx, dy, dz, rotation] = wire.slice(offset, offset + 5) as [number, number, number, number, number];
  // Assign only what changed: an unchanged field costs nothing in the next patch.
  if (hand.flags !== flags) hand.flags = flags;
  if (hand.dx !== dx) hand.dx = dx;
  if (hand.dy !== dy) hand.dy = dy;
  if (hand.dz !== dz) hand.dz = dz;
  if (hand.rotation !== rotation) hand.rotation = rotation;
}

/** Copies validated hand poses into the person's presence state. */
export function applyHands(hands: HandsState, wire: HandsWire): void {
  applyHand(hands.left, wire, 0);
  applyHand(hands.right, wire, 5);
}

/** Both hands untracked: what others see once someone leaves VR. */
export function clearHands(hands: HandsState): void {
  applyHands(hands, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
}
