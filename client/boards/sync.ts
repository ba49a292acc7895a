import type { SessionState } from "../../shared/session/state";
import type { BoardState, NoteState, VoteState } from "../../shared/boards/state";
import {
  EMPTY_MINE,
  useBoardsStore,
  type BoardView,
  type ClusterView,
  type MineView,
  type NoteView,
  type VoteView,
} from "./boards-store";

/** Keeps the previous object when nothing in it changed, so memoised components do not re-render. */
function same<T extends object>(previous: T | undefined, next: T): T {
  if (!previous) return next;
  for (const key of Object.keys(next) as (keyof T)[]) {
    const a = previous[key];
    const b = next[key];
    if (a === b) continue;
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i])) continue;
    return next;
  }
  return previous;
}

function noteView(id: string, boardId: string, n: NoteState, previous: NoteView | undefined): NoteView {
  return same(previous, {
    id,
    boardId,
    text: n.text,
    color: n.color,
    x: n.x,
    y: n.y,
    clusterId: n.clusterId,
    authorName: n.authorName,
    anonymous: n.anonymous,
    hidden: n.hidden,
    createdAt: n.createdAt,
  });
}

function voteView(id: string, boardId: string, v: VoteState, previous: VoteView | undefined): VoteView {
  const results = [...v.results].map((r) => ({
    noteId: r.noteId,
    text: r.text,
    count: r.count,
    rank: r.rank,
    voters: r.voters ? r.voters.split("\n") : [],
  }));
  const next: VoteView = {
    id,
    boardId,
    perPerson: v.perPerson,
    maxPerNote: v.maxPerNote,
    anonymous: v.anonymous,
    startedAt: v.startedAt,
    endsAt: v.endsAt,
    endedAt: v.endedAt,
    noteIds: [...v.noteIds],
    voters: v.voters,
    results: previous && JSON.stringify(previous.results) === JSON.stringify(results) ? previous.results : results,
  };
  return same(previous, next);
}

function boardView(id: string, b: BoardState, previous: BoardView | undefined): BoardView {
  const notes: NoteView[] = [];
  b.notes?.forEach((n, noteId) =>
    notes.push(
      noteView(
        noteId,
        id,
        n,
        previous?.notes.find((p) => p.id === noteId),
      ),
    ),
  );
  notes.sort((a, c) => a.createdAt - c.createdAt || a.id.localeCompare(c.id));
  const clusters: ClusterView[] = [];
  b.clusters?.forEach((c, clusterId) =>
    clusters.push(
      same(
        previous?.clusters.find((p) => p.id === clusterId),
        {
          id: clusterId,
          boardId: id,
          title: c.title,
          x: c.x,
          y: c.y,
          width: c.width,
          height: c.height,
        },
      ),
    ),
  );
  clusters.sort((a, c) => a.y - c.y || a.x - c.x || a.id.localeCompare(c.id));
  const votes: VoteView[] = [];
  b.votes?.forEach((v, voteId) =>
    votes.push(
      voteView(
        voteId,
        id,
        v,
        previous?.votes.find((p) => p.id === voteId),
      ),
    ),
  );
  votes.sort((a, c) => a.startedAt - c.startedAt);
  const next: BoardView = {
    id,
    title: b.title,
    preset: b.preset,
    zoneId: b.zoneId,
    x: b.x,
    z: b.z,
    yaw: b.yaw,
    width: b.width,
    height: b.height,
    locked: b.locked,
    clustering: b.clustering,
    round: (b.round as BoardView["round"]) || "",
    roundStartedAt: b.roundStartedAt,
    noteCount: b.noteCount,
    order: b.order,
    notes: previous && sameList(previous.notes, notes) ? previous.notes : notes,
    clusters: previous && sameList(previous.clusters, clusters) ? previous.clusters : clusters,
    votes: previous && sameList(previous.votes, votes) ? previous.votes : votes,
    contentsVisible: false,
  };
  return next;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function mineView(state: SessionState, selfId: string, previous: MineView): MineView {
  const entry = state.boardsMine?.get(selfId);
  if (!entry) return EMPTY_MINE;
  const notes = new Set<string>(entry.notes.keys());
  const used: Record<string, number> = {};
  entry.used.forEach((count, voteId) => (used[voteId] = count));
  const dots: Record<string, number> = {};
  entry.dots.forEach((count, key) => (dots[key] = count));
  const unchanged =
    notes.size === previous.notes.size &&
    [...notes].every((id) => previous.notes.has(id)) &&
    JSON.stringify(used) === JSON.stringify(previous.used) &&
    JSON.stringify(dots) === JSON.stringify(previous.dots);
  return unchanged ? previous : { notes, used, dots };
}

/**
 * Mirrors the boards part of the room's state into the boards store after every patch, reusing
 * every unchanged object: a note moved elsewhere re-renders that note, not the board.
 */
export function syncBoards(state: SessionState, selfId: string, isFacilitator: boolean, selfZone: string): void {
  const { boards: previous, mine } = useBoardsStore.getState();
  const boards: Record<string, BoardView> = {};
  let changed = false;
  state.boards?.forEach((board, id) => {
    const view = boardView(id, board, previous[id]);
    view.contentsVisible = isFacilitator || view.zoneId === "" || view.zoneId === selfZone;
    const kept = previous[id] && same(previous[id], view);
    boards[id] = kept ?? view;
    if (boards[id] !== previous[id]) changed = true;
  });
  if (Object.keys(previous).length !== Object.keys(boards).length) changed = true;
  const nextMine = mineView(state, selfId, mine);
  if (changed || nextMine !== mine) useBoardsStore.setState({ boards: changed ? boards : previous, mine: nextMine });
}

export function resetBoards(): void {
  useBoardsStore.setState({ boards: {}, mine: EMPTY_MINE });
}
