import type { RoomApi } from "../commands/registry";
import { defineCommand, type CommandContext } from "../commands/registry";
import type { RoomModule } from "../session/module";
import { screenFileRecord, screenShowingRecord, type ScreenFile } from "./records";
import { ScreenRuntime } from "./runtime";

const runtimes = new WeakMap<RoomApi, ScreenRuntime>();

async function storeShowing(ctx: CommandContext, fileId: string, page: number): Promise<void> {
  await ctx.room.saveRecord(screenShowingRecord.encode("screen", { fileId, page: Math.max(1, page) }, ctx.now));
}

const rate = { perSecond: 5, burst: 10 };

const screenCommands = [
  defineCommand({
    name: "screen.show",
    permission: "facilitator",
    rate,
    overRate: "reject",
    async run(ctx, { fileId, page }) {
      const screen = runtimes.get(ctx.room);
      if (!screen?.files.has(fileId)) return { error: "not_found" };
      await storeShowing(ctx, fileId, page ?? 1);
      screen.show(fileId, page ?? 1);
    },
  }),
  defineCommand({
    name: "screen.page",
    permission: "facilitator",
    rate,
    overRate: "reject",
    async run(ctx, { page }) {
      const screen = runtimes.get(ctx.room);
      const showing = ctx.room.state.screen;
      if (!screen || !showing.fileId) return { error: "not_found" };
      const clamped = Math.min(page, showing.pages);
      await storeShowing(ctx, showing.fileId, clamped);
      screen.show(showing.fileId, clamped);
    },
  }),
  defineCommand({
    name: "screen.clear",
    permission: "facilitator",
    rate,
    overRate: "reject",
    async run(ctx) {
      await storeShowing(ctx, "", 1);
      runtimes.get(ctx.room)?.show("", 1);
    },
  }),
  defineCommand({
    name: "screen.removeFile",
    permission: "facilitator",
    rate,
    overRate: "reject",
    async run(ctx, { fileId }) {
      const screen = runtimes.get(ctx.room);
      if (!screen?.files.has(fileId)) return { error: "not_found" };
      const showing = ctx.room.state.screen.fileId === fileId;
      const put = showing ? [screenShowingRecord.encode("screen", { fileId: "", page: 1 }, ctx.now)] : [];
      await ctx.room.writeRecords(put, [{ kind: screenFileRecord.kind, id: fileId }]);
      await ctx.room.services.store.deleteFile(ctx.room.state.code, fileId);
      screen.removeFile(fileId);
      if (showing) screen.show("", 1);
    },
  }),
];

/** The stage screen: uploads (over HTTP, see routes.ts) and what everyone sees on it. */
export const screenModule: RoomModule = {
  name: "screen",
  commands: screenCommands,
  recordKinds: [screenFileRecord.kind, screenShowingRecord.kind],
  setup(room) {
    runtimes.set(room, new ScreenRuntime(room));
  },
  restore(room, records) {
    const screen = runtimes.get(room)!;
    let showing = { fileId: "", page: 1 };
    for (const record of records) {
      try {
        if (record.kind === screenFileRecord.kind) screen.addFile(screenFileRecord.decode(record) as ScreenFile);
        else if (record.kind === screenShowingRecord.kind) showing = screenShowingRecord.decode(record);
      } catch (error) {
        console.error(`screen: skipped a stored record: ${error instanceof Error ? error.message : error}`);
      }
    }
    screen.show(showing.fileId, showing.page);
  },
  onJoin(room, client, person) {
    runtimes.get(room)?.setFacilitator(client.sessionId, client.view, person.role === "facilitator");
  },
  onPersonRoleChanged(room, id, _from, to) {
    runtimes.get(room)?.setFacilitator(id, room.clientById(id)?.view, to === "facilitator");
  },
  onLeave(room, id) {
    runtimes.get(room)?.forget(id);
  },
  onNotice(room, notice) {
    // A new upload appears in facilitators' lists at once, whichever process took the upload.
    if (notice.kind === "screen.fileAdded") runtimes.get(room)?.addFile(notice.file);
  },
  onDispose(room) {
    runtimes.delete(room);
  },
};
