import { useEffect, useRef } from "react";
import { useFrame } from "@react-three/fiber";
import { cmToMetres, encodePose, type PoseWire } from "../../shared/movement/pose-codec";
import { useConnection } from "../session/connection-context";
import { useLocalPlayer } from "./local-player";

/** The server accepts 20 poses a second; sending at a fixed rate keeps bandwidth independent of frame rate. */
const SEND_INTERVAL_MS = 50;

function samePose(a: PoseWire | null, b: PoseWire): boolean {
  return a !== null && a.every((value, i) => value === b[i]);
}

/** Sends the local pose when it changes, and follows the server when it corrects or moves us. */
export function PoseSender() {
  const connection = useConnection();
  const player = useLocalPlayer();
  const lastSent = useRef<PoseWire | null>(null);
  const lastSentAt = useRef(0);

  useEffect(
    () =>
      connection.on("movement.corrected", ({ x, z }) => {
        player.placeAt(cmToMetres(x), cmToMetres(z));
      }),
    [connection, player],
  );

  useFrame(() => {
    const now = performance.now();
    if (now - lastSentAt.current < SEND_INTERVAL_MS) return;
    const wire = encodePose(player);
    if (samePose(lastSent.current, wire)) return;
    connection.send("movement.pose", wire);
    lastSent.current = wire;
    lastSentAt.current = now;
  });

  return null;
}
