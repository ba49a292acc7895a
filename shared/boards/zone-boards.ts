import { LAB } from "../space/layout";
import { zoneBoardPlacement } from "./geometry";
import { BOARDS_MAX, newBoardDoc, type BoardDoc, type BoardsDoc, type DocChange } from "./model";

/** A zone's place and size on the floor, in metres. */
export interface ZoneCircle {
  x: number;
  z: number;
  radius: number;
}

function hasWork(doc: BoardsDoc, boardId: string): boolean {
  for (const note of doc.notes.values()) if (note.boardId === boardId) return true;
  for (const cluster of doc.clusters.values()) if (cluster.boardId === boardId) return true;
  for (const vote of doc.votes.values()) if (vote.boardId === boardId) return true;
  return false;
}

/** Centimetres kept inside the lab's walls. */
function insideWalls(x: number, z: number): { x: number; z: number } {
  const { walls } = LAB;
  return {
    x: Math.round(Math.max(walls.minX * 100, Math.min(walls.maxX * 100, x))),
    z: Math.round(Math.max(walls.minZ * 100, Math.min(walls.maxZ * 100, z))),
  };
}

/** A new zone's own board, listed after every other board. */
export function newZoneBoard(doc: BoardsDoc, zoneId: string, zone: ZoneCircle, id: string, now: number): BoardDoc {
  return newBoardDoc(doc, { id, title: "", preset: "zone", zoneId, ...zoneBoardPlacement(zone) }, now);
}

/**
 * What the boards do when a facilitator adds (`before` null), moves or resizes, or removes (`after`
 * null) a zone. A new zone gets a board of its own. Boards of a moved zone travel with it: one still
 * where the zone put it goes to the zone's new edge, one a facilitator placed moves by the same
 * distance. When a zone is removed its empty boards go with it, but a board with work on it stays
 * where it is, still private to that zone (so only facilitators see it): nothing the group wrote is
 * lost, nor shown to people it was not meant for.
 */
export function zoneBoardChanges(
  doc: BoardsDoc,
  zoneId: string,
  before: ZoneCircle | null,
  after: ZoneCircle | null,
  now: number,
  newId: () => string,
): DocChange[] {
  const boards = [...doc.boards.values()].filter((b) => b.zoneId === zoneId);
  if (!before && after) {
    if (boards.some((b) => b.preset === "zone") || doc.boards.size >= BOARDS_MAX) return [];
    const board = newZoneBoard(doc, zoneId, after, newId(), now);
    return [{ kind: "board", id: board.id, value: board }];
  }
  if (before && !after) {
    return boards.filter((b) => !hasWork(doc, b.id)).map((b) => ({ kind: "board", id: b.id, value: null }));
  }
  if (!before || !after) return [];
  const was = zoneBoardPlacement(before);
  const next = zoneBoardPlacement(after);
  return boards.map((board): DocChange => {
    const untouched = board.x === was.x && board.z === was.z && board.yaw === was.yaw;
    const spot = untouched
      ? { x: next.x, z: next.z, yaw: next.yaw }
      : { ...insideWalls(board.x + (after.x - before.x) * 100, board.z + (after.z - before.z) * 100), yaw: board.yaw };
    return { kind: "board", id: board.id, value: { ...board, ...spot } };
  });
}
