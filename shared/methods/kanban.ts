import { z } from "zod";
import { KANBAN_COLUMNS, KANBAN_EXTEND_SECONDS, THUMBS, type KanbanColumn, type Thumb } from "./kanban-limits";
import { NOTE_TEXT_MAX, NOTES_PER_BOARD_MAX } from "../boards/basics";
import type { HeldVote } from "../boards/votes";
import { ballotDocSchema, voteDocSchema } from "../boards/model";
import { MAX_PEOPLE } from "../protocol/constants";
import type { MethodsRun } from "./run";

/**
 * Lean Coffee as pure rules: the topics written and dot-voted earlier become a queue, most votes
 * first (equal votes in the order they were written). The facilitator starts the next topic (the one
 * being discussed, if any, goes to Done), so only one topic is ever in Discussing, each on its own
 * clock. While a topic runs, everyone may show a thumb (up / sideways / down), one per person per
 * round; when the facilitator counts them, a majority of thumbs up extends the topic (a new round),
 * anything else moves it to Done. The dot vote ends as the discussion begins (the queue is its final
 * count), and the board keeps that vote as it was, so Back can open it again.
 */

export { KANBAN_COLUMNS, KANBAN_EXTEND_SECONDS, THUMBS, type Thumb };
export type { KanbanColumn };

const thumbSchema = z.enum(THUMBS);
const topicSchema = z.object({
  /** The note the topic was written on. */
  id: z.string().min(1).max(32),
  text: z.string().max(NOTE_TEXT_MAX),
  votes: z.number().int().min(0),
  column: z.enum(KANBAN_COLUMNS),
  /** Server time (ms) the topic was first started; null while it waits. */
  startedAt: z.number().nullable(),
  /** When its time is up (extensions included); null while it waits. */
  endsAt: z.number().nullable(),
  /** When it went to Done; null before. */
  doneAt: z.number().nullable(),
  /** How many times the thumbs extended it. */
  extensions: z.number().int().min(0),
});
export type KanbanTopic = z.infer<typeof topicSchema>;

/** A vote a step ended, kept for Back (shared/boards/votes.ts: holdVote, reopenHeldVote). */
export const heldVoteSchema: z.ZodType<HeldVote> = z.object({
  vote: voteDocSchema,
  ballots: z.array(ballotDocSchema).max(MAX_PEOPLE),
  endedAt: z.number(),
});

export const kanbanSchema = z.object({
  /** The run entry (index in run.entries) whose step opened the board; Back past it drops it. */
  entry: z.number().int().min(0),
  topicSeconds: z.number().int().min(1),
  extendSeconds: z.number().int().min(1),
  extendVote: z.boolean(),
  /** In queue order: most votes first. */
  topics: z.array(topicSchema).max(NOTES_PER_BOARD_MAX),
  /** Counts thumbs rounds, so a thumb meant for an earlier round (or topic) is refused, not counted. */
  round: z.number().int().min(0),
  /** This round's thumbs by uid: one per person. */
  thumbs: z.record(z.string().max(64), thumbSchema),
  /** The dot vote the step ended to build the queue, as it stood (Back reopens it); absent in older boards. */
  heldVote: heldVoteSchema.nullable().default(null),
});
export type Kanban = z.infer<typeof kanbanSchema>;

export type KanbanResult = { ok: true; board: Kanban } | { ok: false; key: string };
const refuse = (key: string): KanbanResult => ({ ok: false, key });

/** A written topic as the board takes it: its note, its dots and when it was written (for ties). */
export interface TopicSource {
  id: string;
  text: string;
  votes: number;
  createdAt: number;
}

export function openKanban(
  entry: number,
  mechanic: { topicSeconds: number; extendVote: boolean; extendSeconds?: number | undefined },
  sources: readonly TopicSource[],
  heldVote: HeldVote | null = null,
): Kanban {
  const queue = [...sources].sort((a, b) => b.votes - a.votes || a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return {
    entry,
    topicSeconds: mechanic.topicSeconds,
    extendSeconds: mechanic.extendSeconds ?? KANBAN_EXTEND_SECONDS,
    extendVote: mechanic.extendVote,
    topics: queue.map((t) => ({
      id: t.id,
      text: t.text,
      votes: t.votes,
      column: "todo",
      startedAt: null,
      endsAt: null,
      doneAt: null,
      extensions: 0,
    })),
    round: 0,
    thumbs: {},
    heldVote,
  };
}

/**
 * Which Lean Coffee boards the run calls for. Each Lean Coffee step keeps a board of its own, named by
 * its entry (the steps run in plan order, so the entry is the step): a plan with two rounds keeps both.
 * `have` are the entries with a board now; Back before a step drops its board (`drop`), and the step
 * just entered opens one (`open`) unless it has one already.
 */
export function kanbanBoardsFor(have: readonly number[], run: MethodsRun): { drop: number[]; open: number | null } {
  const last = run.entries.length - 1;
  const drop = have.filter((entry) => entry > last);
  const step = last >= 0 ? run.plan?.steps[run.entries[last]!.step] : undefined;
  const open = step?.mechanic?.kind === "kanban" && !have.includes(last) ? last : null;
  return { drop, open };
}

/** The board people see: the latest step's that has one (after its step it is only read). */
export function shownKanban<T extends Pick<Kanban, "entry">>(boards: readonly T[]): T | null {
  return boards.reduce<T | null>((shown, board) => (!shown || board.entry > shown.entry ? board : shown), null);
}

/** The topic in Discussing, if any (the rules never put two there). */
export const discussing = (board: Kanban): KanbanTopic | null => board.topics.find((t) => t.column === "doing") ?? null;

const withTopic = (board: Kanban, id: string, change: (t: KanbanTopic) => KanbanTopic): Kanban["topics"] =>
  board.topics.map((t) => (t.id === id ? change(t) : t));

function finish(board: Kanban, id: string, now: number): Kanban {
  return {
    ...board,
    topics: withTopic(board, id, (t) => ({ ...t, column: "done", doneAt: now })),
    thumbs: {},
    round: board.round + 1,
  };
}

/**
 * The facilitator's Start next: the topic under discussion goes to Done and the first waiting one
 * starts on its own clock. `seen` is the topic the sender saw in Discussing (null for none), so a
 * doubled press moves the board once.
 */
export function startNext(board: Kanban, seen: string | null, now: number): KanbanResult {
  const current = discussing(board);
  if ((current?.id ?? null) !== seen) return refuse("methods.stale");
  const next = board.topics.find((t) => t.column === "todo");
  if (!next) return refuse(current ? "methods.kanban.lastTopic" : "methods.kanban.noTopics");
  const after = current ? finish(board, current.id, now) : { ...board, round: board.round + 1, thumbs: {} };
  return {
    ok: true,
    board: {
      ...after,
      topics: withTopic(after, next.id, (t) => ({
        ...t,
        column: "doing",
        startedAt: now,
        endsAt: now + board.topicSeconds * 1000,
      })),
    },
  };
}

/** The facilitator's Done: the topic under discussion (`seen`) goes to Done without a thumbs vote. */
export function finishTopic(board: Kanban, seen: string | null, now: number): KanbanResult {
  const current = discussing(board);
  if (!current) return refuse("methods.kanban.nothingDiscussed");
  if (current.id !== seen) return refuse("methods.stale");
  return { ok: true, board: finish(board, current.id, now) };
}

/** One person's thumb on the topic under discussion in round `round` (shown again, it replaces theirs). */
export function castThumb(board: Kanban, uid: string, topic: string, round: number, thumb: Thumb): KanbanResult {
  if (!board.extendVote) return refuse("methods.kanban.noThumbs");
  const current = discussing(board);
  if (!current) return refuse("methods.kanban.nothingDiscussed");
  if (current.id !== topic || board.round !== round) return refuse("methods.stale");
  return { ok: true, board: { ...board, thumbs: { ...board.thumbs, [uid]: thumb } } };
}

export function thumbCounts(board: Pick<Kanban, "thumbs">): Record<Thumb, number> {
  const counts = { up: 0, sideways: 0, down: 0 };
  for (const thumb of Object.values(board.thumbs)) counts[thumb] += 1;
  return counts;
}

/** More than half of the thumbs shown are up (no thumbs at all is no majority). */
export function thumbsExtend(counts: Record<Thumb, number>): boolean {
  const shown = counts.up + counts.sideways + counts.down;
  return shown > 0 && counts.up * 2 > shown;
}

/**
 * The facilitator counts the thumbs on the topic under discussion (`seen`): a majority up gives it
 * `extendSeconds` more (from its end, or from now once it has run over) and a fresh round of thumbs;
 * otherwise it goes to Done.
 */
export function countThumbs(board: Kanban, seen: string | null, now: number): KanbanResult {
  if (!board.extendVote) return refuse("methods.kanban.noThumbs");
  const current = discussing(board);
  if (!current) return refuse("methods.kanban.nothingDiscussed");
  if (current.id !== seen) return refuse("methods.stale");
  if (!thumbsExtend(thumbCounts(board))) return { ok: true, board: finish(board, current.id, now) };
  const from = Math.max(now, current.endsAt ?? now);
  return {
    ok: true,
    board: {
      ...board,
      topics: withTopic(board, current.id, (t) => ({
        ...t,
        endsAt: from + board.extendSeconds * 1000,
        extensions: t.extensions + 1,
      })),
      thumbs: {},
      round: board.round + 1,
    },
  };
}

/** How a topic ended up, for the board's exports. */
export type TopicOutcome = "waiting" | "discussing" | "done" | "extended";
export const topicOutcome = (topic: KanbanTopic): TopicOutcome =>
  topic.column === "todo"
    ? "waiting"
    : topic.column === "doing"
      ? "discussing"
      : topic.extensions > 0
        ? "extended"
        : "done";

export const kanbanViewSchema = z.object({
  topicSeconds: z.number().int(),
  extendSeconds: z.number().int(),
  extendVote: z.boolean(),
  /** The board belongs to the step running now (after it, the board is only shown). */
  current: z.boolean(),
  topics: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      votes: z.number().int(),
      column: z.enum(KANBAN_COLUMNS),
      endsAt: z.number().nullable(),
      extensions: z.number().int(),
    }),
  ),
  round: z.number().int(),
  /** This round's thumbs, counted; nobody learns whose thumb is whose. */
  thumbs: z.object({ up: z.number().int(), sideways: z.number().int(), down: z.number().int() }),
  /** The receiver's own thumb this round. */
  mine: thumbSchema.nullable(),
});
export type KanbanView = z.infer<typeof kanbanViewSchema>;

/** What one person sees: the whole board, the thumbs counted and their own thumb. */
export function kanbanViewFor(board: Kanban, viewer: string, current: boolean): KanbanView {
  return {
    topicSeconds: board.topicSeconds,
    extendSeconds: board.extendSeconds,
    extendVote: board.extendVote,
    current,
    topics: board.topics.map(({ id, text, votes, column, endsAt, extensions }) => ({
      id,
      text,
      votes,
      column,
      endsAt,
      extensions,
    })),
    round: board.round,
    thumbs: thumbCounts(board),
    mine: board.thumbs[viewer] ?? null,
  };
}

/** One topic as the exports carry it: its text, dots, column and how it ended up; in queue order. */
export interface ExportKanbanTopic {
  topic: string;
  votes: number;
  column: KanbanColumn;
  outcome: TopicOutcome;
  extensions: number;
}

/** One Lean Coffee board as the exports carry it: the title of the step that ran it and its topics. */
export interface ExportKanbanBoard {
  step: string;
  topics: ExportKanbanTopic[];
}

export const exportKanban = (board: Kanban): ExportKanbanTopic[] =>
  board.topics.map((t) => ({
    topic: t.text,
    votes: t.votes,
    column: t.column,
    outcome: topicOutcome(t),
    extensions: t.extensions,
  }));
