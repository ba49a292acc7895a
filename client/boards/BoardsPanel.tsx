import { useId, useMemo } from "react";
import { useT } from "../i18n/locale";
import { useSelf } from "../session/session-store";
import { sortedBoards, useBoardsStore, type BoardView } from "./boards-store";
import { BoardView2D } from "./BoardView2D";
import { AddBoardButton } from "./FacilitatorTools";
import { useBoardTitle } from "./names";
import { isFacilitator } from "./permissions";
import { useViewMode } from "./view-mode";
import { useCurrentStageBoards } from "../methods/StageNoteActions";

/**
 * The board to show first: the chosen one, else the current stage's board (of our zone, when a
 * stage gives each group its own), else the one of our zone, else the first we can read.
 */
function pick(
  boards: BoardView[],
  chosen: string | null,
  zone: string,
  stage: readonly string[],
): BoardView | undefined {
  return (
    boards.find((b) => b.id === chosen) ??
    boards.find((b) => stage.includes(b.id) && b.contentsVisible && (b.zoneId === zone || b.zoneId === "")) ??
    (zone ? boards.find((b) => b.zoneId === zone) : undefined) ??
    boards.find((b) => b.contentsVisible) ??
    boards[0]
  );
}

/** Choosing a board, then its 2D view: used in the side panel and as the whole 2D page. */
export function BoardsPanel() {
  const t = useT();
  const id = useId();
  const all = useBoardsStore((s) => s.boards);
  const boards = useMemo(() => sortedBoards(all), [all]);
  const self = useSelf();
  const chosen = useViewMode((s) => s.boardId);
  const choose = useViewMode((s) => s.choose);
  const boardTitle = useBoardTitle();
  const stage = useCurrentStageBoards();
  const board = pick(boards, chosen, self?.zone ?? "", stage);
  return (
    <div className="boards-panel">
      <div className="field">
        <label htmlFor={`${id}-board`}>{t("boards.choose")}</label>
        <select id={`${id}-board`} value={board?.id ?? ""} onChange={(e) => choose(e.target.value)}>
          {boards.map((b) => (
            <option key={b.id} value={b.id}>
              {boardTitle(b)} ({t("boards.noteCount", { count: b.noteCount })})
            </option>
          ))}
        </select>
      </div>
      {board && <BoardView2D key={board.id} boardId={board.id} />}
      {isFacilitator(self) && <AddBoardButton />}
    </div>
  );
}

/** The whole page as the 2D view: the same boards, for a keyboard, a screen reader or a phone. */
export function Boards2DPage() {
  const t = useT();
  return (
    <main className="boards-page" id="main" aria-label={t("boards.view2d")}>
      <p className="help">{t("boards.view2dHelp")}</p>
      <BoardsPanel />
    </main>
  );
}

/** Switches between the 3D lab and the 2D view. */
export function ViewToggle() {
  const t = useT();
  const mode = useViewMode((s) => s.mode);
  const setMode = useViewMode((s) => s.setMode);
  return (
    <button type="button" aria-pressed={mode === "2d"} onClick={() => setMode(mode === "2d" ? "3d" : "2d")}>
      {mode === "2d" ? t("boards.view3d") : t("boards.view2d")}
    </button>
  );
}
