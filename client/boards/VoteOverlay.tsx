import { useEffect, useMemo, useState } from "react";
import { useT } from "../i18n/locale";
import { useSelf } from "../session/session-store";
import { focusBoard } from "./board-focus";
import { sortedBoards, useBoardsStore, type BoardView, type VoteView } from "./boards-store";
import { VoteResults, VoteStatus } from "./BoardView2D";
import { useBoardTitle } from "./names";
import { useViewMode } from "./view-mode";

/** Open votes on boards we can read, and the latest ended vote we have not dismissed. */
export function useVotes(): { open: [BoardView, VoteView][]; ended: [BoardView, VoteView] | undefined } {
  const boards = useBoardsStore((s) => s.boards);
  return useMemo(() => {
    const open: [BoardView, VoteView][] = [];
    let ended: [BoardView, VoteView] | undefined;
    for (const board of sortedBoards(boards)) {
      if (!board.contentsVisible) continue;
      for (const vote of board.votes) {
        if (vote.endedAt === 0) open.push([board, vote]);
        else if (!ended || vote.endedAt > ended[1].endedAt) ended = [board, vote];
      }
    }
    return { open, ended };
  }, [boards]);
}

/**
 * "Show the board": in 3D the view turns to the board and walks up to it; in the 2D view the page
 * shows that board and scrolls to it. The Boards panel picks it in both.
 */
export function useShowBoard(): (boardId: string) => void {
  const mode = useViewMode((s) => s.mode);
  const choose = useViewMode((s) => s.choose);
  return (boardId) => {
    choose(boardId);
    if (mode === "3d") focusBoard(boardId);
    else {
      // After React has drawn the chosen board.
      requestAnimationFrame(() =>
        document
          .querySelector(`.boards-page [data-board-id="${CSS.escape(boardId)}"]`)
          ?.scrollIntoView({ behavior: "smooth", block: "start" }),
      );
    }
  };
}

/**
 * A small card over the space while a dot vote runs (dots left, time left), and the ranking when
 * it ends, for everyone who can read the board: in 3D and in the 2D view alike.
 */
export function VoteOverlay() {
  const t = useT();
  const boardTitle = useBoardTitle();
  const mode = useViewMode((s) => s.mode);
  const showBoard = useShowBoard();
  const self = useSelf();
  const canVote = self?.role === "participant" || self?.role === "facilitator";
  const { open, ended } = useVotes();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [seenAtMount] = useState(() => ended?.[1].id ?? null);
  // Results that ended before we arrived are in the board's view; only announce fresh ones.
  const showEnded = ended && ended[1].id !== dismissed && ended[1].id !== seenAtMount && open.length === 0;
  useEffect(() => {
    if (open.length > 0) setDismissed(null);
  }, [open.length]);
  if (open.length === 0 && !showEnded) return null;
  return (
    <aside className="vote-overlay" aria-label={t("boards.vote.heading")}>
      {open.map(([board, vote]) => (
        <div key={vote.id} className="vote-overlay__card">
          <strong>{t("boards.vote.open", { board: boardTitle(board) })}</strong>
          <VoteStatus vote={vote} />
          {mode === "3d" && canVote && (
            <p className="help">
              {vote.maxPerNote > 1
                ? t("boards.vote.clickNoteMany", { max: vote.maxPerNote })
                : t("boards.vote.clickNote")}
            </p>
          )}
          <button type="button" onClick={() => showBoard(board.id)}>
            {t("boards.vote.showBoard")}
          </button>
        </div>
      ))}
      {showEnded && ended && (
        <div className="vote-overlay__card" role="status">
          <strong>{t("boards.vote.resultsOf", { board: boardTitle(ended[0]) })}</strong>
          <VoteResults vote={{ ...ended[1], results: ended[1].results.slice(0, 5) }} />
          <button type="button" onClick={() => setDismissed(ended[1].id)}>
            {t("boards.vote.close")}
          </button>
        </div>
      )}
    </aside>
  );
}
