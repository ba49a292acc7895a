import type { ExportMarketStep } from "../methods/marketplace";
import type { ExportKanbanBoard, ExportKanbanTopic } from "../methods/kanban";
import type { ExportSheetStep } from "../methods/sheet-pass";
import type { Locale } from "../protocol/common";
import type { TimelineItem } from "../timeline/log";
import { translate, type TranslateParams, type TranslationKey } from "../i18n";
import { boardLabel, byBoardOrder } from "../boards/names";
import { zoneDisplayName, type NamedZone } from "../zones/names";
import {
  NOTE_COLORS,
  type BoardDoc,
  type BoardsDoc,
  type ClusterDoc,
  type NoteDoc,
  type VoteDoc,
  type VoteResult,
} from "../boards/model";
import type { ExportHybrid } from "../hybrid/export";
import type { CardResult } from "../methods/card-pass";
import type { ExportStep } from "./steps";

/** A zone as exports show it, in the session's zone order. */
export interface ExportZone extends NamedZone {
  id: string;
  task: string;
}

/** One "send to zones": when, for how long, the task, and who went where (by their names then). */
export interface ExportBreakout {
  at: number;
  seconds: number | null;
  task: string | null;
  /** A group's `task` is its own, given instead of the breakout's common one. */
  groups: { zone: string; people: string[]; task?: string }[];
}

/** Everything an export is made from; time and place are passed in so the output is reproducible. */
export interface ExportInput {
  session: { code: string; title: string; createdAt: number; endedAt: number | null };
  doc: BoardsDoc;
  zones: ExportZone[];
  /** Oldest first. */
  breakouts: ExportBreakout[];
  /** Physical rooms and who sat in them (the hybrid room); absent when the session had none. */
  hybrid?: ExportHybrid;
  locale: Locale;
  /** IANA time zone for the times shown (e.g. "Europe/Helsinki"). */
  timeZone: string;
  exportedAt: number;
  /** The debrief timeline, when one was kept (server/timeline); absent or empty otherwise. */
  timeline?: readonly TimelineItem[];
  /** 25/10 Crowd Sourcing's revealed results (card text, total, rank; never authors); absent when none. */
  crowdSourcing?: readonly CardResult[];
  /**
   * Brainwriting 6-3-5's sheets, one set per Brainwriting step in the order they ran: each its step and
   * its groups' sheets (rows of ideas, never authors). Absent when the session had none.
   */
  brainwriting?: readonly ExportSheetStep[];
  /**
   * Open Space's marketplaces, one per step that opened one in the order they ran: each its step and
   * its topics with their convener, note-taker and session notes. Absent when no topic was posted.
   */
  openSpace?: readonly ExportMarketStep[];
  /**
   * Lean Coffee's boards, one per Lean Coffee step in the order they ran: each its step's title and its
   * topics in queue order with their dots, column and outcome; absent when none had topics.
   */
  leanCoffee?: readonly ExportKanbanBoard[];
  /** The steps of the session's plan as they ran (shared/export/steps.ts); absent when it ran none. */
  steps?: readonly ExportStep[];
  /** TRIZ's marks on notes (shared/methods/stages.ts): tagged "we already do this", and owners by name. */
  stageMarks?: ExportStageMarks;
}

/** A Lean Coffee board's heading: named by its step only when the session had more than one board. */
export function kanbanHeading(t: ReturnType<typeof translator>, board: ExportKanbanBoard, boards: number): string {
  return boards > 1 ? `${t("methods.kanban.title")} · ${board.step}` : t("methods.kanban.title");
}

/** A Brainwriting step's heading: named by its step only when the session had more than one. */
export function sheetsHeading(t: ReturnType<typeof translator>, sheets: ExportSheetStep, steps: number): string {
  return steps > 1
    ? t("methods.sheetPass.exportStep", { n: sheets.n, step: sheets.step })
    : t("methods.sheetPass.exportTitle");
}

/** An Open Space marketplace's heading: named by its step only when the session had more than one. */
export function marketHeading(t: ReturnType<typeof translator>, market: ExportMarketStep, markets: number): string {
  return markets > 1 ? t("methods.market.exportStep", { n: market.n, step: market.step }) : t("methods.market.title");
}

/** A Lean Coffee topic's column and outcome in the export's language. */
export function kanbanTexts(
  t: ReturnType<typeof translator>,
  topic: ExportKanbanTopic,
): { column: string; outcome: string } {
  return {
    column: t(`methods.kanban.${topic.column}`),
    outcome: t(`methods.kanban.outcome.${topic.outcome}`, { n: topic.extensions }),
  };
}

/** Notes tagged "we already do this" and each owned action's owner (a name, never an id). */
export interface ExportStageMarks {
  tags: readonly string[];
  owners: Readonly<Record<string, string>>;
}

/** True when the session has any tag or owner to show (the columns and words appear only then). */
export function hasStageMarks(input: Pick<ExportInput, "stageMarks">): boolean {
  const marks = input.stageMarks;
  return marks !== undefined && (marks.tags.length > 0 || Object.keys(marks.owners).length > 0);
}

/** One board as exports see it: only revealed notes, clusters in reading order, its votes. */
export interface ExportBoard {
  board: BoardDoc;
  title: string;
  where: string;
  clusters: { cluster: ClusterDoc; title: string; notes: NoteDoc[] }[];
  unclustered: NoteDoc[];
  notes: NoteDoc[];
  /** Notes of a running private round: counted, never shown. */
  hiddenCount: number;
  votes: VoteDoc[];
  /** Results of the latest ended vote, by note id. */
  latest: Map<string, VoteResult>;
}

export function translator(locale: Locale) {
  return (key: TranslationKey, params?: TranslateParams) => translate(locale, key, params);
}

/** A zone's name by id, as the session names it now ("Removed zone" when it is gone). */
export function zoneNamer(input: Pick<ExportInput, "zones" | "locale">): (zoneId: string) => string {
  const t = translator(input.locale);
  return (zoneId) =>
    zoneDisplayName(
      input.zones.find((z) => z.id === zoneId),
      t,
    );
}

/** `2025-03-04 09:05` in the chosen time zone. */
export function formatTime(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/** Just `09:05`, for times within a day already named. */
export function formatClock(ms: number, timeZone: string): string {
  return formatTime(ms, timeZone).slice(11);
}

export function colourName(locale: Locale, color: number): string {
  return translate(locale, (NOTE_COLORS[color] ?? NOTE_COLORS[0]).nameKey);
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function byVotesThenAge(latest: Map<string, VoteResult>) {
  return (a: NoteDoc, b: NoteDoc) =>
    (latest.get(b.id)?.count ?? 0) - (latest.get(a.id)?.count ?? 0) ||
    a.createdAt - b.createdAt ||
    a.id.localeCompare(b.id);
}

/** The boards of a session prepared for export, in their listed order. */
export function exportBoards(input: ExportInput): ExportBoard[] {
  const { doc, locale } = input;
  const t = translator(locale);
  const zoneName = zoneNamer(input);
  return [...doc.boards.values()].sort(byBoardOrder).map((board) => {
    const all = [...doc.notes.values()].filter((n) => n.boardId === board.id);
    const notes = all.filter((n) => !n.hidden);
    const votes = [...doc.votes.values()]
      .filter((v) => v.boardId === board.id)
      .sort((a, b) => a.startedAt - b.startedAt);
    const lastEnded = votes.filter((v) => v.results !== null).at(-1);
    const latest = new Map((lastEnded?.results ?? []).map((r) => [r.noteId, r]));
    const order = byVotesThenAge(latest);
    const clusters = [...doc.clusters.values()]
      .filter((c) => c.boardId === board.id)
      .sort((a, b) => a.y - b.y || a.x - b.x || a.createdAt - b.createdAt)
      .map((cluster) => ({
        cluster,
        title: cluster.title || t("doc.untitledCluster"),
        notes: notes.filter((n) => n.clusterId === cluster.id).sort(order),
      }));
    const clusterIds = new Set(clusters.map((c) => c.cluster.id));
    return {
      board,
      title: boardLabel(locale, board, zoneName),
      where: board.zoneId ? zoneName(board.zoneId) : t("doc.plenary"),
      clusters,
      unclustered: notes.filter((n) => !clusterIds.has(n.clusterId)).sort(order),
      notes: [...notes].sort(order),
      hiddenCount: all.length - notes.length,
      votes,
      latest,
    };
  });
}

/** A step's figures in the export's language: planned and actual time, and what it produced. */
export function stepTexts(
  input: Pick<ExportInput, "locale" | "timeZone">,
  step: ExportStep,
  boardTitle: (id: string) => string,
): { planned: string; actual: string; produced: string } {
  const t = translator(input.locale);
  const minutes = (ms: number) => t("doc.minutes", { count: Math.max(0, Math.round(ms / 60_000)) });
  const planned = step.extendedSeconds
    ? t("doc.stepExtended", {
        planned: minutes(step.plannedSeconds * 1000),
        extended: minutes(step.extendedSeconds * 1000),
      })
    : minutes(step.plannedSeconds * 1000);
  const from = formatTime(step.startedAt, input.timeZone);
  const actual =
    step.endedAt === null
      ? t("doc.stepRunning", { from })
      : `${from}–${formatClock(step.endedAt, input.timeZone)} (${minutes(step.endedAt - step.startedAt)})`;
  const produced = step.boards.map((b) => t("doc.stepBoard", { board: boardTitle(b.id), count: b.notes })).join("; ");
  return { planned, actual, produced };
}
