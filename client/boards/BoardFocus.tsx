import { useEffect, useRef } from "react";
import { useFrame } from "@react-three/fiber";
import { boardCentre } from "../../shared/boards/geometry";
import { boardViewpoint, turnBetween, yawToward } from "../../shared/boards/viewpoint";
import { isPathWalkable, isWalkable } from "../../shared/space/layout";
import { PITCH_LIMIT, useLocalPlayer } from "../movement/local-player";
import { useBoardsStore } from "./boards-store";
import { useBoardFocus } from "./board-focus";
import { frameDelta, wake } from "../space/render-demand";

/** Radians a second: a quick but visible turn, so the person sees where the board is. */
const TURN_SPEED = 3;
/** A focus that has not settled by then (someone kept turning away) lets go. */
const GIVE_UP_MS = 10_000;

interface Focus {
  centre: { x: number; y: number; z: number };
  /** The walk target we set; the walk is over once the player's target is no longer this object. */
  walk: { x: number; z: number } | null;
  started: number;
}

/**
 * Brings a requested board into view on a flat screen: walks (at walking pace, the server checking
 * each step as for any walk) to a spot in front of it when the straight way there is open, and turns
 * the view to face it meanwhile. Where no spot can be reached it only turns, which still shows where
 * the board is.
 */
export function BoardFocus() {
  const player = useLocalPlayer();
  const request = useBoardFocus((s) => s.request);
  const focus = useRef<Focus | null>(null);

  useEffect(() => {
    if (!request) return;
    const board = useBoardsStore.getState().boards[request.boardId];
    if (!board) return;
    const spot = boardViewpoint(board, isWalkable);
    const walk = spot && isPathWalkable(player.x, player.z, spot.x, spot.z) ? { ...spot } : null;
    if (walk) player.walkTarget = walk;
    focus.current = { centre: boardCentre(board), walk, started: performance.now() };
    // Asked for from the 2D view (a vote card's button): start drawing the walk and the turn.
    wake();
  }, [request, player]);

  useFrame((_, rawDelta) => {
    const current = focus.current;
    if (!current) return;
    const dt = frameDelta(rawDelta);
    const walking = current.walk !== null && player.walkTarget === current.walk;
    const { centre } = current;
    const turn = turnBetween(player.yaw, yawToward(player, centre));
    const distance = Math.hypot(centre.x - player.x, centre.z - player.z);
    const pitch = Math.max(-PITCH_LIMIT, Math.min(PITCH_LIMIT, Math.atan2(centre.y - player.eyeY, distance)));
    const tilt = pitch - player.pitch;
    const step = TURN_SPEED * dt;
    player.yaw += Math.sign(turn) * Math.min(Math.abs(turn), step);
    player.pitch += Math.sign(tilt) * Math.min(Math.abs(tilt), step);
    const settled = Math.abs(turn) < 0.01 && Math.abs(tilt) < 0.01;
    if ((settled && !walking) || performance.now() - current.started > GIVE_UP_MS) focus.current = null;
  });

  return null;
}
