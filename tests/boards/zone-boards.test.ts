import { describe, expect, it } from "vitest";
import { zoneBoardPlacement } from "../../shared/boards/geometry";
import { applyChanges, emptyDoc, type BoardsDoc, type NoteDoc } from "../../shared/boards/model";
import { newZoneBoard, zoneBoardChanges } from "../../shared/boards/zone-boards";

const NOW = 1_000_000;
let ids = 0;
const newId = () => `b${++ids}`;

function docWithZoneBoard(zoneId: string, zone = { x: -10.5, z: -6.5, radius: 3.8 }): BoardsDoc {
  const doc = emptyDoc();
  const board = newZoneBoard(doc, zoneId, zone, "board-" + zoneId, NOW);
  doc.boards.set(board.id, board);
  return doc;
}

function note(boardId: string): NoteDoc {
  return {
    id: "n1",
    boardId,
    text: "keep me",
    color: 0,
    x: 50,
    y: 50,
    clusterId: "",
    authorUid: "u1",
    authorName: "Anna",
    hidden: false,
    anonymous: false,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

describe("zone boards follow their zone", () => {
  it("gives a new zone a board of its own at its edge, listed last, and only one", () => {
    const doc = docWithZoneBoard("nw");
    const zone = { x: 8, z: 2, radius: 3 };
    const changes = zoneBoardChanges(doc, "zq", null, zone, NOW, newId);
    expect(changes).toHaveLength(1);
    const board = changes[0]!.value as { zoneId: string; preset: string; x: number; z: number; order: number };
    expect(board).toMatchObject({ zoneId: "zq", preset: "zone", ...zoneBoardPlacement(zone), order: 1 });
    applyChanges(doc, changes);
    expect(zoneBoardChanges(doc, "zq", null, zone, NOW, newId)).toEqual([]);
  });

  it("moves a board the zone placed to the zone's new edge, and one a facilitator placed by the same distance", () => {
    const before = { x: -10.5, z: -6.5, radius: 3.8 };
    const after = { x: 9, z: -5, radius: 3 };
    const doc = docWithZoneBoard("nw", before);
    const placed = {
      ...doc.boards.get("board-nw")!,
      id: "custom",
      preset: "custom" as const,
      x: -1200,
      z: -500,
      yaw: 30,
    };
    doc.boards.set(placed.id, placed);
    applyChanges(doc, zoneBoardChanges(doc, "nw", before, after, NOW, newId));
    const own = doc.boards.get("board-nw")!;
    const target = zoneBoardPlacement(after);
    expect({ x: own.x, z: own.z, yaw: own.yaw }).toEqual({ x: target.x, z: target.z, yaw: target.yaw });
    expect(doc.boards.get("custom")).toMatchObject({ x: -1200 + 1950, z: -500 + 150, yaw: 30 });
  });

  it("keeps a moved board inside the walls", () => {
    const before = { x: 0, z: 0, radius: 3 };
    const after = { x: 12, z: 0, radius: 3 };
    const doc = docWithZoneBoard("z1", before);
    doc.boards.set("edge", { ...doc.boards.get("board-z1")!, id: "edge", preset: "custom" as const, x: 1500, z: 0 });
    applyChanges(doc, zoneBoardChanges(doc, "z1", before, after, NOW, newId));
    expect(doc.boards.get("edge")!.x).toBe(1600);
  });

  it("takes an empty board away with its zone but keeps one with work on it, still private to that zone", () => {
    const zone = { x: 8, z: 2, radius: 3 };
    const doc = docWithZoneBoard("empty", zone);
    const kept = newZoneBoard(doc, "busy", zone, "board-busy", NOW);
    doc.boards.set(kept.id, kept);
    doc.notes.set("n1", note("board-busy"));
    applyChanges(doc, zoneBoardChanges(doc, "empty", zone, null, NOW, newId));
    applyChanges(doc, zoneBoardChanges(doc, "busy", zone, null, NOW, newId));
    expect([...doc.boards.keys()]).toEqual(["board-busy"]);
    expect(doc.boards.get("board-busy")!.zoneId).toBe("busy");
  });
});
