import { create } from "zustand";

/**
 * A request to bring a board into view ("show me the board" on a vote or round card). The 3D view
 * turns and walks to it (BoardFocus.tsx); the 2D view scrolls to it. Each request has its own number,
 * so asking twice for the same board turns to it again.
 */
export const useBoardFocus = create<{ request: { boardId: string; seq: number } | null }>(() => ({ request: null }));

let seq = 0;

export function focusBoard(boardId: string): void {
  useBoardFocus.setState({ request: { boardId, seq: ++seq } });
}
