import { describe, expect, it } from "vitest";
import { templatePlan } from "../../shared/methods/templates";
import type { MethodsRun, StepEntry } from "../../shared/methods/run";
import type { Plan } from "../../shared/methods/plan";
import { noteStageActions } from "../../shared/methods/stage-actions";
import {
  checkStageWrite,
  emptyMarks,
  ownableBoards,
  readOnlyBoards,
  stageBoardPlacement,
  stageOwnsGroupBoards,
  stageViewFor,
  taggableBoards,
  toggleOwner,
  toggleTag,
  type StageMarks,
} from "../../shared/methods/stages";

function counter(): () => string {
  let n = 0;
  return () => `t${++n}`;
}

/** A run that has entered steps 0..upTo, step i having put up the boards `put(i)`. */
function runTo(plan: Plan, upTo: number, put: (i: number) => { boardId?: string; boards?: string[] }): MethodsRun {
  const entries: StepEntry[] = [];
  for (let step = 0; step <= upTo; step++) {
    const { boardId = null, boards = [] } = put(step);
    entries.push({
      step,
      startedAt: step * 1000,
      groups: [],
      from: null,
      tableGroups: 0,
      extendedSeconds: 0,
      boards: null,
      capture: boardId || boards.length > 0 ? { boardId, rounds: [], boards } : null,
    });
  }
  return { plan, seed: 1, entries };
}

const marksOf = (r: ReturnType<typeof toggleTag>): StageMarks => {
  if ("error" in r) throw new Error(r.error);
  return r.marks;
};

describe("What / So What / Now What", () => {
  const plan = templatePlan("whatSoWhat", "en", counter());
  // Each stage puts up one board in each of two zones.
  const put = (i: number) => ({ boards: [`s${i}a`, `s${i}b`] });

  it("each stage gets boards of its own in the groups' zones", () => {
    expect([0, 1, 2].map((i) => stageOwnsGroupBoards(plan, i))).toEqual([true, true, true]);
  });

  it("the earlier stages' boards are read-only, the current stage's are not", () => {
    expect([...readOnlyBoards(runTo(plan, 0, put))]).toEqual([]);
    expect([...readOnlyBoards(runTo(plan, 1, put))]).toEqual(["s0a", "s0b"]);
    const third = readOnlyBoards(runTo(plan, 2, put));
    expect([...third].sort()).toEqual(["s0a", "s0b", "s1a", "s1b"]);
    expect(checkStageWrite(third, ["s1a"])).toBe("board_read_only");
    expect(checkStageWrite(third, ["s2a", "wall"])).toBeNull();
  });

  it("Back to an earlier stage makes its boards writable again", () => {
    const back = runTo(plan, 1, put);
    expect(readOnlyBoards(back).has("s1a")).toBe(false);
    expect(readOnlyBoards(back).has("s0a")).toBe(true);
  });

  it("no tags or owners in What / So What / Now What", () => {
    const run = runTo(plan, 2, put);
    expect(taggableBoards(run).size).toBe(0);
    expect(ownableBoards(run).size).toBe(0);
  });

  it("puts the stages side by side in front of the zone board, inside the board limits", () => {
    const zoneBoard = { x: 500, z: 0, yaw: -90, width: 260, height: 160 };
    const spots = [1, 2, 3].map((s) => stageBoardPlacement(zoneBoard, s, 3));
    // Facing -x (yaw -90): left to right as read from the front is -z to +z, 30 cm in front (towards -x).
    expect(spots.map((s) => s.z)).toEqual([-220, 0, 220]);
    expect(spots.every((s) => s.x === 470 && s.yaw === -90 && s.width === 200)).toBe(true);
    // A zone board in a corner: the stage beside it stays inside the walls (16 m from the centre).
    const corner = stageBoardPlacement({ x: 1550, z: 1550, yaw: -90, width: 260, height: 160 }, 3, 3);
    expect(corner.z).toBeLessThanOrEqual(1600 - 100);
    expect(corner.x).toBeLessThanOrEqual(1600 - 100);
  });
});

describe("TRIZ", () => {
  const plan = templatePlan("triz", "en", counter());
  // Each cycle's "all" step (3, 7, 11) puts up a plenary board; the pairs write on the zones' boards.
  const put = (i: number) => (i % 4 === 3 ? { boardId: `all${i}` } : {});

  it("the pairs' boards are the zones' own (they merge), so no stage owns group boards", () => {
    expect(plan.steps.some((_, i) => stageOwnsGroupBoards(plan, i))).toBe(false);
  });

  it("the worst list is read-only in the later stages but taggable during the second", () => {
    for (const step of [4, 5, 6, 7]) {
      const run = runTo(plan, step, put);
      expect(readOnlyBoards(run).has("all3"), `step ${step}`).toBe(true);
      expect([...taggableBoards(run)], `step ${step}`).toEqual(["all3"]);
    }
    // In the worst cycle itself the list is being written: neither read-only nor taggable.
    expect(readOnlyBoards(runTo(plan, 3, put)).size).toBe(0);
    expect(taggableBoards(runTo(plan, 3, put)).size).toBe(0);
    // In the third stage the tagging is over.
    expect(taggableBoards(runTo(plan, 9, put)).size).toBe(0);
  });

  it("tags toggle, only on a taggable board's notes", () => {
    const taggable = new Set(["all3"]);
    const once = marksOf(toggleTag(emptyMarks(), "n1", "all3", taggable));
    expect(once.tags).toEqual(["n1"]);
    expect(marksOf(toggleTag(once, "n1", "all3", taggable)).tags).toEqual([]);
    expect(toggleTag(once, "n2", "zoneBoard", taggable)).toEqual({ error: "not_this_step" });
    expect(toggleTag(once, "gone", null, taggable)).toEqual({ error: "not_found" });
  });

  it("owners only in the last step, on the first steps' board", () => {
    expect(ownableBoards(runTo(plan, 10, put)).size).toBe(0);
    expect([...ownableBoards(runTo(plan, 11, put))]).toEqual(["all11"]);
  });

  it("each person owns one action at a time; someone else's is theirs", () => {
    const ownable = new Set(["all11"]);
    const ann = { uid: "u-ann", name: "Ann" };
    const bo = { uid: "u-bo", name: "Bo" };
    let marks = marksOf(toggleOwner(emptyMarks(), "a1", "all11", ownable, ann));
    expect(marks.owners).toEqual({ a1: ann });
    expect(toggleOwner(marks, "a1", "all11", ownable, bo)).toEqual({ error: "note_owned" });
    // Taking another lets go of the first.
    marks = marksOf(toggleOwner(marks, "a2", "all11", ownable, ann));
    expect(marks.owners).toEqual({ a2: ann });
    marks = marksOf(toggleOwner(marks, "a1", "all11", ownable, bo));
    expect(marks.owners).toEqual({ a2: ann, a1: bo });
    // Taking it again lets go.
    expect(marksOf(toggleOwner(marks, "a2", "all11", ownable, ann)).owners).toEqual({ a1: bo });
    expect(toggleOwner(marks, "a3", "all3", ownable, ann)).toEqual({ error: "not_this_step" });
  });

  it("the view names owners, never their uids, and tells each person their own", () => {
    const marks: StageMarks = { tags: ["n1"], owners: { a1: { uid: "u-ann", name: "Ann" } } };
    const view = stageViewFor(runTo(plan, 11, put), marks, "u-ann")!;
    expect(view).toMatchObject({ tags: ["n1"], owners: { a1: "Ann" }, mine: "a1", ownable: ["all11"] });
    expect(JSON.stringify(view)).not.toContain("u-ann");
    expect(stageViewFor(runTo(plan, 11, put), marks, "u-bo")!.mine).toBeNull();
    expect(stageViewFor({ plan, seed: 1, entries: [] }, emptyMarks(), "u")).toBeNull();
  });
});

describe("the note actions a view offers", () => {
  const view = {
    readOnly: ["worst"],
    current: ["already"],
    taggable: ["worst"],
    ownable: ["steps"],
    tags: ["n1"],
    owners: { n2: "Ben", n3: "Anna" },
    mine: "n3",
  };

  it("offers the tag on the taggable board only, to participants and facilitators", () => {
    expect(noteStageActions(view, "worst", "n1", "participant")).toMatchObject({ tagged: true, canTag: true });
    expect(noteStageActions(view, "worst", "n1", "facilitator").canTag).toBe(true);
    expect(noteStageActions(view, "worst", "n1", "observer")).toMatchObject({ tagged: true, canTag: false });
    expect(noteStageActions(view, "already", "n9", "participant").canTag).toBe(false);
  });

  it("offers taking on a free action or letting go of one's own, never someone else's", () => {
    expect(noteStageActions(view, "steps", "n9", "participant")).toMatchObject({ canOwn: true, mine: false });
    expect(noteStageActions(view, "steps", "n3", "participant")).toMatchObject({ canOwn: true, mine: true });
    expect(noteStageActions(view, "steps", "n2", "participant")).toMatchObject({ canOwn: false, owner: "Ben" });
    expect(noteStageActions(view, "worst", "n9", "participant").canOwn).toBe(false);
  });

  it("offers nothing outside a stage", () => {
    expect(noteStageActions(null, "worst", "n1", "participant")).toEqual({
      tagged: false,
      owner: undefined,
      mine: false,
      canTag: false,
      canOwn: false,
    });
  });
});
