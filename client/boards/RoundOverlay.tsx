import { useMemo } from "react";
import { useT } from "../i18n/locale";
import { sortedBoards, useBoardsStore } from "./boards-store";
import { useBoardTitle } from "./names";
import { useViewMode } from "./view-mode";
import { useShowBoard } from "./VoteOverlay";

/**
 * A card over the 3D view while a private writing round runs on a board we can read: what the round
 * means for our notes, how many are written, and a way to the board. The 2D view says the same at
 * the top of the board itself (BoardView2D's RoundBanner), so the card is for 3D only.
 */
export function RoundOverlay() {
  const t = useT();
  const boardTitle = useBoardTitle();
  const mode = useViewMode((s) => s.mode);
  const showBoard = useShowBoard();
  const all = useBoardsStore((s) => s.boards);
  const rounds = useMemo(() => sortedBoards(all).filter((b) => b.round !== "" && b.contentsVisible), [all]);
  if (mode !== "3d" || rounds.length === 0) return null;
  return (
    <aside className="round-overlay" aria-label={t("boards.round.heading")}>
      {rounds.map((board) => {
        const anonymous = board.round === "anonymous";
        return (
          <div key={board.id} className="vote-overlay__card" role="status">
            <strong>{t("boards.round.cardTitle", { board: boardTitle(board) })}</strong>
            <p>{t(anonymous ? "boards.round.activeAnonymous" : "boards.round.active")}</p>
            <p className="help">{t("boards.round.written", { count: board.noteCount })}</p>
            <button type="button" onClick={() => showBoard(board.id)}>
              {t("boards.vote.showBoard")}
            </button>
          </div>
        );
      })}
    </aside>
  );
}
