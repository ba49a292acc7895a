import { z } from "zod";
import { emptyPayload } from "./common";
import { PLAN_LIMITS, planSchema, planStepSchema } from "../methods/plan";
import { CARD_TEXT_MAX, cardPassViewSchema } from "../methods/card-pass";
import { SHEET_IDEA_MAX, SHEET_IDEAS_MAX, sheetPassViewSchema } from "../methods/sheet-pass";
import { TOPIC_TITLE_MAX, marketViewSchema } from "../methods/marketplace";
import { THUMBS, kanbanViewSchema } from "../methods/kanban";
import { stageViewSchema } from "../methods/stages";

export * from "../methods/plan";

/** Which step the sender saw as current (-1 before the first), so two facilitators pressing Next at once advance once. */
const stepIndexSchema = z
  .number()
  .int()
  .min(-1)
  .max(PLAN_LIMITS.steps - 1);

/** The most one Extend adds; a facilitator wanting more presses again. */
export const EXTEND_MINUTES_MAX = 30;

/** A marketplace time slot (0-based); the rules check it against the grid. */
const marketSlot = z.number().int().min(0).max(7);

export const methodsMessages = {
  /** Facilitator: store the session's plan (replacing the one stored); the run starts over before step 1. */
  "methods.plan.save": z.object({ plan: planSchema }).strict(),
  /** Facilitator: apply the next step of the plan. */
  "methods.step.next": z.object({ from: stepIndexSchema }).strict(),
  /** Facilitator: go back to the step before. */
  "methods.step.back": z.object({ from: stepIndexSchema }).strict(),
  /** Facilitator: the current step (`from`, as the sender saw it) runs this many minutes longer. */
  "methods.step.extend": z
    .object({ from: stepIndexSchema, minutes: z.number().int().min(1).max(EXTEND_MINUTES_MAX) })
    .strict(),
  /**
   * Anyone: tell me where the session is in its plan. The server also tells each person on joining and
   * on every change; a view mounted later (or a test) asks, since a client drops messages nobody listens to.
   */
  "methods.sync": emptyPayload,
  /** Participant, at a 25/10 step while writing: my one card (sent again, it replaces the text). */
  "methods.card.write": z.object({ text: z.string().min(1).max(CARD_TEXT_MAX) }).strict(),
  /** Participant: my score for the card I hold in round `round` (0-based), once. */
  "methods.card.score": z
    .object({
      round: z.number().int().min(0).max(19),
      card: z.string().max(16),
      score: z.number().int().min(1).max(10),
    })
    .strict(),
  /** Facilitator: start passing, or the next round, or reveal (`from`: the round the sender saw, -1 while writing). */
  "methods.card.advance": z.object({ from: z.number().int().min(-1).max(19) }).strict(),
  /**
   * Participant, at a Brainwriting step: my row on the sheet I hold (`sheet`: its number less one,
   * `row` = the current pass, as I saw them); sent again before the pass, it replaces the row.
   */
  "methods.sheet.write": z
    .object({
      sheet: z.number().int().min(0).max(63),
      row: z.number().int().min(0).max(63),
      ideas: z.array(z.string().max(SHEET_IDEA_MAX)).min(1).max(SHEET_IDEAS_MAX),
    })
    .strict(),
  /** Facilitator: pass group `group`'s sheets now (`from`: the pass the sender saw). */
  "methods.sheet.pass": z
    .object({ group: z.number().int().min(0).max(199), from: z.number().int().min(0).max(63) })
    .strict(),
  /** Facilitator: open the groups' voice in a silent Brainwriting step (or silence them again). */
  "methods.sheet.voice": z.object({ open: z.boolean() }).strict(),
  /** Participant or facilitator, at an Open Space marketplace: post a topic into a free cell (I convene it). */
  "methods.market.post": z
    .object({ slot: marketSlot, zone: z.string().min(1).max(64), title: z.string().min(1).max(TOPIC_TITLE_MAX) })
    .strict(),
  /** The topic's convener (or a facilitator): move it to another free cell. */
  "methods.market.move": z
    .object({ topic: z.string().min(1).max(16), slot: marketSlot, zone: z.string().min(1).max(64) })
    .strict(),
  /** The topic's convener (or a facilitator): take it off the grid. */
  "methods.market.withdraw": z.object({ topic: z.string().min(1).max(16) }).strict(),
  /**
   * Take over a topic's notes (standing in its zone, or as its convener); a facilitator names anyone
   * present by session id (`person`).
   */
  "methods.market.noteTaker": z
    .object({ topic: z.string().min(1).max(16), person: z.string().min(1).max(64).optional() })
    .strict(),
  /**
   * Facilitator, at a Lean Coffee step: `next` moves the topic under discussion to Done and starts the
   * next one, `done` moves it to Done, `count` counts its thumbs (a majority up extends it). `topic` is
   * the topic the sender saw in Discussing (null for none), so a doubled press moves the board once.
   */
  "methods.kanban.move": z
    .object({ action: z.enum(["next", "done", "count"]), topic: z.string().min(1).max(32).nullable() })
    .strict(),
  /** Participant or facilitator: my thumb on the topic under discussion in thumbs round `round`. */
  "methods.kanban.thumb": z
    .object({ topic: z.string().min(1).max(32), round: z.number().int().min(0).max(100_000), thumb: z.enum(THUMBS) })
    .strict(),
} as const;

/** Where a session is in its plan, as each person is told it. */
export const methodsStateSchema = z.object({
  /** The whole plan, for facilitators only; null for everyone else and when there is no plan. */
  plan: planSchema.nullable(),
  /** Index of the current step; -1 before the first step (or without a plan). */
  step: z.number().int().min(-1),
  /** Number of steps in the plan (0 without a plan). */
  steps: z.number().int().min(0),
  /** The current step, for everyone's "Now" card; null before the first. */
  current: planStepSchema.nullable(),
  /** Server time (ms) when the current step started. */
  startedAt: z.number().nullable(),
  /** Server time (ms) when the current step is planned to end, the facilitator's extensions included. */
  endsAt: z.number().nullable(),
  /**
   * For facilitators: the current step's groups could not be sent out, as the room has fewer breakout
   * zones (or room in them) than groups; null when they were, or for anyone else.
   */
  zonesShort: z.object({ groups: z.number().int().min(0), zones: z.number().int().min(0) }).nullable(),
  /** Who is in the receiver's group for the current step (connected people, the receiver included). */
  group: z.array(z.object({ id: z.string(), name: z.string() })),
  /**
   * Troika Consulting: the receiver's part in the current step (client or consultant) and whether the
   * one-way glass is up; `hidden` are the session ids the server keeps from the receiver behind it
   * (their client), whom the page does not draw. Absent outside Troika.
   */
  troika: z
    .object({ role: z.enum(["client", "consultant"]), glass: z.boolean(), hidden: z.array(z.string()) })
    .nullable()
    .default(null),
  /** 25/10 Crowd Sourcing: what the receiver may see of the card pass (their card, the card they hold). */
  cardPass: cardPassViewSchema.nullable().default(null),
  /** Brainwriting 6-3-5: the sheet the receiver holds with the rows above theirs; progress for facilitators. */
  sheetPass: sheetPassViewSchema.nullable().default(null),
  /** Open Space: the marketplace grid (topics are public; people by name only). */
  market: marketViewSchema.nullable().default(null),
  /** Lean Coffee: the To discuss / Discussing / Done board, the thumbs counted and the receiver's own. */
  kanban: kanbanViewSchema.nullable().default(null),
  /** Stages unlocked in turn: read-only earlier boards, TRIZ's tags and owners (shared/methods/stages.ts). */
  stages: stageViewSchema.nullable().default(null),
});
export type MethodsState = z.infer<typeof methodsStateSchema>;

export const methodsServerMessages = {
  "methods.state": methodsStateSchema,
} as const;
