import type { Actor, BoardsDoc, DocChange } from "../../shared/boards/model";
import type { ErrorCode } from "../../shared/protocol";
import type { RoomApi } from "../commands/registry";

/**
 * A check another capability puts on people's board writes (a method's earlier stage read-only,
 * say): given the changes a command would make, a reason to refuse them, or nothing. Only commands
 * are checked; the server's own changes (a step's boards) are not.
 */
export type BoardWriteGuard = (doc: BoardsDoc, actor: Actor, changes: readonly DocChange[]) => ErrorCode | null;

const guards = new WeakMap<RoomApi, BoardWriteGuard[]>();

export function addBoardWriteGuard(room: RoomApi, guard: BoardWriteGuard): void {
  guards.set(room, [...(guards.get(room) ?? []), guard]);
}

/** The first refusal of the room's guards, if any. */
export function checkBoardWrite(
  room: RoomApi,
  doc: BoardsDoc,
  actor: Actor,
  changes: readonly DocChange[],
): ErrorCode | null {
  for (const guard of guards.get(room) ?? []) {
    const refusal = guard(doc, actor, changes);
    if (refusal) return refusal;
  }
  return null;
}

/** The boards whose notes or clusters the changes touch (where they were and where they go). */
export function boardsWrittenOn(doc: BoardsDoc, changes: readonly DocChange[]): Set<string> {
  const out = new Set<string>();
  for (const change of changes) {
    if (change.kind !== "note" && change.kind !== "cluster") continue;
    const before = change.kind === "note" ? doc.notes.get(change.id) : doc.clusters.get(change.id);
    if (before) out.add(before.boardId);
    if (change.value) out.add(change.value.boardId);
  }
  return out;
}
