import { wallBoardPlacement } from "../../shared/boards/geometry";
import { applyChanges, emptyDoc, newBoardDoc, type BoardDoc, type DocChange } from "../../shared/boards/model";
import { newZoneBoard, zoneBoardChanges } from "../../shared/boards/zone-boards";
import type { ZoneState } from "../../shared/zones/state";
import type { RoomApi } from "../commands/registry";
import type { RoomModule } from "../session/module";
import type { ClientPrivate } from "../commands/dispatch";
import { boardsCommands } from "./commands";
import { BOARD_RECORD_KINDS, boardsSetupRecord, docFromRecords, recordsFor } from "./records";
import { BoardsRuntime, newDocId } from "./runtime";

/** Each room's boards; keyed by the room itself, so nothing is shared between sessions. */
const runtimes = new WeakMap<RoomApi, BoardsRuntime>();

/** A room's boards, for capabilities that change them on the server's own initiative. */
export function boardsRuntimeOf(room: RoomApi): BoardsRuntime | undefined {
  return runtimes.get(room);
}

/** The boards a new session starts with: the note wall, and one in each of its zones. */
function defaultBoards(now: number, zones: Iterable<ZoneState>): BoardDoc[] {
  const doc = emptyDoc();
  const wall = newBoardDoc(
    doc,
    { id: newDocId(), title: "", preset: "wall", zoneId: "", ...wallBoardPlacement() },
    now,
  );
  doc.boards.set(wall.id, wall);
  for (const zone of zones) {
    const board = newZoneBoard(doc, zone.id, zone, newDocId(), now);
    doc.boards.set(board.id, board);
  }
  return [...doc.boards.values()];
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
      const changes: DocChange[] = defaultBoards(now, room.state.zones.values()).map((b) => ({
        kind: "board",
        id: b.id,
        value: b,
      }));
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
  async onZoneLayoutChanged(room, id, before, after) {
    const runtime = runtimes.get(room);
    if (!runtime) return;
    const changes = zoneBoardChanges(runtime.doc, id, before, after, room.services.now(), newDocId);
    const outcome = await runtime.commit(changes);
    if (outcome) console.error(`boards: zone ${id} boards not updated: ${outcome.error}`);
  },
  onDispose(room) {
    runtimes.get(room)?.dispose();
    runtimes.delete(room);
  },
};
