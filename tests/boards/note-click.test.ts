import { describe, expect, it } from "vitest";
import { boardClick, noteClick, type NoteClickInput } from "../../client/boards/note-click";
import { privacyNotice } from "../../client/boards/note-dialog";
import { boardViewpoint, preferredDistance, turnBetween, yawToward } from "../../shared/boards/viewpoint";
import { wallBoardPlacement, zoneBoardPlacement } from "../../shared/boards/geometry";
import { isWalkable } from "../../shared/space/layout";
import { dotRefusal, dotsLeft } from "../../shared/boards/votes";

const vote = { perPerson: 3, maxPerNote: 1, noteIds: ["a", "b", "c", "d"] };
const click = (over: Partial<NoteClickInput>) =>
  noteClick({ vote, canVote: true, noteId: "a", mine: 0, used: 0, mayEdit: false, ...over });

describe("a click on a note", () => {
  it("outside a vote edits one's own note and does nothing to others'", () => {
    expect(click({ vote: undefined, mayEdit: true })).toEqual({ kind: "edit" });
    expect(click({ vote: undefined, mayEdit: false })).toEqual({ kind: "none" });
  });

  it("during a vote places a dot instead of opening the editor, also on one's own note", () => {
    expect(click({ mayEdit: true })).toEqual({ kind: "dot" });
    expect(click({ mayEdit: false, used: 2 })).toEqual({ kind: "dot" });
  });

  it("a second click on a note that holds our dot takes it back", () => {
    expect(click({ mine: 1, used: 1 })).toEqual({ kind: "undot", count: 1 });
  });

  it("with several dots allowed per note, clicks add up to the limit and the next one takes them all back", () => {
    const several = { ...vote, perPerson: 5, maxPerNote: 3 };
    const seen: string[] = [];
    let mine = 0;
    for (let i = 0; i < 5; i++) {
      const action = click({ vote: several, mine, used: mine });
      seen.push(action.kind === "undot" ? `undot${action.count}` : action.kind);
      mine = action.kind === "dot" ? mine + 1 : action.kind === "undot" ? mine - action.count : mine;
    }
    expect(seen).toEqual(["dot", "dot", "dot", "undot3", "dot"]);
  });

  it("with no dots left, a note with our dots gives them back and one without asks the server (which says why)", () => {
    const several = { ...vote, perPerson: 3, maxPerNote: 3 };
    expect(click({ vote: several, mine: 2, used: 3 })).toEqual({ kind: "undot", count: 2 });
    expect(click({ vote: several, mine: 0, used: 3 })).toEqual({ kind: "dot" });
  });

  it("a note written after the vote began is not on the ballot", () => {
    expect(click({ noteId: "late", mayEdit: true })).toEqual({ kind: "notInVote" });
  });

  it("an observer never votes: during a vote a click does what it does outside one", () => {
    expect(click({ canVote: false })).toEqual({ kind: "none" });
    expect(click({ canVote: false, mayEdit: true })).toEqual({ kind: "edit" });
  });
});

describe("a click on empty board space", () => {
  it("writes a note outside a vote, and explains voting instead during one", () => {
    expect(boardClick({ voting: false, mayWrite: true })).toEqual({ kind: "newNote" });
    expect(boardClick({ voting: false, mayWrite: false })).toEqual({ kind: "none" });
    expect(boardClick({ voting: true, mayWrite: true })).toEqual({ kind: "voteHint" });
  });
});

describe("where to stand to see a board", () => {
  it("in front of the note wall, facing it, on the floor", () => {
    const wall = wallBoardPlacement();
    const spot = boardViewpoint(wall, isWalkable)!;
    expect(spot).not.toBeNull();
    expect(spot.x).toBeCloseTo(wall.x / 100, 5);
    // The wall faces into the room (-z): the spot is that far in front of it.
    expect(wall.z / 100 - spot.z).toBeCloseTo(preferredDistance(wall.width), 5);
    expect(isWalkable(spot.x, spot.z)).toBe(true);
    // Looking from there at the board's centre is looking towards +z (yaw π).
    expect(Math.abs(turnBetween(yawToward(spot, { x: wall.x / 100, z: wall.z / 100 }), Math.PI))).toBeLessThan(1e-9);
  });

  it("in front of a zone board, closer when the floor ends, and nowhere when nothing in front is walkable", () => {
    const board = zoneBoardPlacement({ x: -10.5, z: -6.5, radius: 3.8 });
    const spot = boardViewpoint(board, isWalkable)!;
    const distance = Math.hypot(spot.x - board.x / 100, spot.z - board.z / 100);
    expect(distance).toBeCloseTo(preferredDistance(board.width), 5);
    const near = boardViewpoint(board, (x, z) => Math.hypot(x - board.x / 100, z - board.z / 100) < 1.5)!;
    expect(Math.hypot(near.x - board.x / 100, near.z - board.z / 100)).toBeLessThan(1.5);
    expect(boardViewpoint(board, () => false)).toBeNull();
  });

  it("turns the short way round", () => {
    expect(turnBetween(0.1, -0.1)).toBeCloseTo(-0.2, 9);
    expect(turnBetween(3, -3)).toBeCloseTo(2 * Math.PI - 6, 9);
    expect(yawToward({ x: 0, z: 0 }, { x: 0, z: -1 })).toBeCloseTo(0, 9);
    expect(yawToward({ x: 0, z: 0 }, { x: 1, z: 0 })).toBeCloseTo(-Math.PI / 2, 9);
  });
});

describe("what the note dialog says about privacy", () => {
  it("names a private round, an anonymous one, and a note still private or written anonymously", () => {
    expect(privacyNotice({ round: "" })).toBeNull();
    expect(privacyNotice({ round: "open" })).toBe("boards.dialog.private");
    expect(privacyNotice({ round: "anonymous" })).toBe("boards.dialog.privateAnonymous");
    expect(privacyNotice({ note: { hidden: true, anonymous: false } })).toBe("boards.dialog.private");
    expect(privacyNotice({ note: { hidden: true, anonymous: true } })).toBe("boards.dialog.privateAnonymous");
    expect(privacyNotice({ note: { hidden: false, anonymous: true } })).toBe("boards.dialog.anonymous");
    expect(privacyNotice({ note: { hidden: false, anonymous: false } })).toBeNull();
    expect(privacyNotice({ note: undefined })).toBeNull();
  });
});

describe("the dot budget the 2D list, the 3D click and the server share", () => {
  const limits = { perPerson: 3, maxPerNote: 2 };
  it("allows a dot until the vote's budget or the note's limit is reached, the budget named first", () => {
    expect(dotRefusal(limits, 0, 0)).toBeNull();
    expect(dotRefusal(limits, 2, 1)).toBeNull();
    expect(dotRefusal(limits, 2, 2)).toBe("vote_note_max");
    expect(dotRefusal(limits, 3, 0)).toBe("vote_budget");
    expect(dotRefusal(limits, 3, 2)).toBe("vote_budget");
  });

  it("counts the dots left, never below none", () => {
    expect(dotsLeft(limits, 1)).toBe(2);
    expect(dotsLeft(limits, 3)).toBe(0);
    expect(dotsLeft(limits, 5)).toBe(0);
  });
});
