import { useRef } from "react";
import { useFrame } from "@react-three/fiber";
import { angleDelta, type Pose } from "../../shared/movement/pose-codec";
import { useLocalPlayer } from "../movement/local-player";
import { useConnection } from "../session/connection-context";
import { useSelf } from "../session/session-store";
import { useAccessibilitySettings } from "../accessibility/settings";
import { frameDelta } from "../space/render-demand";

/** How far behind the leader a follower walks, and how fast they may catch up (under the server's limit). */
const KEEP_BEHIND_M = 1.6;
const CATCH_UP_SPEED = 3.6;
/** Turning towards where the leader looks, radians per second. */
const TURN_SPEED = 2.5;

/**
 * "Follow me": while this person follows a facilitator, their view walks after the leader and turns
 * the way the leader looks. Any step of their own (keys, a click on the floor, a VR move) ends it.
 */
export function Follower() {
  const self = useSelf();
  const player = useLocalPlayer();
  const connection = useConnection();
  const expected = useRef<{ x: number; z: number; placements: number } | null>(null);
  const pose = useRef<Pose>({ x: 0, y: 0, z: 0, yaw: 0, pitch: 0 });
  const leader = self?.following ?? "";

  useFrame((_, rawDelta) => {
    if (!leader) {
      expected.current = null;
      return;
    }
    const dt = frameDelta(rawDelta);
    const last = expected.current;
    // Moved since our last frame, and not by the server: the person stepped away on their own.
    if (last && last.placements === player.placements && Math.hypot(player.x - last.x, player.z - last.z) > 0.01) {
      expected.current = null;
      connection.send("zones.follow", { leader: "" });
      return;
    }
    const buffer = connection.presence.buffers.get(leader);
    if (buffer?.latest && buffer.sample(performance.now(), pose.current)) {
      const target = pose.current;
      // A spot behind the leader, on the line from them to us, so we trail rather than overtake.
      const away = Math.hypot(player.x - target.x, player.z - target.z);
      if (away > KEEP_BEHIND_M + 0.05) {
        const goalX = target.x + ((player.x - target.x) / away) * KEEP_BEHIND_M;
        const goalZ = target.z + ((player.z - target.z) / away) * KEEP_BEHIND_M;
        const dx = goalX - player.x;
        const dz = goalZ - player.z;
        const distance = Math.hypot(dx, dz);
        const step = Math.min(distance, CATCH_UP_SPEED * dt);
        if (distance > 0) player.tryMove((dx / distance) * step, (dz / distance) * step);
        player.walkTarget = null;
      }
      // A view turned by someone else is what unsettles most: with reduced motion we only walk along.
      if (!useAccessibilitySettings.getState().reducedMotion) {
        const turn = angleDelta(player.yaw, target.yaw);
        player.yaw += Math.sign(turn) * Math.min(Math.abs(turn), TURN_SPEED * dt);
      }
    }
    expected.current = { x: player.x, z: player.z, placements: player.placements };
  });

  return null;
}
