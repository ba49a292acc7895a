import { describe, expect, it } from "vitest";
import {
  applyChanges,
  emptyDoc,
  NOTES_PER_PERSON_PER_BOARD_MAX,
  NOTE_SIZE_CM,
  type Actor,
  type BoardDoc,
  type BoardsDoc,
  type DocChange,
} from "../../shared/boards/model";
import * as rules from "../../shared/boards/rules";
import type { RuleContext, RuleResult } from "../../shared/boards/rules";
import { castDot, dotsUsed, endVote, holdVote, reopenHeldVote, startVote, tally } from "../../shared/boards/votes";
import { heldVoteSchema } from "../../shared/methods/kanban";
import { hiddenNoteCount, seesBoardContents, visibleNotes } from "../../shared/boards/visibility";
import { clusterAt, moveCluster } from "../../shared/boards/geometry";

const host: Actor = { uid: "u-host", name: "Host", role: "facilitator", zone: "" };
const anna: Actor = { uid: "u-anna", name: "Anna", role: "participant", zone: "" };
const ben: Actor = { uid: "u-ben", name: "Ben", role: "participant", zone: "" };
const olga: Actor = { uid: "u-olga", name: "Olga", role: "observer", zone: "" };

function wall(partial: Partial<BoardDoc> = {}): BoardDoc {
  return {
    id: "wall",
    title: "",
    preset: "wall",
    zoneId: "",
    x: 0,
    z: 1500,
    yaw: 180,
    width: 600,
    height: 200,
    locked: false,
    clustering: false,
    round: null,
    rounds: [],
    order: 0,
    createdAt: 0,
    ...partial,
  };
}

/** A tiny world to run rules in: a fixed clock and predictable ids. */
class World {
  doc: BoardsDoc = emptyDoc();
  now = 1000;
  private next = 0;
  constructor(...boards: BoardDoc[]) {
    for (const board of boards) this.doc.boards.set(board.id, board);
  }
  ctx(actor: Actor): RuleContext {
    return { doc: this.doc, actor, now: this.now, newId: () => `id${++this.next}` };
  }
  /** Runs a rule and applies its changes; throws on a refusal. */
  run(result: RuleResult): DocChange[] {
    if ("error" in result) throw new Error(`refused: ${result.error} ${result.detail ?? ""}`);
    applyChanges(this.doc, result.changes);
    this.now += 10;
    return result.changes;
  }
  note(actor: Actor, text: string, at?: { x: number; y: number }, boardId = "wall"): string {
    const changes = this.run(rules.addNote(this.ctx(actor), { boardId, text, color: 0, ...at }));
    return changes[0]!.id;
  }
}

const refused = (result: RuleResult) => ("error" in result ? result.error : "accepted");

describe("private writing rounds", () => {
  it("hide each note from everyone but its author until the reveal, facilitators included", () => {
    const w = new World(wall());
    w.run(rules.privateRound(w.ctx(host), { action: "start", boardId: "wall", anonymous: false }));
    const a = w.note(anna, "mine");
    w.note(ben, "his");
    expect(visibleNotes(w.doc, anna).map((n) => n.text)).toEqual(["mine"]);
    expect(visibleNotes(w.doc, ben).map((n) => n.text)).toEqual(["his"]);
    expect(visibleNotes(w.doc, host)).toEqual([]);
    expect(hiddenNoteCount(w.doc, "wall")).toBe(2);
    // A hidden note cannot be reached by anyone else, not even to move or delete it.
    expect(refused(rules.moveNote(w.ctx(ben), { noteId: a, x: 10, y: 10 }))).toBe("not_found");
    expect(refused(rules.removeNote(w.ctx(host), { noteId: a }))).toBe("not_found");

    w.run(rules.privateRound(w.ctx(host), { action: "reveal", boardId: "wall" }));
    expect(visibleNotes(w.doc, ben).map((n) => n.text)).toEqual(["mine", "his"]);
    expect(w.doc.boards.get("wall")!.rounds).toHaveLength(1);
    expect(w.doc.boards.get("wall")!.round).toBeNull();
  });

  it("keeps notes anonymous after the reveal when the round was anonymous", () => {
    const w = new World(wall());
    w.run(rules.privateRound(w.ctx(host), { action: "start", boardId: "wall", anonymous: true }));
    const id = w.note(anna, "secret");
    w.run(rules.privateRound(w.ctx(host), { action: "reveal", boardId: "wall" }));
    expect(w.doc.notes.get(id)).toMatchObject({ anonymous: true, hidden: false });
    // The author can still edit it; nobody else but a facilitator can.
    w.run(rules.editNote(w.ctx(anna), { noteId: id, text: "secret, edited" }));
    expect(refused(rules.editNote(w.ctx(ben), { noteId: id, text: "x" }))).toBe("forbidden");
  });

  it("cannot start twice, nor during a vote, nor by a participant", () => {
    const w = new World(wall());
    expect(refused(rules.privateRound(w.ctx(anna), { action: "start", boardId: "wall", anonymous: false }))).toBe(
      "forbidden",
    );
    w.run(rules.privateRound(w.ctx(host), { action: "start", boardId: "wall", anonymous: false }));
    expect(refused(rules.privateRound(w.ctx(host), { action: "start", boardId: "wall", anonymous: true }))).toBe(
      "round_active",
    );
    expect(
      refused(
        startVote(w.ctx(host), {
          boardId: "wall",
          perPerson: 3,
          maxPerNote: 1,
          anonymous: true,
          durationSeconds: 0,
        }),
      ),
    ).toBe("round_active");
  });
});

describe("zone boards", () => {
  it("show their notes only to the zone's members and facilitators", () => {
    const w = new World(wall({ id: "nw-board", zoneId: "nw", preset: "zone" }));
    const inside = { ...anna, zone: "nw" };
    w.note(inside, "group idea", undefined, "nw-board");
    expect(visibleNotes(w.doc, inside)).toHaveLength(1);
    expect(visibleNotes(w.doc, host)).toHaveLength(1);
    expect(visibleNotes(w.doc, ben)).toHaveLength(0);
    expect(seesBoardContents(w.doc.boards.get("nw-board")!, { ...ben, zone: "se" })).toBe(false);
    expect(refused(rules.addNote(w.ctx(ben), { boardId: "nw-board", text: "x", color: 0 }))).toBe("not_found");
  });
});

describe("limits and permissions", () => {
  it("refuses observers, and more notes than a person may write on a board", () => {
    const w = new World(wall());
    expect(refused(rules.addNote(w.ctx(olga), { boardId: "wall", text: "x", color: 0 }))).toBe("forbidden");
    for (let i = 0; i < NOTES_PER_PERSON_PER_BOARD_MAX; i++) w.note(anna, `n${i}`);
    expect(rules.addNote(w.ctx(anna), { boardId: "wall", text: "one more", color: 0 })).toMatchObject({
      error: "note_limit",
      detail: "person",
    });
    w.note(ben, "ben is fine");
  });

  it("lets only authors and facilitators delete, and a locked board keeps others' notes in place", () => {
    const w = new World(wall());
    const a = w.note(anna, "anna's", { x: 50, y: 50 });
    const b = w.note(ben, "ben's", { x: 150, y: 50 });
    expect(refused(rules.removeNote(w.ctx(ben), { noteId: a }))).toBe("forbidden");
    // Unlocked: anyone may move any note.
    w.run(rules.moveNote(w.ctx(ben), { noteId: a, x: 60, y: 60 }));
    w.run(rules.updateBoard(w.ctx(host), { boardId: "wall", locked: true }));
    expect(refused(rules.moveNote(w.ctx(ben), { noteId: a, x: 70, y: 70 }))).toBe("board_locked");
    w.run(rules.moveNote(w.ctx(ben), { noteId: b, x: 160, y: 60 }));
    w.run(rules.moveNote(w.ctx(host), { noteId: a, x: 80, y: 80 }));
    // Writing stays open on a locked board.
    w.note(ben, "still welcome");
    w.run(rules.removeNote(w.ctx(ben), { noteId: b }));
    w.run(rules.removeNote(w.ctx(host), { noteId: a }));
    expect(w.doc.notes.size).toBe(1);
  });

  it("keeps notes on the board, and boards inside the lab", () => {
    const w = new World(wall());
    const id = w.note(anna, "edge", { x: -500, y: 9999 });
    expect(w.doc.notes.get(id)).toMatchObject({ x: NOTE_SIZE_CM / 2, y: 200 - NOTE_SIZE_CM / 2 });
    expect(
      refused(
        rules.createBoard(w.ctx(host), { title: "", zoneId: "", x: 5000, z: 0, yaw: 0, width: 300, height: 160 }),
      ),
    ).toBe("invalid_payload");
  });
});

describe("placing new notes", () => {
  const overlap = (a: { x: number; y: number }, b: { x: number; y: number }) =>
    Math.abs(a.x - b.x) < NOTE_SIZE_CM && Math.abs(a.y - b.y) < NOTE_SIZE_CM;

  it("never puts two notes written at the same spot on top of each other", () => {
    const w = new World(wall());
    const a = w.doc.notes.get(w.note(anna, "first", { x: 300, y: 100 }))!;
    const b = w.doc.notes.get(w.note(ben, "second", { x: 300, y: 100 }))!;
    const c = w.doc.notes.get(w.note(ben, "third", { x: 305, y: 95 }))!;
    expect(a).toMatchObject({ x: 300, y: 100 });
    expect(overlap(a, b) || overlap(a, c) || overlap(b, c)).toBe(false);
  });

  it("lines notes written in a list up in reading order, clear of clicked notes", () => {
    const w = new World(wall());
    const clicked = w.doc.notes.get(w.note(anna, "clicked", { x: 40, y: 40 }))!;
    const listed = ["one", "two", "three"].map((text) => w.doc.notes.get(w.note(ben, text))!);
    expect(listed.every((n) => !overlap(n, clicked))).toBe(true);
    expect(listed[0]!.y).toBe(listed[2]!.y);
    expect(listed[0]!.x).toBeLessThan(listed[1]!.x);
    expect(listed[1]!.x).toBeLessThan(listed[2]!.x);
  });

  it("keeps a note written into a cluster in it even when nudged past the frame", () => {
    const w = new World(wall({ clustering: true }));
    const n1 = w.note(anna, "a", { x: 100, y: 100 });
    const [created] = w.run(rules.addCluster(w.ctx(host), { boardId: "wall", title: "", noteIds: [n1] }));
    const inside = w.doc.notes.get(w.note(ben, "b", { x: 100, y: 100 }))!;
    expect(inside.clusterId).toBe(created!.id);
    expect(overlap(inside, w.doc.notes.get(n1)!)).toBe(false);
    const frame = w.doc.clusters.get(created!.id)!;
    expect(clusterAt([frame], inside.x, inside.y)?.id).toBe(frame.id);
  });
});

describe("clusters", () => {
  it("move with their notes, kept on the board", () => {
    const w = new World(wall());
    const n1 = w.note(anna, "a", { x: 100, y: 100 });
    const n2 = w.note(ben, "b", { x: 150, y: 100 });
    const loose = w.note(ben, "c", { x: 400, y: 100 });
    const [created] = w.run(rules.addCluster(w.ctx(host), { boardId: "wall", title: "Pair", noteIds: [n1, n2] }));
    const cluster = w.doc.clusters.get(created!.id)!;
    expect(w.doc.notes.get(n1)!.clusterId).toBe(cluster.id);
    w.run(rules.moveClusterRule(w.ctx(host), { clusterId: cluster.id, x: cluster.x + 50, y: cluster.y - 20 }));
    expect(w.doc.notes.get(n1)).toMatchObject({ x: 150, y: 80 });
    expect(w.doc.notes.get(n2)).toMatchObject({ x: 200, y: 80 });
    expect(w.doc.notes.get(loose)).toMatchObject({ x: 400, y: 100 });
    // Dragged far off the board, the whole frame stops at the edge, notes inside it.
    const moved = moveCluster(wall(), w.doc.clusters.get(cluster.id)!, [w.doc.notes.get(n1)!], 9999, 9999);
    expect(moved.cluster.x + moved.cluster.width).toBe(600);
    expect(moved.cluster.y + moved.cluster.height).toBe(200);
    expect(clusterAt([moved.cluster], moved.notes[0]!.x, moved.notes[0]!.y)?.id).toBe(cluster.id);
  });

  it("take a dropped note in, and let it out again, only for those allowed to cluster", () => {
    const w = new World(wall());
    const n1 = w.note(anna, "a", { x: 100, y: 100 });
    const [created] = w.run(rules.addCluster(w.ctx(host), { boardId: "wall", title: "", noteIds: [n1] }));
    const clusterId = created!.id;
    const n2 = w.note(ben, "b", { x: 400, y: 100 });
    // Without permission, dropping into a cluster is refused (the note would change groups).
    expect(refused(rules.moveNote(w.ctx(ben), { noteId: n2, x: 100, y: 100 }))).toBe("forbidden");
    w.run(rules.updateBoard(w.ctx(host), { boardId: "wall", clustering: true }));
    w.run(rules.moveNote(w.ctx(ben), { noteId: n2, x: 100, y: 110 }));
    expect(w.doc.notes.get(n2)!.clusterId).toBe(clusterId);
    w.run(rules.clusterNote(w.ctx(ben), { noteId: n2, clusterId: "" }));
    const out = w.doc.notes.get(n2)!;
    expect(out.clusterId).toBe("");
    expect(clusterAt([w.doc.clusters.get(clusterId)!], out.x, out.y)).toBeUndefined();
    // Dissolving keeps the notes.
    w.run(rules.removeCluster(w.ctx(host), { clusterId }));
    expect(w.doc.notes.get(n1)!.clusterId).toBe("");
  });
});

describe("dot votes", () => {
  function votingWorld(perPerson: number, maxPerNote: number, anonymous = false) {
    const w = new World(wall());
    const notes = ["first", "second", "third"].map((text) => w.note(anna, text));
    const [vote] = w.run(
      startVote(w.ctx(host), { boardId: "wall", perPerson, maxPerNote, anonymous, durationSeconds: 0 }),
    );
    return { w, notes, voteId: vote!.id };
  }

  it("counts dots against the budget and the per-note maximum", () => {
    const { w, notes, voteId } = votingWorld(3, 2);
    const dot = (actor: Actor, noteId: string, delta: 1 | -1 = 1) => castDot(w.ctx(actor), { voteId, noteId, delta });
    w.run(dot(ben, notes[0]!));
    w.run(dot(ben, notes[0]!));
    expect(refused(dot(ben, notes[0]!))).toBe("vote_note_max");
    w.run(dot(ben, notes[1]!));
    expect(refused(dot(ben, notes[2]!))).toBe("vote_budget");
    w.run(dot(ben, notes[0]!, -1));
    w.run(dot(ben, notes[2]!));
    expect(refused(dot(ben, "nope"))).toBe("not_found");
    expect(refused(dot(olga, notes[0]!))).toBe("forbidden");
    expect(dotsUsed([...w.doc.ballots.values()][0])).toBe(3);
  });

  it("ends a vote a step moves on from, frozen, and reopens it as it was with the time it had left", () => {
    const w = new World(wall());
    const notes = ["first", "second", "third"].map((text) => w.note(anna, text));
    const [started] = w.run(
      startVote(w.ctx(host), { boardId: "wall", perPerson: 2, maxPerNote: 2, anonymous: false, durationSeconds: 60 }),
    );
    const voteId = started!.id;
    const dot = (actor: Actor, noteId: string) => w.run(castDot(w.ctx(actor), { voteId, noteId, delta: 1 }));
    dot(ben, notes[1]!);
    dot(ben, notes[1]!);
    dot(anna, notes[2]!);
    const before = new Map(w.doc.ballots);
    const endsAt = w.doc.votes.get(voteId)!.endsAt!;
    const heldAt = w.now;
    const hold = holdVote(w.doc, "wall", heldAt)!;
    expect(heldVoteSchema.parse(hold.held)).toEqual(hold.held);
    applyChanges(w.doc, hold.changes);
    // Frozen like any ended vote: counted, no ballots, no more dots.
    expect(w.doc.votes.get(voteId)!.results!.map((r) => [r.text, r.count])).toEqual([
      ["second", 2],
      ["third", 1],
      ["first", 0],
    ]);
    expect(w.doc.ballots.size).toBe(0);
    expect(refused(castDot(w.ctx(anna), { voteId, noteId: notes[0]!, delta: 1 }))).toBe("vote_closed");
    expect(holdVote(w.doc, "wall", heldAt)).toBeNull();

    // Back five minutes later: open again with everyone's dots and the 60 s minus what had run.
    const later = heldAt + 300_000;
    applyChanges(w.doc, reopenHeldVote(w.doc, hold.held, later));
    const reopened = w.doc.votes.get(voteId)!;
    expect(reopened).toMatchObject({ endedAt: null, results: null, endsAt: later + (endsAt - heldAt) });
    expect(w.doc.ballots).toEqual(before);
    w.now = later;
    dot(anna, notes[0]!);
    expect(refused(castDot(w.ctx(ben), { voteId, noteId: notes[0]!, delta: 1 }))).toBe("vote_budget");

    // A vote changed since (ended again by hand) is not reopened by an older hold.
    applyChanges(w.doc, holdVote(w.doc, "wall", later)!.changes);
    expect(reopenHeldVote(w.doc, hold.held, later + 1)).toEqual([]);
  });

  it("ranks by dots with shared ranks, names voters unless anonymous, and drops the ballots", () => {
    const { w, notes, voteId } = votingWorld(3, 3);
    const dot = (actor: Actor, noteId: string) => w.run(castDot(w.ctx(actor), { voteId, noteId, delta: 1 }));
    dot(ben, notes[2]!);
    dot(ben, notes[2]!);
    dot(anna, notes[1]!);
    dot(anna, notes[1]!);
    dot(host, notes[0]!);
    const changes = w.run(endVote(w.doc, voteId, w.now));
    const results = w.doc.votes.get(voteId)!.results!;
    expect(results.map((r) => [r.text, r.count, r.rank])).toEqual([
      ["second", 2, 1],
      ["third", 2, 1],
      ["first", 1, 3],
    ]);
    expect(results[0]!.voters).toEqual(["Anna ×2"]);
    expect(changes.filter((c) => c.kind === "ballot" && c.value === null)).toHaveLength(3);
    expect(w.doc.ballots.size).toBe(0);
    expect(refused(castDot(w.ctx(ben), { voteId, noteId: notes[0]!, delta: 1 }))).toBe("vote_closed");
  });

  it("keeps voters out of an anonymous vote's results", () => {
    const { w, notes, voteId } = votingWorld(2, 2, true);
    w.run(castDot(w.ctx(ben), { voteId, noteId: notes[0]!, delta: 1 }));
    const vote = w.doc.votes.get(voteId)!;
    expect(tally(vote, [...w.doc.ballots.values()], w.doc.notes)[0]).toMatchObject({ count: 1, voters: [] });
  });

  it("closes at its time limit even before the timer fires, and refunds dots of a deleted note", () => {
    const w = new World(wall());
    const a = w.note(anna, "a");
    const b = w.note(anna, "b");
    const [vote] = w.run(
      startVote(w.ctx(host), {
        boardId: "wall",
        perPerson: 2,
        maxPerNote: 2,
        anonymous: true,
        durationSeconds: 60,
      }),
    );
    const voteId = vote!.id;
    w.run(castDot(w.ctx(ben), { voteId, noteId: a, delta: 1 }));
    w.run(castDot(w.ctx(ben), { voteId, noteId: b, delta: 1 }));
    w.run(rules.removeNote(w.ctx(anna), { noteId: a }));
    expect(dotsUsed([...w.doc.ballots.values()][0])).toBe(1);
    expect(w.doc.votes.get(voteId)!.noteIds).toEqual([b]);
    expect(refused(castDot({ ...w.ctx(ben), now: w.now + 61_000 }, { voteId, noteId: b, delta: 1 }))).toBe(
      "vote_closed",
    );
    w.run(endVote(w.doc, voteId, w.now + 120_000));
    // A timed vote is recorded as ending when its time ran out, not when the server noticed.
    expect(w.doc.votes.get(voteId)!.endedAt).toBe(w.doc.votes.get(voteId)!.startedAt + 60_000);
  });

  it("needs notes to vote on, and only one open vote per board", () => {
    const w = new World(wall());
    const start = () =>
      startVote(w.ctx(host), {
        boardId: "wall",
        perPerson: 1,
        maxPerNote: 1,
        anonymous: true,
        durationSeconds: 0,
      });
    expect(refused(start())).toBe("nothing_to_vote");
    w.note(anna, "x");
    w.run(start());
    expect(refused(start())).toBe("vote_active");
  });
});
