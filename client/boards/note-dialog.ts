import { create } from "zustand";

/** A note being written at a spot on a board, or an existing one being edited (opened from 3D). */
export type NoteDialogState =
  { kind: "new"; boardId: string; x: number; y: number } | { kind: "edit"; boardId: string; noteId: string } | null;

export const useNoteDialog = create<{ open: NoteDialogState }>(() => ({ open: null }));

export function openNoteDialog(state: Exclude<NoteDialogState, null>): void {
  useNoteDialog.setState({ open: state });
}

export function closeNoteDialog(): void {
  useNoteDialog.setState({ open: null });
}
