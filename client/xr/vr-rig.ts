import { create } from "zustand";
import { quantisePosition, untrackedHand, type HandPose } from "../../shared/movement/pose-codec";
import type { LocalPlayer } from "../movement/local-player";
import { yawToward } from "../../shared/boards/viewpoint";
import type { SessionConnection } from "../session/connection";

/**
 * The per-frame state of the person's body in VR, shared by the locomotion, the menu and the
 * inspector. A plain mutable object on purpose (it changes every frame); see VRLocomotion for how
 * the XR origin is derived from it.
 */
export class VRRig {
  /** Turn of the XR origin about +y, radians: snap turns change it; the head turns on its own. */
  originYaw = 0;
  /** Set on the first VR frame from the desktop view's heading, so entering VR keeps the facing. */
  started = false;
  /** The teleport target being aimed at (world metres), if any. */
  aim: { x: number; z: number; valid: boolean } | null = null;
  /** performance.now() of the last snap turn, for the comfort vignette. */
  lastTurnAt = -Infinity;
  /** XR frames seen since entering VR (tests wait on it: a button must be held for a whole frame). */
  frames = 0;
  /** A heading to face on the next frame (a jump to a board), applied as a snap turn is. */
  faceYaw: number | null = null;
  /** True while the thumbstick walks (smooth movement), for the comfort vignette. */
  movingSmoothly = false;
  readonly left: HandPose = untrackedHand();
  readonly right: HandPose = untrackedHand();

  constructor(
    private readonly player: LocalPlayer,
    private readonly connection: SessionConnection,
  ) {}

  /**
   * Hops to a spot on the floor: the server decides (shared/movement/rules.ts checkTeleport) and
   * snaps us back if it refuses; we go at once so the hop feels instant.
   */
  teleport(x: number, z: number): void {
    const target = { x: quantisePosition(x), z: quantisePosition(z) };
    this.connection.send("movement.teleport", target);
    this.player.placeAt(target.x / 100, target.z / 100);
  }

  /**
   * Hops to a spot and turns to face a heading: how "Show the board" brings a board in front of a
   * person in a headset, as a teleport and a snap turn (no flight, which would make people sick).
   */
  jumpTo(spot: { x: number; z: number } | null, lookAt: { x: number; z: number }): void {
    // Where no spot in front can be reached, turning still shows where the board is.
    if (spot) this.teleport(spot.x, spot.z);
    this.faceYaw = yawToward(spot ?? this.player, lookAt);
  }

  reset(): void {
    this.faceYaw = null;
    this.started = false;
    this.aim = null;
    this.movingSmoothly = false;
  }
}

/** Whether the in-VR menu is open and on which page (UI state, so React renders it). */
export const useVRMenu = create<{ open: boolean; page: "main" | "facilitate" }>(() => ({ open: false, page: "main" }));

/** Opens the menu on the page last used, or closes it. */
export function toggleVRMenu(): void {
  useVRMenu.setState((s) => ({ open: !s.open }));
}

export function showVRMenuPage(page: "main" | "facilitate"): void {
  useVRMenu.setState({ page });
}
