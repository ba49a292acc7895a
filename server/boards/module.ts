import { LAB } from "../../shared/space/layout";
import { wallBoardPlacement, zoneBoardPlacement } from "../../shared/boards/geometry";
import { applyChanges, type BoardDoc, type DocChange } from "../../shared/boards/model";
import type { RoomApi } from "../commands/registry";
import type { RoomModule } from "../session/module";
import type { ClientPrivate } from "../commands/dispatch";
import { boardsCommands } from "./commands";
import { BOARD_RECORD_KINDS, boardsSetupRecord, docFromRecords, recordsFor } from "./records";
import { BoardsRuntime, newDocId } from "./runtime";

/** Each room's boards; keyed by the room itself, so nothing is shared between sessions. */
const runtimes = new WeakMap<RoomApi, BoardsRuntime>();

/** The boards a new session starts with: the note wall, and one in each breakout zone. */
export function defaultBoards(now: number): BoardDoc[] {
  const base = { title: "", locked: false, clustering: false, round: null, rounds: [], createdAt: now };
  return [
    { ...base, id: newDocId(), preset: "wall", zoneId: "", ...wallBoardPlacement(), order: 0 },
    ...LAB.breakoutAreas.map((area, i): BoardDoc => ({
      ...base,
      id: newDocId(),
      preset: "zone",
      zoneId: area.id,
      ...zoneBoardPlacement(area),
      order: i + 1,
    })),
  ];
}

function uidOf(room: RoomApi, sessionId: string): string | undefined {
  return (room.clientById(sessionId)?.userData as ClientPrivate | undefined)?.uid;
}

/**
 * Boards, notes, clusters, private rounds and dot votes. The document is restored from storage when
 * the room starts; each person gets their own view of it on joining, and again whenever their zone
 * or role changes.
 */
export const boardsModule: RoomModule = {
  name: "boards",
  commands: boardsCommands((ctx) => runtimes.get(ctx.room)),
  recordKinds: BOARD_RECORD_KINDS,
  setup(room) {
    runtimes.set(room, new BoardsRuntime(room));
  },
  async restore(room, records) {
    const runtime = runtimes.get(room)!;
    runtime.doc = docFromRecords(records, (message) => console.error(`boards: skipped a stored record: ${message}`));
    if (!records.some((r) => r.kind === boardsSetupRecord.kind)) {
      // A new session: its default boards and the mark that they were made, in one transaction.
      const now = room.services.now();
      const changes: DocChange[] = defaultBoards(now).map((b) => ({ kind: "board", id: b.id, value: b }));
      await room.writeRecords(
        [...recordsFor(changes, now).put, boardsSetupRecord.encode("setup", { at: now }, now)],
        [],
      );
      applyChanges(runtime.doc, changes);
    }
    runtime.projectAll();
    // Votes whose time ran out while the server was down end now; the others get their timers back.
    for (const vote of [...runtime.doc.votes.values()]) await runtime.endOnTime(vote.id);
  },
  onJoin(room, client) {
    const uid = uidOf(room, client.sessionId);
    if (!uid || !client.view) return;
    runtimes.get(room)?.addViewer(client.sessionId, uid, client.view);
  },
  onLeave(room, id) {
    runtimes.get(room)?.removeViewer(id);
  },
  onPersonZoneChanged(room, id) {
    runtimes.get(room)?.reconcileViewer(id);
  },
  onPersonRoleChanged(room, id) {
    runtimes.get(room)?.reconcileViewer(id);
  },
  onDispose(room) {
    runtimes.get(room)?.dispose();
    runtimes.delete(room);
  },
};
