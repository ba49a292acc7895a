import type { StateView } from "@colyseus/schema";
import { ScreenFileState } from "../../shared/screen/state";
import { SCREEN_FILE_TYPES } from "../../shared/screen/files";
import type { RoomApi } from "../commands/registry";
import type { ScreenFile } from "./records";

/**
 * The stage screen of one room: which file and page everyone sees (public), and the list of
 * uploads (only in facilitators' views: file names can say more than a workshop wants to show).
 */
export class ScreenRuntime {
  readonly files = new Map<string, ScreenFile>();
  private readonly facilitatorViews = new Map<string, StateView>();

  constructor(private readonly room: RoomApi) {}

  addFile(file: ScreenFile): void {
    this.files.set(file.id, file);
    const state = new ScreenFileState();
    state.name = file.name;
    state.kind = SCREEN_FILE_TYPES[file.mime].kind;
    state.pages = file.pages;
    state.width = file.width;
    state.height = file.height;
    state.size = file.size;
    state.createdAt = file.createdAt;
    this.room.state.screen.files.set(file.id, state);
    for (const view of this.facilitatorViews.values()) view.add(state);
  }

  removeFile(id: string): void {
    this.files.delete(id);
    this.room.state.screen.files.delete(id);
  }

  show(fileId: string, page: number): void {
    const screen = this.room.state.screen;
    const file = this.files.get(fileId);
    if (!file) {
      screen.fileId = "";
      screen.kind = "";
      screen.name = "";
      screen.page = 0;
      screen.pages = 0;
      screen.width = 0;
      screen.height = 0;
      return;
    }
    screen.fileId = file.id;
    screen.kind = SCREEN_FILE_TYPES[file.mime].kind;
    screen.name = file.name;
    screen.page = Math.min(Math.max(1, page), file.pages);
    screen.pages = file.pages;
    screen.width = file.width;
    screen.height = file.height;
  }

  /** Facilitators see the list of uploads; others do not, and lose it when they step down. */
  setFacilitator(sessionId: string, view: StateView | undefined, isFacilitator: boolean): void {
    const had = this.facilitatorViews.get(sessionId);
    if (isFacilitator && view && !had) {
      this.facilitatorViews.set(sessionId, view);
      this.room.state.screen.files.forEach((file) => view.add(file));
    } else if (!isFacilitator && had) {
      this.facilitatorViews.delete(sessionId);
      this.room.state.screen.files.forEach((file) => had.remove(file));
    }
  }

  forget(sessionId: string): void {
    this.facilitatorViews.delete(sessionId);
  }
}
