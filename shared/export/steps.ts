import { notesOfBoard, type BoardsDoc } from "../boards/model";
import type { MethodsRun } from "../methods/run";

/**
 * The record organised by step (issue 10): each step the session went through, in order, with its
 * planned time and the time it actually took, its groups, and the boards it put up or wrote on. Steps
 * undone with Back are not in the run, so they are not in the record either.
 */
export interface ExportStep {
  /** The step's place in the plan, from 1. */
  n: number;
  title: string;
  plannedSeconds: number;
  /** Added with Extend while it ran. */
  extendedSeconds: number;
  startedAt: number;
  /** When the next step began (or the session ended); null for the step the session is still on. */
  endedAt: number | null;
  /** How many groups it formed (1 when everyone was together). */
  groups: number;
  /** The boards it put up or wrote on, with the revealed notes they hold now. */
  boards: { id: string; notes: number }[];
}

/** The steps of the session's run, oldest first; none when it ran no plan. */
export function exportSteps(run: MethodsRun | null, doc: BoardsDoc, sessionEndedAt: number | null): ExportStep[] {
  if (!run?.plan) return [];
  const plan = run.plan;
  return run.entries.flatMap((entry, i) => {
    const step = plan.steps[entry.step];
    if (!step) return [];
    const ids = [
      ...(entry.capture?.boardId ? [entry.capture.boardId] : []),
      ...(entry.capture?.boards ?? []),
      ...(entry.boards?.harvest ? [entry.boards.harvest.boardId] : []),
    ];
    const boards = [...new Set(ids)]
      .filter((id) => doc.boards.has(id))
      .map((id) => ({ id, notes: notesOfBoard(doc, id).filter((n) => !n.hidden).length }));
    return [
      {
        n: entry.step + 1,
        title: step.title,
        plannedSeconds: step.durationSeconds,
        extendedSeconds: entry.extendedSeconds,
        startedAt: entry.startedAt,
        endedAt: run.entries[i + 1]?.startedAt ?? sessionEndedAt,
        groups: Math.max(1, entry.groups.length),
        boards,
      },
    ];
  });
}
