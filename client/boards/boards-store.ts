import { create } from "zustand";

/** A note as the views read it (plain data, replaced as a whole when it changes). */
export interface NoteView {
  id: string;
  boardId: string;
  text: string;
  color: number;
  x: number;
  y: number;
  clusterId: string;
  authorName: string;
  anonymous: boolean;
  hidden: boolean;
  createdAt: number;
}

export interface ClusterView {
  id: string;
  boardId: string;
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface VoteResultView {
  noteId: string;
  text: string;
  count: number;
  rank: number;
  voters: string[];
}

export interface VoteView {
  id: string;
  boardId: string;
  perPerson: number;
  maxPerNote: number;
  anonymous: boolean;
  startedAt: number;
  /** 0: no time limit. */
  endsAt: number;
  /** 0: still open. */
  endedAt: number;
  noteIds: string[];
  voters: number;
  results: VoteResultView[];
}

export interface BoardView {
  id: string;
  title: string;
  preset: string;
  zoneId: string;
  x: number;
  z: number;
  yaw: number;
  width: number;
  height: number;
  locked: boolean;
  clustering: boolean;
  round: "" | "open" | "anonymous";
  roundStartedAt: number;
  noteCount: number;
  order: number;
  /** Oldest first. */
  notes: NoteView[];
  clusters: ClusterView[];
  /** Oldest first; the open one (if any) is last. */
  votes: VoteView[];
  /** True when the notes of this board reach us (our zone, or we facilitate). */
  contentsVisible: boolean;
}

/** What is ours alone: our notes, and our dots in open votes. */
export interface MineView {
  notes: ReadonlySet<string>;
  /** Dots used, by vote id. */
  used: Readonly<Record<string, number>>;
  /** Our dots on a note, by `${voteId}/${noteId}`. */
  dots: Readonly<Record<string, number>>;
}

interface BoardsStore {
  boards: Record<string, BoardView>;
  mine: MineView;
}

export const EMPTY_MINE: MineView = { notes: new Set(), used: {}, dots: {} };

/** The boards as the room tells us; written only by boards/sync.ts, read with selectors. */
export const useBoardsStore = create<BoardsStore>(() => ({ boards: {}, mine: EMPTY_MINE }));

export function useBoard(id: string | null | undefined): BoardView | undefined {
  return useBoardsStore((s) => (id ? s.boards[id] : undefined));
}

export function sortedBoards(boards: Record<string, BoardView>): BoardView[] {
  return Object.values(boards).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function openVote(board: BoardView | undefined): VoteView | undefined {
  const last = board?.votes.at(-1);
  return last && last.endedAt === 0 ? last : undefined;
}

export function lastEndedVote(board: BoardView | undefined): VoteView | undefined {
  return board?.votes.filter((v) => v.endedAt > 0).at(-1);
}

export function myDots(mine: MineView, voteId: string, noteId: string): number {
  return mine.dots[`${voteId}/${noteId}`] ?? 0;
}
