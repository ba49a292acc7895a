import { randomBytes } from "node:crypto";
import type { StateView } from "@colyseus/schema";
import {
  applyChanges,
  emptyDoc,
  type Actor,
  type BoardDoc,
  type BoardsDoc,
  type DocChange,
  type NoteDoc,
  type VoteDoc,
} from "../../shared/boards/model";
import { seesBoardContents, seesNote, visibleAuthorName } from "../../shared/boards/visibility";
import { dotsUsed, endVote } from "../../shared/boards/votes";
import { BoardState, ClusterState, MineState, NoteState, VoteResultState, VoteState } from "../../shared/boards/state";
import type { CommandOutcome, RoomApi } from "../commands/registry";
import { recordsFor } from "./records";

/** 12 url-safe random characters (72 bits): ids for new boards, notes, clusters and votes. */
export function newDocId(): string {
  return randomBytes(9).toString("base64url");
}

/** One connected person, as far as the boards are concerned. */
interface Viewer {
  uid: string;
  view: StateView;
  mine: MineState;
  /** The board contents (notes, clusters, votes) currently in this person's view. */
  visible: Set<object>;
}

type Delayed = ReturnType<RoomApi["clock"]["setTimeout"]>;

/**
 * The boards of one session room: the document (the truth, kept in memory and in storage), its
 * projection into the synchronised state, and each person's view of it. Every change goes through
 * `commit`: applied to the document at once (so the next message is checked against it), made
 * durable, and only then shown to anyone — what a client sees has been stored.
 */
export class BoardsRuntime {
  doc: BoardsDoc = emptyDoc();
  private readonly viewers = new Map<string, Viewer>();
  private readonly timers = new Map<string, Delayed>();

  constructor(private readonly room: RoomApi) {}

  // --- people ---

  actorOf(sessionId: string): Actor | undefined {
    const person = this.room.state.people.get(sessionId);
    const viewer = this.viewers.get(sessionId);
    if (!person || !viewer) return undefined;
    return { uid: viewer.uid, name: person.name, role: person.role, zone: person.zone };
  }

  addViewer(sessionId: string, uid: string, view: StateView): void {
    const mine = new MineState();
    this.room.state.boardsMine.set(sessionId, mine);
    view.add(mine);
    const viewer: Viewer = { uid, view, mine, visible: new Set() };
    this.viewers.set(sessionId, viewer);
    for (const note of this.doc.notes.values()) if (note.authorUid === uid) mine.notes.set(note.id, true);
    for (const ballot of this.doc.ballots.values()) if (ballot.uid === uid) this.projectBallot(viewer, ballot.voteId);
    this.reconcileViewer(sessionId);
  }

  removeViewer(sessionId: string): void {
    this.viewers.delete(sessionId);
    this.room.state.boardsMine.delete(sessionId);
  }

  /** Brings one person's view in line with what they may see now (after a zone or role change, or joining). */
  reconcileViewer(sessionId: string): void {
    const viewer = this.viewers.get(sessionId);
    const actor = this.actorOf(sessionId);
    if (!viewer || !actor) return;
    for (const board of this.doc.boards.values()) this.reconcileBoard(viewer, actor, board);
  }

  private reconcileBoard(viewer: Viewer, actor: Actor, board: BoardDoc): void {
    const state = this.room.state.boards.get(board.id);
    if (!state) return;
    const contents = seesBoardContents(board, actor);
    state.clusters.forEach((cluster) => this.show(viewer, cluster, contents));
    state.votes.forEach((vote) => this.show(viewer, vote, contents));
    state.notes.forEach((noteState, id) => {
      const note = this.doc.notes.get(id);
      this.show(viewer, noteState, note !== undefined && seesNote(note, board, actor));
    });
  }

  private show(viewer: Viewer, ref: object, visible: boolean): void {
    if (visible && !viewer.visible.has(ref)) {
      viewer.view.add(ref as never);
      viewer.visible.add(ref);
    } else if (!visible && viewer.visible.has(ref)) {
      viewer.view.remove(ref as never);
      viewer.visible.delete(ref);
    }
  }

  private forget(ref: object | undefined): void {
    if (!ref) return;
    for (const viewer of this.viewers.values()) viewer.visible.delete(ref);
  }

  // --- changes ---

  /**
   * Applies, stores, then shows a set of changes. Stored in one transaction: after a crash either
   * all of it is there or none. Refused with `storage_failed` (and undone) when storing fails.
   */
  async commit(changes: readonly DocChange[]): Promise<CommandOutcome> {
    if (changes.length === 0) return;
    if (this.room.state.ended) return { error: "session_ended" };
    const now = this.room.services.now();
    const undo = applyChanges(this.doc, changes);
    const { put, remove } = recordsFor(changes, now);
    try {
      await this.room.writeRecords(put, remove);
    } catch (error) {
      applyChanges(this.doc, undo);
      console.error("boards: could not store a change:", error instanceof Error ? error.message : error);
      return { error: "storage_failed" };
    }
    this.project(changes);
  }

  /** Rebuilds the whole projection from the document (after a restore). */
  projectAll(): void {
    const changes: DocChange[] = [
      ...[...this.doc.boards.values()].map((b) => ({ kind: "board" as const, id: b.id, value: b })),
      ...[...this.doc.clusters.values()].map((c) => ({ kind: "cluster" as const, id: c.id, value: c })),
      ...[...this.doc.notes.values()].map((n) => ({ kind: "note" as const, id: n.id, value: n })),
      ...[...this.doc.votes.values()].map((v) => ({ kind: "vote" as const, id: v.id, value: v })),
    ];
    this.project(changes);
  }

  /**
   * Shows changes to clients. It reads the document's current value of every changed record rather
   * than the change itself, so the state can never show an older value than the document holds.
   */
  private project(changes: readonly DocChange[]): void {
    const boards = new Set<string>();
    const touchedBallots = new Set<string>();
    const seen = new Set<string>();
    for (const change of changes) {
      const key = `${change.kind}/${change.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      switch (change.kind) {
        case "board":
          this.projectBoard(change.id);
          boards.add(change.id);
          break;
        case "note":
          for (const id of this.projectNote(change.id)) boards.add(id);
          break;
        case "cluster":
          this.projectCluster(change.id);
          break;
        case "vote":
          this.projectVote(change.id);
          break;
        case "ballot":
          touchedBallots.add(change.id);
          break;
      }
    }
    for (const id of touchedBallots) this.projectBallotChange(id, changes);
    for (const id of boards) this.updateNoteCount(id);
  }

  private projectBoard(id: string): void {
    const doc = this.doc.boards.get(id);
    const boards = this.room.state.boards;
    let state = boards.get(id);
    if (!doc) {
      if (state) {
        state.notes.forEach((note) => this.forget(note));
        state.clusters.forEach((cluster) => this.forget(cluster));
        state.votes.forEach((vote) => this.forget(vote));
        boards.delete(id);
      }
      return;
    }
    const created = !state;
    if (!state) state = new BoardState();
    const zoneChanged = !created && state.zoneId !== doc.zoneId;
    state.title = doc.title;
    state.preset = doc.preset;
    state.zoneId = doc.zoneId;
    state.x = doc.x;
    state.z = doc.z;
    state.yaw = doc.yaw;
    state.width = doc.width;
    state.height = doc.height;
    state.locked = doc.locked;
    state.clustering = doc.clustering;
    state.round = doc.round ? (doc.round.anonymous ? "anonymous" : "open") : "";
    state.roundStartedAt = doc.round?.startedAt ?? 0;
    state.order = doc.order;
    if (created) boards.set(id, state);
    // Who sees the notes changes with the zone, and with a reveal (handled per note).
    if (zoneChanged) this.reconcileAll(doc);
  }

  private reconcileAll(board: BoardDoc): void {
    for (const [sessionId, viewer] of this.viewers) {
      const actor = this.actorOf(sessionId);
      if (actor) this.reconcileBoard(viewer, actor, board);
    }
  }

  /** Projects one note; returns the boards whose notes changed (two when the note moved between boards). */
  private projectNote(id: string): string[] {
    const doc = this.doc.notes.get(id);
    const touched: string[] = [];
    // Deleted, or carried to another board (a method merging boards): it leaves wherever it was.
    for (const [boardId, board] of this.room.state.boards) {
      const state = board.notes.get(id);
      if (!state || boardId === doc?.boardId) continue;
      this.forget(state);
      board.notes.delete(id);
      if (!doc) for (const viewer of this.viewers.values()) viewer.mine.notes.delete(id);
      touched.push(boardId);
    }
    if (!doc) return touched;
    const board = this.room.state.boards.get(doc.boardId);
    const boardDoc = this.doc.boards.get(doc.boardId);
    if (!board || !boardDoc) return touched;
    let state = board.notes.get(id);
    const created = !state;
    if (!state) state = new NoteState();
    const revealed = !created && state.hidden && !doc.hidden;
    state.text = doc.text;
    state.color = doc.color;
    state.x = doc.x;
    state.y = doc.y;
    state.clusterId = doc.clusterId;
    state.authorName = visibleAuthorName(doc);
    state.anonymous = doc.anonymous;
    state.hidden = doc.hidden;
    state.createdAt = doc.createdAt;
    if (created) {
      board.notes.set(id, state);
      for (const viewer of this.viewers.values()) if (viewer.uid === doc.authorUid) viewer.mine.notes.set(id, true);
    }
    if (created || revealed) this.reconcileNote(boardDoc, doc, state);
    return [...touched, doc.boardId];
  }

  private reconcileNote(board: BoardDoc, note: NoteDoc, state: NoteState): void {
    for (const [sessionId, viewer] of this.viewers) {
      const actor = this.actorOf(sessionId);
      if (actor) this.show(viewer, state, seesNote(note, board, actor));
    }
  }

  private updateNoteCount(boardId: string): void {
    const state = this.room.state.boards.get(boardId);
    if (!state) return;
    let count = 0;
    for (const note of this.doc.notes.values()) if (note.boardId === boardId) count++;
    state.noteCount = count;
  }

  private projectCluster(id: string): void {
    const doc = this.doc.clusters.get(id);
    if (!doc) {
      for (const board of this.room.state.boards.values()) {
        const state = board.clusters.get(id);
        if (!state) continue;
        this.forget(state);
        board.clusters.delete(id);
      }
      return;
    }
    const board = this.room.state.boards.get(doc.boardId);
    const boardDoc = this.doc.boards.get(doc.boardId);
    if (!board || !boardDoc) return;
    let state = board.clusters.get(id);
    const created = !state;
    if (!state) state = new ClusterState();
    state.title = doc.title;
    state.x = doc.x;
    state.y = doc.y;
    state.width = doc.width;
    state.height = doc.height;
    if (created) {
      board.clusters.set(id, state);
      this.reconcileContents(boardDoc, state);
    }
  }

  private reconcileContents(board: BoardDoc, ref: object): void {
    for (const [sessionId, viewer] of this.viewers) {
      const actor = this.actorOf(sessionId);
      if (actor) this.show(viewer, ref, seesBoardContents(board, actor));
    }
  }

  private projectVote(id: string): void {
    const doc = this.doc.votes.get(id);
    if (!doc) {
      this.cancelTimer(id);
      for (const board of this.room.state.boards.values()) {
        const state = board.votes.get(id);
        if (!state) continue;
        this.forget(state);
        board.votes.delete(id);
      }
      for (const viewer of this.viewers.values()) clearBallot(viewer.mine, id);
      return;
    }
    const board = this.room.state.boards.get(doc.boardId);
    const boardDoc = this.doc.boards.get(doc.boardId);
    if (!board || !boardDoc) return;
    let state = board.votes.get(id);
    const created = !state;
    if (!state) state = new VoteState();
    state.perPerson = doc.perPerson;
    state.maxPerNote = doc.maxPerNote;
    state.anonymous = doc.anonymous;
    state.startedAt = doc.startedAt;
    state.endsAt = doc.endsAt ?? 0;
    state.endedAt = doc.endedAt ?? 0;
    if (state.noteIds.join(" ") !== doc.noteIds.join(" ")) {
      state.noteIds.clear();
      state.noteIds.push(...doc.noteIds);
    }
    state.voters = this.voterCount(id);
    if (doc.results && state.results.length === 0) {
      for (const result of doc.results) {
        const row = new VoteResultState();
        row.noteId = result.noteId;
        row.text = result.text;
        row.count = result.count;
        row.rank = result.rank;
        row.voters = result.voters.join("\n");
        state.results.push(row);
      }
    }
    if (created) {
      board.votes.set(id, state);
      this.reconcileContents(boardDoc, state);
    }
    if (doc.endedAt === null) this.schedule(doc);
    else {
      this.cancelTimer(id);
      // Ended: nobody's own dots are worth showing any longer (the results say it all).
      for (const viewer of this.viewers.values()) clearBallot(viewer.mine, id);
    }
  }

  private voterCount(voteId: string): number {
    let count = 0;
    for (const ballot of this.doc.ballots.values()) if (ballot.voteId === voteId && dotsUsed(ballot) > 0) count++;
    return count;
  }

  private projectBallotChange(ballotKey: string, changes: readonly DocChange[]): void {
    const change = changes.find((c) => c.kind === "ballot" && c.id === ballotKey);
    const ballot = this.doc.ballots.get(ballotKey) ?? (change?.value as { voteId: string; uid: string } | null);
    // A deleted ballot's owner is in the key: `${voteId}.${uid}`.
    const [voteId, uid] = ballot ? [ballot.voteId, ballot.uid] : splitBallotKey(ballotKey);
    for (const viewer of this.viewers.values()) if (viewer.uid === uid) this.projectBallot(viewer, voteId);
    const vote = this.findVoteState(voteId);
    if (vote) vote.voters = this.voterCount(voteId);
  }

  private findVoteState(voteId: string): VoteState | undefined {
    const doc = this.doc.votes.get(voteId);
    return doc ? this.room.state.boards.get(doc.boardId)?.votes.get(voteId) : undefined;
  }

  private projectBallot(viewer: Viewer, voteId: string): void {
    const vote = this.doc.votes.get(voteId);
    const ballot = [...this.doc.ballots.values()].find((b) => b.voteId === voteId && b.uid === viewer.uid);
    if (!vote || vote.endedAt !== null) {
      clearBallot(viewer.mine, voteId);
      return;
    }
    const { mine } = viewer;
    const used = dotsUsed(ballot);
    if (mine.used.get(voteId) !== used) mine.used.set(voteId, used);
    const dots = ballot?.dots ?? {};
    const prefix = `${voteId}/`;
    for (const key of [...mine.dots.keys()]) {
      if (key.startsWith(prefix) && !(key.slice(prefix.length) in dots)) mine.dots.delete(key);
    }
    for (const [noteId, count] of Object.entries(dots)) {
      if (mine.dots.get(prefix + noteId) !== count) mine.dots.set(prefix + noteId, count);
    }
  }

  // --- vote timers ---

  private schedule(vote: VoteDoc): void {
    if (vote.endsAt === null || this.timers.has(vote.id)) return;
    const delay = Math.max(0, vote.endsAt - this.room.services.now());
    this.timers.set(
      vote.id,
      this.room.clock.setTimeout(() => {
        this.timers.delete(vote.id);
        void this.endOnTime(vote.id);
      }, delay),
    );
  }

  private cancelTimer(voteId: string): void {
    this.timers.get(voteId)?.clear();
    this.timers.delete(voteId);
  }

  /** Ends a vote whose time is up (also on restore, for one that ran out while the server was down). */
  async endOnTime(voteId: string): Promise<void> {
    const vote = this.doc.votes.get(voteId);
    if (!vote || vote.endedAt !== null || vote.endsAt === null) return;
    const now = this.room.services.now();
    if (now < vote.endsAt) {
      this.schedule(vote);
      return;
    }
    const result = endVote(this.doc, voteId, now);
    if ("changes" in result) await this.commit(result.changes);
  }

  dispose(): void {
    for (const timer of this.timers.values()) timer.clear();
    this.timers.clear();
  }
}

function clearBallot(mine: MineState, voteId: string): void {
  mine.used.delete(voteId);
  for (const key of [...mine.dots.keys()]) if (key.startsWith(`${voteId}/`)) mine.dots.delete(key);
}

function splitBallotKey(key: string): [string, string] {
  const dot = key.indexOf(".");
  return [key.slice(0, dot), key.slice(dot + 1)];
}
