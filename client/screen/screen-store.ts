import { create } from "zustand";
import type { SessionState } from "../../shared/session/state";

export interface ScreenFileView {
  id: string;
  name: string;
  kind: "image" | "pdf";
  pages: number;
  width: number;
  height: number;
  size: number;
  createdAt: number;
}

interface ScreenStore {
  fileId: string;
  kind: "" | "image" | "pdf";
  name: string;
  page: number;
  pages: number;
  width: number;
  height: number;
  /** Uploads; only facilitators receive them. */
  files: ScreenFileView[];
}

export const useScreenStore = create<ScreenStore>(() => ({
  fileId: "",
  kind: "",
  name: "",
  page: 0,
  pages: 0,
  width: 0,
  height: 0,
  files: [],
}));

/** Mirrors the screen from the room's state (called after every patch; cheap when nothing changed). */
export function syncScreen(state: SessionState): void {
  const screen = state.screen;
  if (!screen) return;
  const files: ScreenFileView[] = [];
  screen.files?.forEach((f, id) =>
    files.push({
      id,
      name: f.name,
      kind: f.kind as ScreenFileView["kind"],
      pages: f.pages,
      width: f.width,
      height: f.height,
      size: f.size,
      createdAt: f.createdAt,
    }),
  );
  files.sort((a, b) => a.createdAt - b.createdAt);
  const current = useScreenStore.getState();
  const next = {
    fileId: screen.fileId,
    kind: screen.kind as ScreenStore["kind"],
    name: screen.name,
    page: screen.page,
    pages: screen.pages,
    width: screen.width,
    height: screen.height,
  };
  const filesChanged = JSON.stringify(files) !== JSON.stringify(current.files);
  const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== current[k]);
  if (changed || filesChanged) useScreenStore.setState({ ...next, ...(filesChanged ? { files } : {}) });
}

/** Where the browser fetches a file of this session. */
export function fileUrl(code: string, fileId: string): string {
  return `/api/sessions/${encodeURIComponent(code)}/files/${encodeURIComponent(fileId)}`;
}
