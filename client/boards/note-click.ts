import { dotRefusal } from "../../shared/boards/votes";
import type { VoteView } from "./boards-store";

/**
 * What a click (a mouse, a tap, a controller's trigger, a hand's pinch) on a 3D board does. Outside a
 * dot vote it writes or edits, as before; while a vote runs on the board, a person who may vote
 * votes: the click is the dot. The server checks every dot again and says why when it refuses one.
 */

/** What one person knows about a note when they click it. */
export interface NoteClickInput {
  /** The board's open vote, if one runs. */
  vote: Pick<VoteView, "perPerson" | "maxPerNote" | "noteIds"> | undefined;
  /** Participants and facilitators vote; observers only watch. */
  canVote: boolean;
  noteId: string;
  /** Our dots on this note. */
  mine: number;
  /** Our dots used in the whole vote. */
  used: number;
  mayEdit: boolean;
}

export type NoteClick =
  /** Place one more dot on the note. */
  | { kind: "dot" }
  /** Take back all of our dots on the note (a toggle when one dot per note is allowed). */
  | { kind: "undot"; count: number }
  /** The note was written after the vote began: it is not on the ballot. */
  | { kind: "notInVote" }
  | { kind: "edit" }
  | { kind: "none" };

/**
 * A click on a note. While voting, each click adds a dot until the note holds as many of ours as it
 * may (or we have none left); the next click takes them back, so clicking cycles 0 → 1 → … → max → 0.
 * With no dots left and none on the note, the click still asks: the server's refusal ("You have no
 * dots left") is the message the person needs.
 */
export function noteClick(input: NoteClickInput): NoteClick {
  const { vote, mine, used } = input;
  if (!vote || !input.canVote) return input.mayEdit ? { kind: "edit" } : { kind: "none" };
  if (!vote.noteIds.includes(input.noteId)) return { kind: "notInVote" };
  if (dotRefusal(vote, used, mine) !== null && mine > 0) return { kind: "undot", count: mine };
  return { kind: "dot" };
}

export type BoardClick = { kind: "newNote" } | { kind: "voteHint" } | { kind: "none" };

/**
 * A still click on empty board space: a new note there, except while we may vote on the board,
 * when a new note would not be on the ballot anyway and the click was most likely meant as a vote
 * that missed its note: say how voting works instead (writing stays possible in the Boards panel).
 */
export function boardClick(input: { voting: boolean; mayWrite: boolean }): BoardClick {
  if (input.voting) return { kind: "voteHint" };
  return input.mayWrite ? { kind: "newNote" } : { kind: "none" };
}
