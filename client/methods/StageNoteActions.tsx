import { useId } from "react";
import type { StageView } from "../../shared/methods/stages";
import { noteStageActions, type NoteStageActions } from "../../shared/methods/stage-actions";
import { useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { useSelf } from "../session/session-store";
import { useBoardsStore, type NoteView } from "../boards/boards-store";
import { useBoardTitle } from "../boards/names";
import { useMethodsStore } from "./methods-store";
import "./stages.css";

/**
 * Stages unlocked in turn, on a board's 2D view (shared/methods/stages.ts holds the rules): an
 * earlier stage's board marked read-only, the current stage's board with the earlier ones shown
 * beside it, and TRIZ's note actions: "we already do this" and "I'll take this on". The server checks
 * every one of them again.
 */

const useStages = (): StageView | null => useMethodsStore((s) => s.state?.stages ?? null);

const NONE: readonly string[] = [];

/** The boards the current stage writes on (each group's own, or one in the plenary). */
export function useCurrentStageBoards(): readonly string[] {
  return useMethodsStore((s) => s.state?.stages?.current ?? NONE);
}

/** True when the board belongs to an earlier stage: nobody writes on it now. */
export function useStageReadOnly(boardId: string): boolean {
  return useMethodsStore((s) => s.state?.stages?.readOnly.includes(boardId) ?? false);
}

/** A note's marks in words ("We already do this · Owner: Anna"), for the 3D note's bottom strip. */
export function useStageMark(noteId: string): string {
  const t = useT();
  const tagged = useMethodsStore((s) => s.state?.stages?.tags.includes(noteId) ?? false);
  const owner = useMethodsStore((s) => s.state?.stages?.owners[noteId]);
  return [tagged ? t("stages.tagged") : "", owner ? t("stages.ownedBy", { name: owner }) : ""]
    .filter(Boolean)
    .join(" · ");
}

/** A note's marks and what this person may do with them now (the rules in shared/methods/stages.ts). */
export function useNoteStageActions(noteId: string, boardId: string): NoteStageActions {
  const role = useSelf()?.role;
  const stages = useStages();
  return noteStageActions(stages, boardId, noteId, role);
}

/** The board's place among the stages, as a badge beside its title. */
export function StageBadge({ boardId }: { boardId: string }) {
  const t = useT();
  const stages = useStages();
  if (stages?.readOnly.includes(boardId)) {
    return <span className="badge badge--muted stage-badge">{t("stages.readOnly")}</span>;
  }
  if (stages?.current.includes(boardId)) return <span className="badge stage-badge">{t("stages.current")}</span>;
  return null;
}

/** A note's tag and owner in words, and the buttons to change them while the step allows it. */
export function StageNoteActions({ note, boardId }: { note: NoteView; boardId: string }) {
  const t = useT();
  const connection = useConnection();
  const self = useSelf();
  const stages = useStages();
  if (!stages) return null;
  const { tagged, owner, mine, canTag, canOwn } = noteStageActions(stages, boardId, note.id, self?.role);
  if (!tagged && !owner && !canTag && !canOwn) return null;
  return (
    <span className="stage-actions">
      {tagged && !canTag && <span className="stage-mark stage-mark--tag">{t("stages.tagged")}</span>}
      {owner && <span className="stage-mark stage-mark--owner">{t("stages.ownedBy", { name: owner })}</span>}
      {canTag && (
        <button
          type="button"
          className="button--quiet stage-toggle"
          aria-pressed={tagged}
          onClick={() => connection.send("boards.tagNote", { noteId: note.id })}
        >
          {t("stages.tag")}
        </button>
      )}
      {canOwn && (
        <button
          type="button"
          className="button--quiet stage-toggle"
          aria-pressed={mine}
          onClick={() => connection.send("boards.ownNote", { noteId: note.id })}
        >
          {mine ? t("stages.unown") : t("stages.own")}
        </button>
      )}
    </span>
  );
}

/**
 * Beside the current stage's board: the same group's earlier stages, read-only, so the group builds
 * on what it wrote before (What → So What → Now What).
 */
export function EarlierStages({ boardId }: { boardId: string }) {
  const t = useT();
  const id = useId();
  const stages = useStages();
  const boards = useBoardsStore((s) => s.boards);
  const boardTitle = useBoardTitle();
  const board = boards[boardId];
  if (!board || !stages?.current.includes(boardId)) return null;
  const earlier = stages.readOnly
    .map((bid) => boards[bid])
    .filter((b) => b !== undefined && b.contentsVisible && b.zoneId === board.zoneId);
  if (earlier.length === 0) return null;
  return (
    <section className="board-section stage-earlier" aria-labelledby={`${id}-earlier`}>
      {earlier.map((b, i) => (
        <section key={b!.id} className="stage-earlier__board" aria-labelledby={`${id}-${i}`} data-board-id={b!.id}>
          <h3 id={i === 0 ? `${id}-earlier` : `${id}-${i}`}>
            {boardTitle(b!)} <span className="badge badge--muted">{t("stages.readOnly")}</span>
          </h3>
          {b!.notes.length === 0 ? (
            <p className="help">{t("boards.empty")}</p>
          ) : (
            <ul className="stage-earlier__notes">
              {b!.notes.map((note) => (
                <li key={note.id}>
                  {note.text} <StageNoteActions note={note} boardId={b!.id} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </section>
  );
}
