import type { Role } from "../protocol/constants";
import type { StageView } from "./stages";

// Apart from stages.ts, whose record schemas need zod: the pages' 2D and 3D notes ask this while
// the room loads, and zod stays off the join's path (tests/protocol/join-path.test.ts).

/** What one person sees of a note's marks, and may change now: the same for every view (2D, 3D, VR). */
export interface NoteStageActions {
  tagged: boolean;
  /** The owner's name, if someone took the note on. */
  owner: string | undefined;
  /** The person owns this note. */
  mine: boolean;
  canTag: boolean;
  /** Take it on, or let go of it; never someone else's. */
  canOwn: boolean;
}

/**
 * A note's marks and the actions offered on it: by the same rules the server checks (toggleTag,
 * toggleOwner), so a view offers nothing the server would refuse. Observers only read.
 */
export function noteStageActions(
  view: StageView | null,
  boardId: string,
  noteId: string,
  role: Role | undefined,
): NoteStageActions {
  const owner = view?.owners[noteId];
  const mine = view?.mine === noteId;
  const acts = role === "participant" || role === "facilitator";
  return {
    tagged: view?.tags.includes(noteId) ?? false,
    owner,
    mine,
    canTag: acts && (view?.taggable.includes(boardId) ?? false),
    canOwn: acts && (view?.ownable.includes(boardId) ?? false) && (!owner || mine),
  };
}
