import { z } from "zod";
import type { BoardPlacement } from "../boards/geometry";
import { LAB } from "../space/layout";
import { BOARDS_MAX, docIdSchema } from "../boards/model";
import type { ErrorCode } from "../protocol/errors";
import type { Plan, PlanStep } from "./plan";
import type { MethodsRun, StepEntry } from "./run";

/**
 * Stages unlocked in turn on linked boards (What / So What / Now What; TRIZ), as pure rules: the
 * boards each stage put up, which of them are read-only now (an earlier stage's), TRIZ's "we already
 * do this" tag on the worst list while the stage after it runs, and one first action owned per person
 * in TRIZ's last step. The server keeps the tags and owners (StageMarks) and checks every write here.
 */

type StageMechanic = Extract<NonNullable<PlanStep["mechanic"]>, { kind: "stage" }>;

export function stageOf(step: PlanStep | undefined): StageMechanic | null {
  return step?.mechanic?.kind === "stage" ? step.mechanic : null;
}

/**
 * A stage step whose new group capture gets boards of its own in each group's zone (What / So What /
 * Now What), rather than writing on the zone's board: unless a later step keeps writing on it (a TRIZ
 * cycle's pairs, whose zone boards merge onto the four's).
 */
export function stageOwnsGroupBoards(plan: Plan, index: number): boolean {
  const step = plan.steps[index];
  if (!stageOf(step) || step?.capture?.board.kind !== "new" || step.capture.board.where !== "group") return false;
  return !plan.steps.some((s) => s.capture?.board.kind === "step" && s.capture.board.stepId === step.id);
}

/** The boards an entry's step put up (a plenary board, or a stage's own group boards). */
export function boardsPutUpBy(entry: StepEntry): string[] {
  const capture = entry.capture;
  if (!capture) return [];
  return [...(capture.boardId ? [capture.boardId] : []), ...(capture.boards ?? [])];
}

/** The current step's stage and entry, when the current step is a stage. */
function current(run: MethodsRun): { stage: StageMechanic; entry: StepEntry; index: number } | null {
  const entry = run.entries.at(-1);
  const stage = entry && stageOf(run.plan?.steps[entry.step]);
  return entry && stage ? { stage, entry, index: entry.step } : null;
}

/** The boards put up by the run's stage steps of one stage number (before the current step). */
function boardsOfStage(run: MethodsRun, stage: number): string[] {
  return run.entries
    .slice(0, -1)
    .filter((entry) => stageOf(run.plan?.steps[entry.step])?.stage === stage)
    .flatMap(boardsPutUpBy);
}

/**
 * Boards nobody writes on now: those put up by an earlier stage of the current stage method. The
 * current step's own boards are never among them (even should it keep an earlier board).
 */
export function readOnlyBoards(run: MethodsRun): Set<string> {
  const now = current(run);
  if (!now) return new Set();
  const mine = new Set(boardsPutUpBy(now.entry));
  const out = new Set<string>();
  for (const entry of run.entries.slice(0, -1)) {
    const stage = stageOf(run.plan?.steps[entry.step]);
    if (!stage || stage.stage >= now.stage.stage) continue;
    for (const id of boardsPutUpBy(entry)) if (!mine.has(id)) out.add(id);
  }
  return out;
}

/** Refused when any of the boards written on is read-only now. */
export function checkStageWrite(readOnly: ReadonlySet<string>, boardIds: Iterable<string>): ErrorCode | null {
  for (const id of boardIds) if (readOnly.has(id)) return "board_read_only";
  return null;
}

/**
 * Boards whose notes may be tagged "we already do this" now: while a stage with the tag runs, the
 * boards put up by the stage before it (TRIZ: the list of everything that produces the worst result).
 */
export function taggableBoards(run: MethodsRun): Set<string> {
  const now = current(run);
  if (!now?.stage.alreadyTag) return new Set();
  return new Set(boardsOfStage(run, now.stage.stage - 1));
}

/**
 * Boards whose notes may be owned now: in the last step of a stage with owners (TRIZ's "all" step
 * of the first-steps cycle), the boards that step put up.
 */
export function ownableBoards(run: MethodsRun): Set<string> {
  const now = current(run);
  if (!now?.stage.owners || !run.plan) return new Set();
  const later = run.plan.steps.slice(now.index + 1).some((s) => stageOf(s)?.stage === now.stage.stage);
  return later ? new Set() : new Set(boardsPutUpBy(now.entry));
}

export const STAGE_MARKS_MAX = 2000;

/** Tags and owners, by note id; kept by the server with the session and exported with the notes. */
export const stageMarksSchema = z.object({
  /** Notes tagged "we already do this". */
  tags: z.array(docIdSchema).max(STAGE_MARKS_MAX),
  /** Note id → who took ownership of it as a first action (their uid, and their name at that time). */
  owners: z.record(docIdSchema, z.object({ uid: z.string().max(64), name: z.string().max(80) })),
});
export type StageMarks = z.infer<typeof stageMarksSchema>;

export const emptyMarks = (): StageMarks => ({ tags: [], owners: {} });

export type MarkResult = { marks: StageMarks } | { error: ErrorCode };

/** Anyone toggles the tag on a note of a taggable board (`noteBoard` null: the note is gone). */
export function toggleTag(
  marks: StageMarks,
  noteId: string,
  noteBoard: string | null,
  taggable: ReadonlySet<string>,
): MarkResult {
  if (noteBoard === null) return { error: "not_found" };
  if (!taggable.has(noteBoard)) return { error: "not_this_step" };
  const tagged = marks.tags.includes(noteId);
  if (!tagged && marks.tags.length >= STAGE_MARKS_MAX) return { error: "note_limit" };
  return { marks: { ...marks, tags: tagged ? marks.tags.filter((id) => id !== noteId) : [...marks.tags, noteId] } };
}

/**
 * A person takes ownership of one action (one at a time: taking another lets go of the first), or
 * lets go of theirs by taking it again; an action someone else owns is theirs.
 */
export function toggleOwner(
  marks: StageMarks,
  noteId: string,
  noteBoard: string | null,
  ownable: ReadonlySet<string>,
  who: { uid: string; name: string },
): MarkResult {
  if (noteBoard === null) return { error: "not_found" };
  if (!ownable.has(noteBoard)) return { error: "not_this_step" };
  const owner = marks.owners[noteId];
  if (owner && owner.uid !== who.uid) return { error: "note_owned" };
  const owners = Object.fromEntries(Object.entries(marks.owners).filter(([, o]) => o.uid !== who.uid));
  if (!owner) owners[noteId] = { uid: who.uid, name: who.name };
  return { marks: { ...marks, owners } };
}

/** The marks a stage view shows: only those of notes that still exist. */
export function marksOfNotes(marks: StageMarks, noteIds: ReadonlySet<string>): StageMarks {
  return {
    tags: marks.tags.filter((id) => noteIds.has(id)),
    owners: Object.fromEntries(Object.entries(marks.owners).filter(([id]) => noteIds.has(id))),
  };
}

/**
 * Where stage `stage` of `of` puts its own board in a zone: side by side along the zone's board (the
 * earlier stages' boards beside the current one, in reading order), a little in front of it so the
 * two never share a plane.
 */
export function stageBoardPlacement(zoneBoard: BoardPlacement, stage: number, of: number): BoardPlacement {
  const width = 200;
  const yaw = (zoneBoard.yaw * Math.PI) / 180;
  const along = (stage - (of + 1) / 2) * (width + 20);
  const ahead = 30;
  // Kept half a board inside the walls, so a zone in a corner does not push a stage through one.
  const margin = width / 2;
  const inside = (cm: number, min: number, max: number) =>
    Math.round(Math.max(min * 100 + margin, Math.min(max * 100 - margin, cm)));
  const { walls } = LAB;
  return {
    x: inside(zoneBoard.x + Math.cos(yaw) * along + Math.sin(yaw) * ahead, walls.minX, walls.maxX),
    z: inside(zoneBoard.z - Math.sin(yaw) * along + Math.cos(yaw) * ahead, walls.minZ, walls.maxZ),
    yaw: zoneBoard.yaw,
    width,
    height: 140,
  };
}

/** What everyone is told of the stages: which boards are read-only, taggable, ownable; the marks by note. */
export const stageViewSchema = z.object({
  readOnly: z.array(docIdSchema).max(BOARDS_MAX),
  /** The boards the current stage step put up (shown beside the read-only ones). */
  current: z.array(docIdSchema).max(BOARDS_MAX),
  taggable: z.array(docIdSchema).max(BOARDS_MAX),
  ownable: z.array(docIdSchema).max(BOARDS_MAX),
  tags: z.array(docIdSchema).max(STAGE_MARKS_MAX),
  /** Note id → its owner's name (never their uid). */
  owners: z.record(docIdSchema, z.string().max(80)),
  /** The note the receiver owns, if any. */
  mine: docIdSchema.nullable(),
});
export type StageView = z.infer<typeof stageViewSchema>;

/** One person's view of the stages; null when the run is in no stage and nothing was ever marked. */
export function stageViewFor(run: MethodsRun, marks: StageMarks, uid: string): StageView | null {
  const now = current(run);
  const owned = Object.entries(marks.owners);
  if (!now && marks.tags.length === 0 && owned.length === 0) return null;
  return {
    readOnly: [...readOnlyBoards(run)],
    current: now ? boardsPutUpBy(now.entry) : [],
    taggable: [...taggableBoards(run)],
    ownable: [...ownableBoards(run)],
    tags: marks.tags,
    owners: Object.fromEntries(owned.map(([id, o]) => [id, o.name])),
    mine: owned.find(([, o]) => o.uid === uid)?.[0] ?? null,
  };
}
