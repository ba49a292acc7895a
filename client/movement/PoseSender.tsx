import { useEffect, useRef } from "react";
import { useFrame } from "@react-three/fiber";
import {
  cmToMetres,
  encodeHands,
  encodePose,
  yawFromSteps,
  type HandsWire,
  type PoseWire,
} from "../../shared/movement/pose-codec";
import { useConnection } from "../session/connection-context";
import { useLocalPlayer } from "./local-player";

/** The server accepts 20 poses a second; sending at a fixed rate keeps bandwidth independent of frame rate. */
const SEND_INTERVAL_MS = 50;

type Wire = PoseWire | [...PoseWire, HandsWire];

function sameWire(a: Wire | null, b: Wire): boolean {
  if (a === null || a.length !== b.length) return false;
  return a.every((value, i) =>
    Array.isArray(value) ? value.every((v, j) => v === (b[i] as number[])[j]) : value === b[i],
  );
}

/** Sends the local pose (with hands in VR) when it changes, and follows the server when it corrects or moves us. */
export function PoseSender() {
  const connection = useConnection();
  const player = useLocalPlayer();
  const lastSent = useRef<Wire | null>(null);
  const lastSentAt = useRef(0);

  useEffect(
    () =>
      connection.on("movement.corrected", ({ x, z, yaw }) => {
        player.placeAt(cmToMetres(x), cmToMetres(z), yaw === undefined ? undefined : yawFromSteps(yaw));
      }),
    [connection, player],
  );

  useFrame(() => {
    const now = performance.now();
    if (now - lastSentAt.current < SEND_INTERVAL_MS) return;
    const head = encodePose(player);
    // In VR both hands ride along with the head, so others see them move from the same moment.
    const wire: Wire = player.hands ? [...head, encodeHands(player.hands.left, player.hands.right)] : head;
    if (sameWire(lastSent.current, wire)) return;
    connection.send("movement.pose", wire);
    lastSent.current = wire;
    lastSentAt.current = now;
  });

  return null;
}
