import { z } from "zod";
import { PITCH_STEPS, POSITION_LIMIT_CM, YAW_STEPS } from "../movement/pose-codec";

const cm = z.number().int().min(-POSITION_LIMIT_CM).max(POSITION_LIMIT_CM);

/** [x cm, eye height cm, z cm, yaw steps, pitch steps]; see shared/movement/pose-codec.ts. */
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
]);

export const movementMessages = {
  /** The sender's own head pose as it walks and looks around (sent at most 20 times a second). */
  "movement.pose": poseWireSchema,
  /** A single hop to a spot on the floor (VR teleport). */
  "movement.teleport": z.object({ x: cm, z: cm }).strict(),
} as const;

export const movementServerMessages = {
  /** The server refused a step; the client snaps back to the authoritative spot. */
  "movement.corrected": z.object({
    x: cm,
    z: cm,
    reason: z.enum(["too_fast", "not_walkable", "too_far", "too_soon", "moved_by_server", "zone_locked", "zone_full"]),
    /** With a zone refusal: the zone that stopped the step. */
    zone: z.string().optional(),
  }),
} as const;
