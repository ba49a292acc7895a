import { createContext, useContext } from "react";
import { LAB, floorHeightAt, isPathWalkable } from "../../shared/space/layout";
import type { HandPose, Pose } from "../../shared/movement/pose-codec";

/** Walking speed on desktop, m/s: a calm pace, below the server's limit (shared/movement/rules.ts). */
export const WALK_SPEED = 2.6;
export const TURN_SPEED = 1.9;
export const PITCH_LIMIT = 1.35;

/**
 * The local person's own pose, changed every frame by the controls and read by the camera and the
 * pose sender. A plain mutable object on purpose: per-frame values stay out of React state.
 */
export class LocalPlayer implements Pose {
  x = 0;
  y: number = LAB.eyeHeight;
  z = 0;
  yaw = 0;
  pitch = 0;
  /** Where a click on the floor asked to walk to; null when not walking there. */
  walkTarget: { x: number; z: number } | null = null;
  /**
   * Extra places this person may not step into right now (a locked or full zone), so the view stops
   * at the edge smoothly instead of being pulled back by the server.
   */
  blocked: ((x: number, z: number) => boolean) | null = null;
  /** Counts the server's moves and corrections, so followers can tell them from the person's own steps. */
  placements = 0;
  /** Tracked hands while in VR (written by client/xr), relative to the eyes; null on a flat screen. */
  hands: { left: HandPose; right: HandPose } | null = null;

  constructor(start?: Partial<Pose>) {
    Object.assign(this, start);
  }

  /** Eye position above the floor under the player (the stage is raised). */
  get eyeY(): number {
    return floorHeightAt(this.x, this.z) + this.y;
  }

  /**
   * Moves by (dx, dz) unless a wall or pillar is in the way; slides along it when only one
   * axis is blocked, as people expect when they walk into a wall at an angle.
   */
  tryMove(dx: number, dz: number): boolean {
    const { x, z } = this;
    const open = (tx: number, tz: number) => isPathWalkable(x, z, tx, tz) && !this.blocked?.(tx, tz);
    if (open(x + dx, z + dz)) {
      this.x += dx;
      this.z += dz;
      return true;
    }
    if (dx !== 0 && open(x + dx, z)) {
      this.x += dx;
      return true;
    }
    if (dz !== 0 && open(x, z + dz)) {
      this.z += dz;
      return true;
    }
    return false;
  }

  /** Jumps to where the server says we are (a correction or a facilitator's summon). */
  /** A move on the server's word (send-out, summon, teleport); `yaw` turns the view as well. */
  placeAt(x: number, z: number, yaw?: number): void {
    this.x = x;
    this.z = z;
    if (yaw !== undefined) this.yaw = yaw;
    this.walkTarget = null;
    this.placements++;
  }
}

export const LocalPlayerContext = createContext<LocalPlayer | null>(null);

export function useLocalPlayer(): LocalPlayer {
  const player = useContext(LocalPlayerContext);
  if (!player) throw new Error("useLocalPlayer() must be used inside <LocalPlayerContext.Provider>");
  return player;
}
