import { create } from "zustand";

/**
 * A note being written on a board (at a spot, or without one: the first free spot), or an existing one
 * being edited (opened from 3D, or from the in-VR menu).
 */
export type NoteDialogState =
  { kind: "new"; boardId: string; x?: number; y?: number } | { kind: "edit"; boardId: string; noteId: string } | null;

export const useNoteDialog = create<{ open: NoteDialogState }>(() => ({ open: null }));

export function openNoteDialog(state: Exclude<NoteDialogState, null>): void {
  useNoteDialog.setState({ open: state });
}

export function closeNoteDialog(): void {
  useNoteDialog.setState({ open: null });
}
