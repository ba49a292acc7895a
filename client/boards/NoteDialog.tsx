import { useEffect, useId, useRef } from "react";
import { useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { useBoard } from "./boards-store";
import { useBoardTitle } from "./names";
import { NoteForm } from "./NoteForm";
import { closeNoteDialog, privacyNotice, submitNoteDialog, useNoteDialog } from "./note-dialog";

/**
 * The HTML dialog for writing a note at the spot clicked on a 3D board, or editing one's own.
 * In a headset an HTML dialog is not drawn: there client/xr/VRNoteKeyboard.tsx shows the same state.
 */
export function NoteDialog() {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const open = useNoteDialog((s) => s.open);
  const board = useBoard(open?.boardId);
  const boardTitle = useBoardTitle();
  const dialog = useRef<HTMLDialogElement>(null);
  const note = open?.kind === "edit" ? board?.notes.find((n) => n.id === open.noteId) : undefined;

  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
  }, [open]);
  // The note may vanish while its dialog is open (deleted, or its zone left behind).
  useEffect(() => {
    if (open && (!board || (open.kind === "edit" && !note))) closeNoteDialog();
  }, [open, board, note]);

  if (!open || !board) return null;
  const privacy = privacyNotice(open.kind === "new" ? { round: board.round } : { note });
  return (
    <dialog
      ref={dialog}
      onClose={closeNoteDialog}
      aria-labelledby={`${id}-heading`}
      aria-describedby={privacy ? `${id}-privacy` : undefined}
      className="note-dialog"
    >
      <h2 id={`${id}-heading`}>
        {open.kind === "new" ? t("boards.newNote") : t("boards.editNote")} · {boardTitle(board)}
      </h2>
      {privacy && (
        <p className="notice" id={`${id}-privacy`}>
          {t(privacy)}
        </p>
      )}
      <NoteForm
        initial={note ? { text: note.text, color: note.color } : undefined}
        submitLabel={open.kind === "new" ? t("boards.add") : t("boards.save")}
        autoFocus
        onCancel={closeNoteDialog}
        onSubmit={(draft) => submitNoteDialog(connection, open, draft)}
      />
      {note && (
        <button
          type="button"
          className="button--danger"
          onClick={() => {
            if (confirm(t("boards.confirmDeleteNote"))) {
              connection.send("boards.removeNote", { noteId: note.id });
              closeNoteDialog();
            }
          }}
        >
          {t("boards.delete")}
        </button>
      )}
    </dialog>
  );
}
