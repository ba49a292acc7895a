import type { Actor, BoardDoc, BoardsDoc, NoteDoc } from "./model";

/**
 * Who may see what on the boards. The server decides every client's view from these functions (and
 * sends nothing else); the client never filters for privacy, it only receives less.
 */

/** A zone's board is its group's work: only its members and the facilitators see what is on it. */
export function seesBoardContents(board: Pick<BoardDoc, "zoneId">, actor: Actor): boolean {
  return actor.role === "facilitator" || board.zoneId === "" || board.zoneId === actor.zone;
}

/** A note written in a private round stays with its author until the facilitator reveals the round. */
export function seesNote(note: NoteDoc, board: Pick<BoardDoc, "zoneId">, actor: Actor): boolean {
  return seesBoardContents(board, actor) && (!note.hidden || note.authorUid === actor.uid);
}

/**
 * The author's name as this viewer may learn it: never for an anonymous note (not even facilitators;
 * the author knows their own notes through their private "mine" list instead).
 */
export function visibleAuthorName(note: NoteDoc): string {
  return note.anonymous ? "" : note.authorName;
}

/** The notes a person sees, oldest first. */
export function visibleNotes(doc: BoardsDoc, actor: Actor): NoteDoc[] {
  return [...doc.notes.values()]
    .filter((note) => {
      const board = doc.boards.get(note.boardId);
      return board !== undefined && seesNote(note, board, actor);
    })
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** The notes no one but their author has seen yet (a private round still running). */
export function hiddenNoteCount(doc: BoardsDoc, boardId: string): number {
  let count = 0;
  for (const note of doc.notes.values()) if (note.boardId === boardId && note.hidden) count++;
  return count;
}
