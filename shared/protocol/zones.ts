import { z } from "zod";
import { clientIdSchema, plainText } from "./common";
import { ZONE_COLORS, ZONE_LIMITS } from "../zones/geometry";
import { GROUPING_LIMITS } from "../zones/groups";
import { TIMER_LIMITS } from "../timers/timer";

/** Zone ids are short stable strings: the lab's four ("nw"…) or generated ones ("z3k9q2"). */
export const zoneIdSchema = z
  .string()
  .min(1)
  .max(24)
  .regex(/^[a-z0-9-]+$/);

/** Metres on the floor; the geometry rules (shared/zones/geometry.ts) do the real bounds check. */
const metres = z.number().finite().min(-100).max(100);
const radius = z.number().finite().min(ZONE_LIMITS.minRadius).max(ZONE_LIMITS.maxRadius);
/** 0 = no limit; otherwise a positive number of people. */
const capacity = z.number().int().min(0).max(ZONE_LIMITS.maxCapacity);
const color = z.enum(ZONE_COLORS);
/** A zone name; "" goes back to the translated default ("Breakout A"). */
const zoneName = plainText(ZONE_LIMITS.nameMax, 0);

// Control characters (other than the newline) and bidi overrides would hide or reorder text on others' screens.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE_IN_TASK = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Task text may span lines (bullet lists are common), but stays bounded and printable. */
export const taskTextSchema = z
  .string()
  .max(ZONE_LIMITS.taskMax * 2)
  .transform((s) => s.normalize("NFC").replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .max(ZONE_LIMITS.taskMax)
      .refine((s) => !UNPRINTABLE_IN_TASK.test(s), "unprintable characters"),
  );

const seconds = z
  .number()
  .int()
  .min(TIMER_LIMITS.minMs / 1000)
  .max(TIMER_LIMITS.maxMs / 1000);

export const zonesMessages = {
  /** Facilitator: a new zone; without a position the server finds free floor near the plenary. */
  "zones.create": z
    .object({
      name: zoneName.optional(),
      x: metres.optional(),
      z: metres.optional(),
      radius: radius.optional(),
      capacity: capacity.optional(),
      color: color.optional(),
    })
    .strict(),
  /** Facilitator: change any of a zone's public properties. */
  "zones.update": z
    .object({
      id: zoneIdSchema,
      name: zoneName.optional(),
      x: metres.optional(),
      z: metres.optional(),
      radius: radius.optional(),
      capacity: capacity.optional(),
      color: color.optional(),
      locked: z.boolean().optional(),
    })
    .strict(),
  /** Facilitator: remove a zone (its members find themselves in the plenary). */
  "zones.remove": z.object({ id: zoneIdSchema }).strict(),
  /** Facilitator: set the task of one zone, or of every zone at once. */
  "zones.task": z.object({ target: z.union([zoneIdSchema, z.literal("*")]), text: taskTextSchema }).strict(),
  /**
   * Facilitator: send groups out, in one step: each group goes to its zone's spots (a server-side
   * move) and its zone gets the group's own task, else the common one, and the countdown when given.
   * All tasks together stay within SEND_TASK_BYTES, so the whole send fits in one message.
   */
  "zones.send": z
    .object({
      groups: z
        .array(
          z
            .object({
              zone: zoneIdSchema,
              people: z.array(clientIdSchema).max(GROUPING_LIMITS.maxSize),
              task: taskTextSchema.optional(),
            })
            .strict(),
        )
        .min(1)
        .max(GROUPING_LIMITS.maxGroups),
      task: taskTextSchema.optional(),
      seconds: seconds.optional(),
    })
    .strict(),
  /**
   * Facilitator: everyone back to the plenary circle; with a grace period, people first get a
   * "return" button and only those still out when it ends are brought back.
   */
  "zones.recall": z.object({ graceSeconds: z.number().int().min(0).max(300) }).strict(),
  /** Facilitator: call off a recall's grace period without moving anyone. */
  "zones.cancelRecall": z.object({}).strict(),
  /** Anyone out in a zone during a recall: "bring me back now". */
  "zones.return": z.object({}).strict(),
  /** Facilitator: bring everyone to stand in front of the sender. */
  "zones.summon": z.object({}).strict(),
  /** Facilitator: ask everyone to follow the sender (or stop asking). */
  "zones.lead": z.object({ active: z.boolean() }).strict(),
  /** Accept (leader's id) or stop ("") following a facilitator. */
  "zones.follow": z.object({ leader: z.union([clientIdSchema, z.literal("")]) }).strict(),
  /** A member of a zone: our group is done (or not after all). */
  "zones.ready": z.object({ ready: z.boolean() }).strict(),
} as const;

export const zonesServerMessages = {} as const;
