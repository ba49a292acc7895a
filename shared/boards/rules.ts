import type { ClientMessage } from "../protocol";
import {
  BOARDS_MAX,
  CLUSTERS_PER_BOARD_MAX,
  NOTES_PER_BOARD_MAX,
  NOTES_PER_PERSON_PER_BOARD_MAX,
  NOTE_SIZE_CM,
  clustersOfBoard,
  newBoardDoc,
  notesOfBoard,
  openVoteOf,
  type Actor,
  type BoardDoc,
  type ClusterDoc,
  type DocChange,
  type NoteDoc,
  type RuleContext,
  type RuleResult,
} from "./model";
import {
  clampNote,
  clusterAt,
  emptyClusterFrame,
  fitCluster,
  frameAround,
  moveCluster,
  placementInside,
  slotInCluster,
} from "./geometry";
import { nextReadingSpot, placeNote } from "./placement";
import { seesBoardContents, seesNote } from "./visibility";
import {
  facilitates,
  mayClusterOn,
  mayEditNote,
  mayMoveNote,
  mayWriteOn,
  type BoardFacts,
  type NoteFacts,
} from "./permissions";
import { refundNote } from "./votes";

/**
 * The rules of the boards as pure functions: `(document, actor, input, context) → changes | error`.
 * The server runs them; the client may run the same ones to predict (e.g. to snap a refused drag
 * back at once). Nothing here trusts the actor beyond what the arguments say.
 */

export type { RuleContext, RuleResult };

const isFacilitator = (actor: Actor) => facilitates(actor.role);

/** The facts the shared permissions (permissions.ts) decide by, as the stored document says them. */
function boardFacts(board: BoardDoc, actor: Actor): BoardFacts {
  return { locked: board.locked, clustering: board.clustering, contentsVisible: seesBoardContents(board, actor) };
}

function noteFacts(note: NoteDoc, board: BoardDoc, actor: Actor): NoteFacts {
  return { own: note.authorUid === actor.uid, clusterId: note.clusterId, visible: seesNote(note, board, actor) };
}

export function mayWrite(board: BoardDoc, actor: Actor): boolean {
  return mayWriteOn(boardFacts(board, actor), actor.role);
}

export function mayCluster(board: BoardDoc, actor: Actor): boolean {
  return mayClusterOn(boardFacts(board, actor), actor.role);
}

export function mayEdit(note: NoteDoc, board: BoardDoc, actor: Actor): boolean {
  return mayEditNote(noteFacts(note, board, actor), actor.role);
}

export function mayMove(note: NoteDoc, board: BoardDoc, actor: Actor): boolean {
  return mayMoveNote(noteFacts(note, board, actor), boardFacts(board, actor), actor.role);
}

function boardOf(ctx: RuleContext, id: string): BoardDoc | undefined {
  return ctx.doc.boards.get(id);
}

function noteFor(ctx: RuleContext, noteId: string): { note: NoteDoc; board: BoardDoc } | undefined {
  const note = ctx.doc.notes.get(noteId);
  const board = note && ctx.doc.boards.get(note.boardId);
  // A note the actor may not see is answered exactly like one that does not exist.
  if (!note || !board || !seesNote(note, board, ctx.actor)) return undefined;
  return { note, board };
}

function clusterFor(ctx: RuleContext, clusterId: string): { cluster: ClusterDoc; board: BoardDoc } | undefined {
  const cluster = ctx.doc.clusters.get(clusterId);
  const board = cluster && ctx.doc.boards.get(cluster.boardId);
  if (!cluster || !board || !seesBoardContents(board, ctx.actor)) return undefined;
  return { cluster, board };
}

function membersOf(ctx: RuleContext, clusterId: string): NoteDoc[] {
  return [...ctx.doc.notes.values()].filter((n) => n.clusterId === clusterId);
}

// --- boards (facilitators) ---

export function createBoard(ctx: RuleContext, input: ClientMessage<"boards.create">): RuleResult {
  if (!isFacilitator(ctx.actor)) return { error: "forbidden" };
  if (ctx.doc.boards.size >= BOARDS_MAX) return { error: "note_limit", detail: "boards" };
  if (!placementInside(input)) return { error: "invalid_payload", detail: "outside" };
  const board = newBoardDoc(
    ctx.doc,
    {
      id: ctx.newId(),
      title: input.title,
      preset: "custom",
      zoneId: input.zoneId,
      x: input.x,
      z: input.z,
      yaw: input.yaw,
      width: input.width,
      height: input.height,
    },
    ctx.now,
  );
  return { changes: [{ kind: "board", id: board.id, value: board }] };
}

export function updateBoard(ctx: RuleContext, input: ClientMessage<"boards.update">): RuleResult {
  if (!isFacilitator(ctx.actor)) return { error: "forbidden" };
  const board = boardOf(ctx, input.boardId);
  if (!board) return { error: "not_found" };
  const { boardId: _id, ...fields } = input;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const next: BoardDoc = { ...board, ...defined };
  if (!placementInside(next)) return { error: "invalid_payload", detail: "outside" };
  const changes: DocChange[] = [{ kind: "board", id: board.id, value: next }];
  // A smaller board keeps every note and cluster on it.
  if (next.width !== board.width || next.height !== board.height) {
    for (const note of notesOfBoard(ctx.doc, board.id)) {
      const spot = clampNote(next, note.x, note.y);
      if (spot.x !== note.x || spot.y !== note.y)
        changes.push({ kind: "note", id: note.id, value: { ...note, ...spot } });
    }
    for (const cluster of clustersOfBoard(ctx.doc, board.id)) {
      const moved = moveCluster(next, cluster, [], cluster.x, cluster.y).cluster;
      const fitted = {
        ...moved,
        width: Math.min(moved.width, next.width),
        height: Math.min(moved.height, next.height),
      };
      if (JSON.stringify(fitted) !== JSON.stringify(cluster))
        changes.push({ kind: "cluster", id: cluster.id, value: fitted });
    }
  }
  return { changes };
}

export function removeBoard(ctx: RuleContext, input: ClientMessage<"boards.remove">): RuleResult {
  if (!isFacilitator(ctx.actor)) return { error: "forbidden" };
  const board = boardOf(ctx, input.boardId);
  if (!board) return { error: "not_found" };
  const changes: DocChange[] = [];
  for (const note of notesOfBoard(ctx.doc, board.id)) changes.push({ kind: "note", id: note.id, value: null });
  for (const cluster of clustersOfBoard(ctx.doc, board.id))
    changes.push({ kind: "cluster", id: cluster.id, value: null });
  for (const vote of ctx.doc.votes.values()) {
    if (vote.boardId !== board.id) continue;
    changes.push({ kind: "vote", id: vote.id, value: null });
    for (const [id, ballot] of ctx.doc.ballots) {
      if (ballot.voteId === vote.id) changes.push({ kind: "ballot", id, value: null });
    }
  }
  changes.push({ kind: "board", id: board.id, value: null });
  return { changes };
}

// --- private writing rounds ---

export function privateRound(ctx: RuleContext, input: ClientMessage<"boards.round">): RuleResult {
  if (!isFacilitator(ctx.actor)) return { error: "forbidden" };
  const board = boardOf(ctx, input.boardId);
  if (!board) return { error: "not_found" };
  if (input.action === "start") {
    if (board.round) return { error: "round_active" };
    if (openVoteOf(ctx.doc, board.id)) return { error: "vote_active" };
    const round = { anonymous: input.anonymous, startedAt: ctx.now };
    return { changes: [{ kind: "board", id: board.id, value: { ...board, round } }] };
  }
  if (!board.round) return { error: "not_found", detail: "round" };
  const changes: DocChange[] = [
    {
      kind: "board",
      id: board.id,
      value: { ...board, round: null, rounds: [...board.rounds, { ...board.round, revealedAt: ctx.now }].slice(-200) },
    },
  ];
  for (const note of notesOfBoard(ctx.doc, board.id)) {
    if (note.hidden) changes.push({ kind: "note", id: note.id, value: { ...note, hidden: false, updatedAt: ctx.now } });
  }
  return { changes };
}

// --- notes ---

export function addNote(ctx: RuleContext, input: ClientMessage<"boards.addNote">): RuleResult {
  const board = boardOf(ctx, input.boardId);
  if (!board || !seesBoardContents(board, ctx.actor)) return { error: "not_found" };
  if (!mayWrite(board, ctx.actor)) return { error: "forbidden" };
  const notes = notesOfBoard(ctx.doc, board.id);
  if (notes.length >= NOTES_PER_BOARD_MAX) return { error: "note_limit", detail: "board" };
  if (notes.filter((n) => n.authorUid === ctx.actor.uid).length >= NOTES_PER_PERSON_PER_BOARD_MAX) {
    return { error: "note_limit", detail: "person" };
  }
  const clusters = clustersOfBoard(ctx.doc, board.id);
  const wanted = input.x !== undefined && input.y !== undefined ? clampNote(board, input.x, input.y) : undefined;
  // Never on top of another note: the nearest free spot to the one asked for (see placement.ts).
  const { x, y } = placeNote(board, notes, clusters, wanted);
  // A note written into a cluster joins it even when nudged past its frame (the frame grows to
  // hold it); this counts only for those who may fill clusters (and never on a locked board).
  const cluster = wanted && mayCluster(board, ctx.actor) ? clusterAt(clusters, wanted.x, wanted.y) : undefined;
  const note: NoteDoc = {
    id: ctx.newId(),
    boardId: board.id,
    text: input.text,
    color: input.color,
    x,
    y,
    clusterId: cluster?.id ?? "",
    authorUid: ctx.actor.uid,
    authorName: ctx.actor.name,
    hidden: board.round !== null,
    anonymous: board.round?.anonymous ?? false,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const changes: DocChange[] = [{ kind: "note", id: note.id, value: note }];
  if (cluster) changes.push(...refit(board, cluster, [...membersOf(ctx, cluster.id), note]));
  return { changes };
}

function refit(board: BoardDoc, cluster: ClusterDoc, members: readonly NoteDoc[]): DocChange[] {
  const fitted = fitCluster(board, cluster, members);
  return fitted === cluster ? [] : [{ kind: "cluster", id: cluster.id, value: fitted }];
}

export function editNote(ctx: RuleContext, input: ClientMessage<"boards.editNote">): RuleResult {
  const found = noteFor(ctx, input.noteId);
  if (!found) return { error: "not_found" };
  if (!mayEdit(found.note, found.board, ctx.actor)) return { error: "forbidden" };
  const note: NoteDoc = {
    ...found.note,
    text: input.text ?? found.note.text,
    color: input.color ?? found.note.color,
    updatedAt: ctx.now,
  };
  return { changes: [{ kind: "note", id: note.id, value: note }] };
}

export function moveNote(ctx: RuleContext, input: ClientMessage<"boards.moveNote">): RuleResult {
  const found = noteFor(ctx, input.noteId);
  if (!found) return { error: "not_found" };
  const { note, board } = found;
  if (!mayMove(note, board, ctx.actor)) return { error: board.locked ? "board_locked" : "forbidden" };
  const spot = clampNote(board, input.x, input.y);
  const target = clusterAt(clustersOfBoard(ctx.doc, board.id), spot.x, spot.y)?.id ?? "";
  if (target !== note.clusterId && !mayCluster(board, ctx.actor)) {
    return { error: board.locked ? "board_locked" : "forbidden", detail: "cluster" };
  }
  const moved: NoteDoc = { ...note, ...spot, clusterId: target, updatedAt: ctx.now };
  const changes: DocChange[] = [{ kind: "note", id: note.id, value: moved }];
  const cluster = target ? ctx.doc.clusters.get(target) : undefined;
  if (cluster) {
    changes.push(...refit(board, cluster, [...membersOf(ctx, cluster.id).filter((n) => n.id !== note.id), moved]));
  }
  return { changes };
}

export function removeNote(ctx: RuleContext, input: ClientMessage<"boards.removeNote">): RuleResult {
  const found = noteFor(ctx, input.noteId);
  if (!found) return { error: "not_found" };
  if (!mayEdit(found.note, found.board, ctx.actor)) return { error: "forbidden" };
  return {
    changes: [{ kind: "note", id: found.note.id, value: null }, ...refundNote(ctx.doc, found.note.id, ctx.now)],
  };
}

export function clusterNote(ctx: RuleContext, input: ClientMessage<"boards.clusterNote">): RuleResult {
  const found = noteFor(ctx, input.noteId);
  if (!found) return { error: "not_found" };
  const { note, board } = found;
  if (!mayCluster(board, ctx.actor)) return { error: board.locked ? "board_locked" : "forbidden" };
  if (note.clusterId === input.clusterId) return { changes: [] };
  const clusters = clustersOfBoard(ctx.doc, board.id);
  if (input.clusterId === "") {
    // Out of the cluster means out of its frame too: the next free reading-order spot on the board.
    const others = notesOfBoard(ctx.doc, board.id).filter((n) => n.id !== note.id);
    const { x, y } = nextReadingSpot(board, others, clusters);
    return { changes: [{ kind: "note", id: note.id, value: { ...note, x, y, clusterId: "", updatedAt: ctx.now } }] };
  }
  const cluster = clusters.find((c) => c.id === input.clusterId);
  if (!cluster) return { error: "not_found", detail: "cluster" };
  const members = membersOf(ctx, cluster.id);
  const moved: NoteDoc = {
    ...note,
    ...slotInCluster(board, cluster, members),
    clusterId: cluster.id,
    updatedAt: ctx.now,
  };
  return { changes: [{ kind: "note", id: note.id, value: moved }, ...refit(board, cluster, [...members, moved])] };
}

// --- clusters ---

export function addCluster(ctx: RuleContext, input: ClientMessage<"boards.addCluster">): RuleResult {
  const board = boardOf(ctx, input.boardId);
  if (!board || !seesBoardContents(board, ctx.actor)) return { error: "not_found" };
  if (!mayCluster(board, ctx.actor)) return { error: board.locked ? "board_locked" : "forbidden" };
  const clusters = clustersOfBoard(ctx.doc, board.id);
  if (clusters.length >= CLUSTERS_PER_BOARD_MAX) return { error: "note_limit", detail: "clusters" };
  const picked: NoteDoc[] = [];
  for (const id of new Set(input.noteIds ?? [])) {
    const found = noteFor(ctx, id);
    if (!found || found.board.id !== board.id) return { error: "not_found", detail: "note" };
    picked.push(found.note);
  }
  // Around the picked notes; else where asked; else at the first free spot on the board.
  const free =
    input.x !== undefined && input.y !== undefined
      ? undefined
      : nextReadingSpot(board, notesOfBoard(ctx.doc, board.id), clusters);
  const corner = free
    ? { x: free.x - NOTE_SIZE_CM / 2, y: free.y - NOTE_SIZE_CM / 2 }
    : { x: input.x ?? 0, y: input.y ?? 0 };
  const frame = picked.length > 0 ? frameAround(picked) : emptyClusterFrame(board, corner.x, corner.y);
  const x = Math.max(0, frame.x);
  const y = Math.max(0, frame.y);
  const cluster: ClusterDoc = {
    id: ctx.newId(),
    boardId: board.id,
    title: input.title,
    x,
    y,
    width: Math.min(board.width - x, frame.width),
    height: Math.min(board.height - y, frame.height),
    createdAt: ctx.now,
  };
  return {
    changes: [
      { kind: "cluster", id: cluster.id, value: cluster },
      ...picked.map((note) => ({
        kind: "note" as const,
        id: note.id,
        value: { ...note, clusterId: cluster.id, updatedAt: ctx.now },
      })),
    ],
  };
}

export function renameCluster(ctx: RuleContext, input: ClientMessage<"boards.renameCluster">): RuleResult {
  const found = clusterFor(ctx, input.clusterId);
  if (!found) return { error: "not_found" };
  if (!mayCluster(found.board, ctx.actor)) return { error: found.board.locked ? "board_locked" : "forbidden" };
  return { changes: [{ kind: "cluster", id: found.cluster.id, value: { ...found.cluster, title: input.title } }] };
}

export function moveClusterRule(ctx: RuleContext, input: ClientMessage<"boards.moveCluster">): RuleResult {
  const found = clusterFor(ctx, input.clusterId);
  if (!found) return { error: "not_found" };
  if (!mayCluster(found.board, ctx.actor)) return { error: found.board.locked ? "board_locked" : "forbidden" };
  // Every member moves, including notes still private to their authors: the frame carries its contents.
  const moved = moveCluster(found.board, found.cluster, membersOf(ctx, found.cluster.id), input.x, input.y);
  return {
    changes: [
      { kind: "cluster", id: moved.cluster.id, value: moved.cluster },
      ...moved.notes.map((note) => ({ kind: "note" as const, id: note.id, value: note })),
    ],
  };
}

export function removeCluster(ctx: RuleContext, input: ClientMessage<"boards.removeCluster">): RuleResult {
  const found = clusterFor(ctx, input.clusterId);
  if (!found) return { error: "not_found" };
  if (!mayCluster(found.board, ctx.actor)) return { error: found.board.locked ? "board_locked" : "forbidden" };
  return {
    changes: [
      { kind: "cluster", id: found.cluster.id, value: null },
      ...membersOf(ctx, found.cluster.id).map((note) => ({
        kind: "note" as const,
        id: note.id,
        value: { ...note, clusterId: "", updatedAt: ctx.now },
      })),
    ],
  };
}
