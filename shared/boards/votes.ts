import type { ClientMessage } from "../protocol";
import { ballotId, notesOfBoard, openVoteOf } from "./basics";
import type { BallotDoc, BoardsDoc, DocChange, NoteDoc, RuleContext, RuleResult, VoteDoc, VoteResult } from "./model";
import { seesBoardContents } from "./visibility";
import { facilitates, takesPart } from "./permissions";

/**
 * Dot voting as pure rules: a budget of dots per person, a maximum per note, results counted only
 * when the vote ends. The server runs one message at a time through these, so two dots sent at the
 * same moment are checked one after the other against the same budget and can never overspend it.
 */

export type { RuleContext, RuleResult };

export function dotsUsed(ballot: Pick<BallotDoc, "dots"> | undefined): number {
  if (!ballot) return 0;
  let used = 0;
  for (const count of Object.values(ballot.dots)) used += count;
  return used;
}

export function isOpen(vote: VoteDoc, now: number): boolean {
  return vote.endedAt === null && (vote.endsAt === null || now < vote.endsAt);
}

/**
 * Why one more dot may not go on a note, or null when it may. Written once because the 2D list, the
 * 3D click and the server each decide it: they must never disagree about the last dot.
 */
export function dotRefusal(
  vote: Pick<VoteDoc, "perPerson" | "maxPerNote">,
  usedInVote: number,
  onNote: number,
): "vote_budget" | "vote_note_max" | null {
  if (usedInVote >= vote.perPerson) return "vote_budget";
  if (onNote >= vote.maxPerNote) return "vote_note_max";
  return null;
}

/** How many dots a person still has in a vote. */
export function dotsLeft(vote: Pick<VoteDoc, "perPerson">, usedInVote: number): number {
  return Math.max(0, vote.perPerson - usedInVote);
}

/** Places (+1) or takes back (-1) one dot. */
export function castDot(ctx: RuleContext, input: ClientMessage<"boards.dot">): RuleResult {
  const { doc, actor, now } = ctx;
  const vote = doc.votes.get(input.voteId);
  if (!vote) return { error: "not_found" };
  const board = doc.boards.get(vote.boardId);
  if (!board || !seesBoardContents(board, actor)) return { error: "not_found" };
  if (!takesPart(actor.role)) return { error: "forbidden" };
  if (!isOpen(vote, now)) return { error: "vote_closed" };
  const note = doc.notes.get(input.noteId);
  if (!vote.noteIds.includes(input.noteId) || !note || note.hidden) return { error: "not_found", detail: "note" };

  const id = ballotId(vote.id, actor.uid);
  const ballot = doc.ballots.get(id) ?? { voteId: vote.id, uid: actor.uid, name: actor.name, dots: {}, updatedAt: now };
  const onNote = ballot.dots[input.noteId] ?? 0;
  if (input.delta === 1) {
    const refusal = dotRefusal(vote, dotsUsed(ballot), onNote);
    if (refusal) return { error: refusal };
  } else if (onNote === 0) {
    return { error: "not_found", detail: "dot" };
  }
  const dots = { ...ballot.dots };
  const next = onNote + input.delta;
  if (next === 0) delete dots[input.noteId];
  else dots[input.noteId] = next;
  const updated: BallotDoc = { ...ballot, name: actor.name, dots, updatedAt: now };
  return { changes: [{ kind: "ballot", id, value: Object.keys(dots).length === 0 ? null : updated }] };
}

/**
 * Counts a vote: every note of the ballot that still exists, most dots first (ties keep the order
 * the notes were written in) with shared ranks for equal counts, and who voted unless anonymous.
 */
export function tally(vote: VoteDoc, ballots: readonly BallotDoc[], notes: ReadonlyMap<string, NoteDoc>): VoteResult[] {
  const counts = new Map<string, number>();
  const voters = new Map<string, { name: string; dots: number }[]>();
  for (const ballot of ballots) {
    if (ballot.voteId !== vote.id) continue;
    for (const [noteId, dots] of Object.entries(ballot.dots)) {
      counts.set(noteId, (counts.get(noteId) ?? 0) + dots);
      const list = voters.get(noteId) ?? [];
      list.push({ name: ballot.name, dots });
      voters.set(noteId, list);
    }
  }
  const candidates = vote.noteIds
    .map((id) => notes.get(id))
    .filter((note): note is NoteDoc => note !== undefined && !note.hidden)
    .map((note) => ({ note, count: counts.get(note.id) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.note.createdAt - b.note.createdAt || a.note.id.localeCompare(b.note.id));
  let rank = 0;
  return candidates.map(({ note, count }, index) => {
    if (index === 0 || candidates[index - 1]!.count !== count) rank = index + 1;
    return {
      noteId: note.id,
      text: note.text,
      count,
      rank,
      voters: vote.anonymous
        ? []
        : (voters.get(note.id) ?? [])
            .sort((a, b) => b.dots - a.dots || a.name.localeCompare(b.name))
            .map((v) => (v.dots > 1 ? `${v.name} ×${v.dots}` : v.name)),
    };
  });
}

/**
 * Ends a vote: the results are counted and kept with the vote, and the ballots are dropped, since
 * nothing needs to know any longer who put which dot where (a named vote keeps the names in its results).
 */
export function endVote(doc: BoardsDoc, voteId: string, now: number): RuleResult {
  const vote = doc.votes.get(voteId);
  if (!vote) return { error: "not_found" };
  if (vote.endedAt !== null) return { error: "vote_closed" };
  const ballots = [...doc.ballots.values()].filter((b) => b.voteId === vote.id);
  const endedAt = vote.endsAt !== null ? Math.min(now, vote.endsAt) : now;
  const results = tally(vote, ballots, doc.notes);
  return {
    changes: [
      { kind: "vote", id: vote.id, value: { ...vote, endedAt, results } },
      ...ballots.map((b) => ({ kind: "ballot" as const, id: ballotId(b.voteId, b.uid), value: null })),
    ],
  };
}

/**
 * A vote that a step ended, as it stood the moment before: what Back needs to open it again as it
 * was (its ballots, who put which dot where, are dropped from the document when a vote ends). Stored
 * with Lean Coffee's board (its schema is in shared/methods/kanban.ts: zod stays off the page's path).
 */
export interface HeldVote {
  vote: VoteDoc;
  ballots: BallotDoc[];
  /** When the step ended it: Back reopens it only if nobody has touched it since. */
  endedAt: number;
}

/**
 * Ends a board's open vote because the method moved on (Lean Coffee's discussion begins): the results
 * are counted and frozen like any ended vote, and what it was is kept for Back. Null when the board
 * has no open vote.
 */
export function holdVote(
  doc: BoardsDoc,
  boardId: string,
  now: number,
): { changes: DocChange[]; held: HeldVote } | null {
  const vote = openVoteOf(doc, boardId);
  if (!vote) return null;
  const ended = endVote(doc, vote.id, now);
  if (!("changes" in ended)) return null;
  const ballots = [...doc.ballots.values()].filter((b) => b.voteId === vote.id);
  const endedAt = vote.endsAt !== null ? Math.min(now, vote.endsAt) : now;
  return { changes: ended.changes, held: { vote, ballots, endedAt } };
}

/**
 * Back over the step that ended a vote: the vote opens again with everyone's dots and the time it had
 * left. Nothing when it is gone or was changed since (ended again by hand, say); notes deleted in the
 * meantime leave the ballot and their dots go back to their owners.
 */
export function reopenHeldVote(doc: BoardsDoc, held: HeldVote, now: number): DocChange[] {
  const current = doc.votes.get(held.vote.id);
  if (!current || current.endedAt !== held.endedAt) return [];
  const noteIds = held.vote.noteIds.filter((id) => {
    const note = doc.notes.get(id);
    return note !== undefined && !note.hidden;
  });
  const inBallot = new Set(noteIds);
  const left = held.vote.endsAt === null ? null : now + Math.max(0, held.vote.endsAt - held.endedAt);
  const changes: DocChange[] = [
    { kind: "vote", id: held.vote.id, value: { ...held.vote, noteIds, endsAt: left, endedAt: null, results: null } },
  ];
  for (const ballot of held.ballots) {
    const dots = Object.fromEntries(Object.entries(ballot.dots).filter(([noteId]) => inBallot.has(noteId)));
    if (Object.keys(dots).length === 0) continue;
    changes.push({ kind: "ballot", id: ballotId(ballot.voteId, ballot.uid), value: { ...ballot, dots } });
  }
  return changes;
}

/** Dots that must go back to their owners because a note left the ballot (it was deleted or hidden). */
export function refundNote(doc: BoardsDoc, noteId: string, now: number): DocChange[] {
  const changes: DocChange[] = [];
  for (const vote of doc.votes.values()) {
    if (vote.endedAt !== null || !vote.noteIds.includes(noteId)) continue;
    changes.push({
      kind: "vote",
      id: vote.id,
      value: { ...vote, noteIds: vote.noteIds.filter((id) => id !== noteId) },
    });
    for (const ballot of doc.ballots.values()) {
      if (ballot.voteId !== vote.id || !(noteId in ballot.dots)) continue;
      const dots = { ...ballot.dots };
      delete dots[noteId];
      changes.push({
        kind: "ballot",
        id: ballotId(ballot.voteId, ballot.uid),
        value: Object.keys(dots).length === 0 ? null : { ...ballot, dots, updatedAt: now },
      });
    }
  }
  return changes;
}

export function startVote(ctx: RuleContext, input: ClientMessage<"boards.startVote">): RuleResult {
  if (!facilitates(ctx.actor.role)) return { error: "forbidden" };
  const board = ctx.doc.boards.get(input.boardId);
  if (!board) return { error: "not_found" };
  if (openVoteOf(ctx.doc, board.id)) return { error: "vote_active" };
  if (board.round) return { error: "round_active" };
  if (input.maxPerNote > input.perPerson) return { error: "invalid_payload", detail: "maxPerNote" };
  const noteIds = notesOfBoard(ctx.doc, board.id)
    .filter((n) => !n.hidden)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
    .map((n) => n.id);
  if (noteIds.length === 0) return { error: "nothing_to_vote" };
  const vote: VoteDoc = {
    id: ctx.newId(),
    boardId: board.id,
    perPerson: input.perPerson,
    maxPerNote: input.maxPerNote,
    anonymous: input.anonymous,
    startedAt: ctx.now,
    endsAt: input.durationSeconds > 0 ? ctx.now + input.durationSeconds * 1000 : null,
    endedAt: null,
    noteIds,
    results: null,
  };
  return { changes: [{ kind: "vote", id: vote.id, value: vote }] };
}

export function endVoteRule(ctx: RuleContext, input: ClientMessage<"boards.endVote">): RuleResult {
  if (!facilitates(ctx.actor.role)) return { error: "forbidden" };
  const vote = ctx.doc.votes.get(input.voteId);
  const board = vote && ctx.doc.boards.get(vote.boardId);
  if (!vote || !board) return { error: "not_found" };
  return endVote(ctx.doc, vote.id, ctx.now);
}
