import { z } from "zod";
import { plainText } from "./common";
import { HYBRID_LIMITS } from "../hybrid/rules";

/** Physical room ids are short generated strings ("r3k9q2"). */
export const physicalRoomIdSchema = z
  .string()
  .min(1)
  .max(24)
  .regex(/^[a-z0-9-]+$/);

const roomName = plainText(HYBRID_LIMITS.nameMax);
const seats = z.number().int().min(HYBRID_LIMITS.minSeats).max(HYBRID_LIMITS.maxSeats);

/**
 * Part of the join options: this person takes part from a physical room, either sitting in it
 * (`seat`: no walking avatar, a seat the server assigns, voice off so the room does not echo) or as
 * the room's device (`device`: the laptop whose microphone and speaker are the room's, at the table).
 */
export const hybridJoinSchema = z.object({ room: physicalRoomIdSchema, as: z.enum(["seat", "device"]) }).strict();
export type HybridJoin = z.infer<typeof hybridJoinSchema>;

export const hybridMessages = {
  /** Facilitator: a physical room takes part ("Meeting room Kuusi", 8 seats); the server places its table. */
  "hybrid.add": z.object({ name: roomName, seats }).strict(),
  /** Facilitator: rename a physical room or change its seat count (never below the people in it). */
  "hybrid.update": z.object({ id: physicalRoomIdSchema, name: roomName.optional(), seats: seats.optional() }).strict(),
  /** Facilitator: the room no longer takes part; anyone in it becomes a remote person in the plenary. */
  "hybrid.remove": z.object({ id: physicalRoomIdSchema }).strict(),
} as const;

export const hybridServerMessages = {} as const;

/** A physical room as the join page shows it (from the session lookup, before joining). */
export interface PhysicalRoomInfo {
  id: string;
  name: string;
  seats: number;
  /** People sitting in it right now. */
  seated: number;
  /** A room device is connected. */
  device: boolean;
}
