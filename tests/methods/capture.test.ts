import { describe, expect, it } from "vitest";
import { wallBoardPlacement, zoneBoardPlacement } from "../../shared/boards/geometry";
import { applyChanges, emptyDoc, newBoardDoc, type BoardsDoc, type NoteDoc } from "../../shared/boards/model";
import { CAPTURE_PLACEMENTS, openCapture, revealCapture, undoCapture } from "../../shared/methods/capture";
import type { Capture } from "../../shared/methods/plan";
import { LAB } from "../../shared/space/layout";

/** A room as a session starts it: the note wall and one board per zone. */
function roomDoc(): BoardsDoc {
  const doc = emptyDoc();
  const wall = newBoardDoc(doc, { id: "wall", title: "", preset: "wall", zoneId: "", ...wallBoardPlacement() }, 0);
  doc.boards.set(wall.id, wall);
  for (const area of LAB.breakoutAreas) {
    const board = newBoardDoc(
      doc,
      { id: `b-${area.id}`, title: "", preset: "zone", zoneId: area.id, ...zoneBoardPlacement(area) },
      0,
    );
    doc.boards.set(board.id, board);
  }
  return doc;
}

function note(id: string, boardId: string, createdAt: number, hidden = false): NoteDoc {
  return {
    id,
    boardId,
    text: id,
    color: 0,
    x: 30,
    y: 30,
    clusterId: "",
    authorUid: "u1",
    authorName: "Anna",
    hidden,
    anonymous: false,
    createdAt,
    updatedAt: createdAt,
  };
}

const ids = () => {
  let n = 0;
  return () => `new${++n}`;
};
const capture = (board: Capture["board"], writing: Capture["writing"] = "open", names: Capture["names"] = "named") =>
  ({ board, writing, names }) satisfies Capture;
const here = { groups: ["b-nw", "b-ne"], wall: "wall", earlier: null };

describe("a step's capture board", () => {
  it("puts up a titled board in the plenary, facing the circle and clear of the other boards", () => {
    const doc = roomDoc();
    const opened = openCapture(doc, capture({ kind: "new", title: "All", where: "plenary" }), here, 5, ids())!;
    expect(opened.boardIds).toEqual(["new1"]);
    expect(opened.record).toEqual({ boardId: "new1", rounds: [] });
    applyChanges(doc, opened.changes);
    const board = doc.boards.get("new1")!;
    expect(board).toMatchObject({ title: "All", zoneId: "", preset: "custom", round: null, ...CAPTURE_PLACEMENTS[0] });
    // It faces the plenary's centre: its front (yaw 0 faces +z) points at the circle.
    const toCentre = Math.atan2(LAB.plenary.x * 100 - board.x, LAB.plenary.z * 100 - board.z);
    expect(Math.abs(toCentre - (board.yaw * Math.PI) / 180)).toBeLessThan(0.3);
    // A second one takes the next spot; with every spot taken, the note wall takes the writing.
    const second = openCapture(doc, capture({ kind: "new", title: "More", where: "plenary" }), here, 6, () => "n2")!;
    applyChanges(doc, second.changes);
    expect(doc.boards.get(second.record.boardId!)).toMatchObject(CAPTURE_PLACEMENTS[1]!);
    const third = openCapture(doc, capture({ kind: "new", title: "Third", where: "plenary" }), here, 7, () => "n3")!;
    applyChanges(doc, third.changes);
    const full = openCapture(doc, capture({ kind: "new", title: "Full", where: "plenary" }), here, 8, () => "n4")!;
    expect(full.boardIds).toEqual(["wall"]);
    expect(full.changes).toEqual([]);
  });

  it("writes on each group's board, on the note wall when everyone is together, or on the board an earlier step put up", () => {
    const doc = roomDoc();
    const group = capture({ kind: "new", title: "Pairs", where: "group" });
    expect(openCapture(doc, group, here, 5, ids())!.boardIds).toEqual(["b-nw", "b-ne"]);
    expect(openCapture(doc, group, { ...here, groups: [] }, 5, ids())!.boardIds).toEqual(["wall"]);
    const kept = capture({ kind: "step", stepId: "write" });
    expect(openCapture(doc, kept, { ...here, earlier: "b-se" }, 5, ids())!.boardIds).toEqual(["b-se"]);
    expect(openCapture(doc, kept, { ...here, earlier: "gone" }, 5, ids())!.boardIds).toEqual(["b-nw", "b-ne"]);
    expect(openCapture(doc, capture({ kind: "board", boardId: "b-sw" }), here, 5, ids())!.boardIds).toEqual(["b-sw"]);
    expect(openCapture(doc, null, here, 5, ids())).toBeNull();
  });

  it("starts a private round (anonymous as planned) on its boards, reveals it at the next step, and leaves a facilitator's own round alone", () => {
    const doc = roomDoc();
    doc.boards.set("b-ne", { ...doc.boards.get("b-ne")!, round: { anonymous: false, startedAt: 1 } });
    const opened = openCapture(
      doc,
      capture({ kind: "new", title: "Pairs", where: "group" }, "private", "anonymous"),
      here,
      5,
      ids(),
    )!;
    expect(opened.record).toEqual({ boardId: null, rounds: ["b-nw"] });
    applyChanges(doc, opened.changes);
    expect(doc.boards.get("b-nw")!.round).toEqual({ anonymous: true, startedAt: 5 });
    doc.notes.set("a", note("a", "b-nw", 6, true));
    doc.notes.set("b", note("b", "b-ne", 6, true));
    applyChanges(doc, revealCapture(doc, opened.record, 9));
    expect(doc.boards.get("b-nw")).toMatchObject({
      round: null,
      rounds: [{ anonymous: true, startedAt: 5, revealedAt: 9 }],
    });
    expect(doc.notes.get("a")!.hidden).toBe(false);
    // The facilitator's own round on the other board is theirs to reveal.
    expect(doc.boards.get("b-ne")!.round).not.toBeNull();
    expect(doc.notes.get("b")!.hidden).toBe(true);
  });

  it("Back takes down a board nobody wrote on and calls off a round nobody wrote in; anything written stays", () => {
    const doc = roomDoc();
    const plenary = openCapture(
      doc,
      capture({ kind: "new", title: "All", where: "plenary" }, "private"),
      here,
      5,
      ids(),
    )!;
    applyChanges(doc, plenary.changes);
    applyChanges(doc, undoCapture(doc, plenary.record));
    expect(doc.boards.has("new1")).toBe(false);

    const written = openCapture(
      doc,
      capture({ kind: "new", title: "All", where: "plenary" }, "private"),
      here,
      5,
      ids(),
    )!;
    applyChanges(doc, written.changes);
    doc.notes.set("kept", note("kept", "new1", 6, true));
    applyChanges(doc, undoCapture(doc, written.record));
    expect(doc.boards.get("new1")!.round).not.toBeNull();
    expect(doc.notes.get("kept")!.hidden).toBe(true);

    const groups = openCapture(doc, capture({ kind: "new", title: "P", where: "group" }, "private"), here, 10, ids())!;
    applyChanges(doc, groups.changes);
    doc.notes.set("nw-note", note("nw-note", "b-nw", 11, true));
    applyChanges(doc, undoCapture(doc, groups.record));
    expect(doc.boards.get("b-nw")!.round).not.toBeNull();
    expect(doc.boards.get("b-ne")!.round).toBeNull();
  });
});
