import { z } from "zod";
import {
  HAND_FLAGS_MAX,
  HAND_OFFSET_LIMIT_CM,
  PITCH_STEPS,
  POSITION_LIMIT_CM,
  ROTATION_MAX,
  YAW_STEPS,
} from "../movement/pose-codec";
import { POSES_MESSAGE } from "../movement/poses-message";

const cm = z.number().int().min(-POSITION_LIMIT_CM).max(POSITION_LIMIT_CM);
const handOffset = z.number().int().min(-HAND_OFFSET_LIMIT_CM).max(HAND_OFFSET_LIMIT_CM);
const handWire = [
  z.number().int().min(0).max(HAND_FLAGS_MAX),
  handOffset,
  handOffset,
  handOffset,
  z.number().int().min(0).max(ROTATION_MAX),
] as const;

/** Left then right hand: [flags, dx cm, dy cm, dz cm, packed rotation] each; see pose-codec.ts. */
export const handsWireSchema = z.tuple([...handWire, ...handWire]);

/**
 * [x cm, eye height cm, z cm, yaw steps, pitch steps, hands?]; see shared/movement/pose-codec.ts.
 * Desktop clients send the first five; headsets add both hands (accepted only from people in VR).
 */
export const poseWireSchema = z.tuple([
  cm,
  z.number().int().min(0).max(300),
  cm,
  z
    .number()
    .int()
    .min(0)
    .max(YAW_STEPS - 1),
  z.number().int().min(-PITCH_STEPS).max(PITCH_STEPS),
  handsWireSchema.optional(),
]);

export const movementMessages = {
  /** The sender's own head pose (and hands, in VR) as it moves and looks around (at most 20 a second). */
  "movement.pose": poseWireSchema,
  /** A single hop to a spot on the floor (VR teleport). */
  "movement.teleport": z.object({ x: cm, z: cm }).strict(),
} as const;

export const movementServerMessages = {
  /**
   * The full-rate poses of the people near the receiver and the coarse poses of everyone, those that
   * changed since the last patch, as bytes (layout and reader in shared/movement/poses-message.ts);
   * sent just before each patch.
   */
  [POSES_MESSAGE]: z.instanceof(Uint8Array),
  /** The server refused a step; the client snaps back to the authoritative spot. */
  "movement.corrected": z.object({
    x: cm,
    z: cm,
    reason: z.enum([
      "too_fast",
      "not_walkable",
      "too_far",
      "too_soon",
      "moved_by_server",
      "zone_locked",
      "zone_full",
      "seated",
    ]),
    /** With a zone refusal: the zone that stopped the step. */
    zone: z.string().optional(),
    /** With a server move that also turns the person (to face their group, say): yaw in steps. */
    yaw: z
      .number()
      .int()
      .min(0)
      .max(YAW_STEPS - 1)
      .optional(),
  }),
} as const;
