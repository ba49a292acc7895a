import { z } from "zod";
import { plainText } from "../protocol/common";

/**
 * A session plan: the ordered steps a facilitator runs with Next / Back. The plan holds the
 * facilitator's own words (a template is turned into a plan in one language when it is picked),
 * so a stored plan never changes meaning when the catalogue of strings changes.
 */

export const PLAN_LIMITS = {
  steps: 60,
  title: 80,
  stepTitle: 80,
  prompt: 600,
  boardTitle: 60,
  /** Seconds: the shortest useful step is half a minute, the longest three hours. */
  duration: { min: 30, max: 3 * 3600 },
  /** A whole plan fits a long workshop day. */
  totalSeconds: 12 * 3600,
  groupSize: { min: 2, max: 12 },
  groupCount: { min: 2, max: 16 },
  /** An imported file larger than this is refused before it is parsed. */
  fileBytes: 256 * 1024,
} as const;

/** Ids the server or the editor makes; short, url-safe. */
export const planIdSchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/);

const groupSize = z.number().int().min(PLAN_LIMITS.groupSize.min).max(PLAN_LIMITS.groupSize.max);

/** How people are arranged for a step. */
export const groupingSchema = z.discriminatedUnion("kind", [
  /** The whole room together in the plenary. */
  z.object({ kind: z.literal("everyone") }).strict(),
  /** Each person on their own (writing alone). */
  z.object({ kind: z.literal("solo") }).strict(),
  /** Pairs; an odd one out makes one trio rather than someone alone. */
  z.object({ kind: z.literal("pairs"), mix: z.boolean() }).strict(),
  /** Groups of about `size` people, sizes balanced to within one. */
  z.object({ kind: z.literal("groupsOf"), size: groupSize, mix: z.boolean() }).strict(),
  /** Exactly `count` groups (fewer when there are fewer people). */
  z
    .object({
      kind: z.literal("groupCount"),
      count: z.number().int().min(PLAN_LIMITS.groupCount.min).max(PLAN_LIMITS.groupCount.max),
      mix: z.boolean(),
    })
    .strict(),
  /**
   * Tables of about `size` with a host. The first tables step seats people; a later one with
   * `rotate` keeps every host at their table and moves the others to meet as few repeat people as possible.
   */
  z.object({ kind: z.literal("tables"), size: groupSize, rotate: z.boolean(), mix: z.boolean() }).strict(),
  /** The same groups as the step before. */
  z.object({ kind: z.literal("previous") }).strict(),
  /** The previous step's pairs, two by two, become fours (their zones and notes come along). */
  z.object({ kind: z.literal("mergePairs") }).strict(),
]);
export type Grouping = z.infer<typeof groupingSchema>;
export type GroupingKind = Grouping["kind"];

/** Which board a step's writing goes on. */
export const captureBoardSchema = z.discriminatedUnion("kind", [
  /** A new board: one per group (`group`) or one for the whole room (`plenary`). */
  z
    .object({
      kind: z.literal("new"),
      title: plainText(PLAN_LIMITS.boardTitle),
      where: z.enum(["group", "plenary"]),
    })
    .strict(),
  /** Keep writing on the board(s) an earlier step opened (World Café's tablecloths, linked TRIZ boards). */
  z.object({ kind: z.literal("step"), stepId: planIdSchema }).strict(),
  /** A board that already exists in the session. */
  z.object({ kind: z.literal("board"), boardId: planIdSchema }).strict(),
]);
export type CaptureBoard = z.infer<typeof captureBoardSchema>;

export const captureSchema = z
  .object({
    board: captureBoardSchema,
    /** Private: notes stay hidden from others until revealed. */
    writing: z.enum(["private", "open"]),
    names: z.enum(["anonymous", "named"]),
  })
  .strict();
export type Capture = z.infer<typeof captureSchema>;

/** A dot vote over the capture board at the end of the step. */
export const stepVoteSchema = z
  .object({
    perPerson: z.number().int().min(1).max(20),
    maxPerNote: z.number().int().min(1).max(20),
    anonymous: z.boolean(),
  })
  .strict();
export type StepVote = z.infer<typeof stepVoteSchema>;

export const TROIKA_PHASES = ["explain", "ask", "advise", "reflect"] as const;
export type TroikaPhase = (typeof TROIKA_PHASES)[number];

/**
 * What a method does beyond grouping and a board: the choreography the server runs for the step.
 * Absent for an ordinary step.
 */
export const mechanicSchema = z.discriminatedUnion("kind", [
  /** 25/10: cards pass anonymously; whoever holds one scores it without seeing earlier scores. */
  z
    .object({
      kind: z.literal("cardPass"),
      rounds: z.number().int().min(1).max(10),
      scale: z.number().int().min(2).max(10),
    })
    .strict(),
  /** Troika Consulting: the group member at `client` (0-based) is the client in this phase. */
  z
    .object({
      kind: z.literal("troika"),
      phase: z.enum(TROIKA_PHASES),
      client: z
        .number()
        .int()
        .min(0)
        .max(PLAN_LIMITS.groupSize.max - 1),
      /** In the advice phase: the client hears but is neither heard nor seen. */
      oneWayGlass: z.boolean(),
    })
    .strict(),
  /** Brainwriting: sheets pass round the group every `passSeconds`; earlier rows read-only. */
  z
    .object({
      kind: z.literal("sheetPass"),
      ideasPerRow: z.number().int().min(1).max(6),
      passSeconds: z.number().int().min(60).max(1800),
    })
    .strict(),
  /** Lean Coffee: topics go To discuss / Discussing / Done with a per-topic timer and a thumbs vote to extend. */
  z
    .object({
      kind: z.literal("kanban"),
      topicSeconds: z.number().int().min(60).max(1800),
      extendVote: z.boolean(),
      /** How long a thumbs-up majority extends a topic; absent: KANBAN_EXTEND_SECONDS (shared/methods/kanban-limits.ts). */
      extendSeconds: z.number().int().min(60).max(1800).optional(),
    })
    .strict(),
  /** Open Space: topics posted on a time-by-zone grid; each zone names a note-taker. */
  z
    .object({
      kind: z.literal("marketplace"),
      slots: z.number().int().min(1).max(8),
      zones: z.number().int().min(1).max(16),
      noteTaker: z.boolean(),
    })
    .strict(),
  /** Stages unlocked in turn on linked boards (What / So What / Now What; TRIZ). */
  z
    .object({
      kind: z.literal("stage"),
      stage: z.number().int().min(1).max(6),
      of: z.number().int().min(1).max(6),
      /** TRIZ: notes can carry the "we already do this" tag. */
      alreadyTag: z.boolean(),
      /** TRIZ's last stage: every action gets an owner. */
      owners: z.boolean(),
    })
    .strict(),
  /** World Café's close: every tablecloth gathered on one wall. */
  z.object({ kind: z.literal("harvest") }).strict(),
]);
export type Mechanic = z.infer<typeof mechanicSchema>;

export const planStepSchema = z
  .object({
    id: planIdSchema,
    title: plainText(PLAN_LIMITS.stepTitle),
    prompt: plainText(PLAN_LIMITS.prompt, 0),
    durationSeconds: z.number().int().min(PLAN_LIMITS.duration.min).max(PLAN_LIMITS.duration.max),
    grouping: groupingSchema,
    capture: captureSchema.nullable(),
    vote: stepVoteSchema.nullable(),
    /** Voice muted in the step's zones unless the facilitator opens it. */
    silent: z.boolean(),
    mechanic: mechanicSchema.nullable(),
  })
  .strict();
export type PlanStep = z.infer<typeof planStepSchema>;
export type PlanStepInput = z.input<typeof planStepSchema>;

export const planSchema = z
  .object({
    id: planIdSchema,
    title: plainText(PLAN_LIMITS.title),
    /** The built-in template the plan started from, if any (for the record, not for behaviour). */
    template: z.string().max(32).nullable(),
    steps: z.array(planStepSchema).min(1).max(PLAN_LIMITS.steps),
  })
  .strict();
export type Plan = z.infer<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;

/** The wrapper of an exported plan file, so an unrelated JSON file is recognised as such. */
export const PLAN_FILE_FORMAT = "yhteistila.plan";
export const PLAN_FILE_VERSION = 1;
