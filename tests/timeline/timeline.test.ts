import { describe, expect, it } from "vitest";
import { loggedRecord, type TimelineItem } from "../../shared/timeline/log";
import { prepareTimeline, stateAt } from "../../shared/timeline/replay";
import { boardsOf, markersOf, zoneNamesIn } from "../../shared/timeline/markers";
import { summariseSteps } from "../../shared/timeline/summary";
import { buildMarkdown } from "../../shared/export/markdown";
import { buildJson } from "../../shared/export/json";
import { fixtureInput } from "../export/fixture";

const note = (id: string, text: string, extra: Record<string, unknown> = {}) => ({
  id,
  boardId: "wall",
  text,
  color: 0,
  x: 10,
  y: 10,
  clusterId: "",
  authorName: "Anna",
  hidden: false,
  anonymous: false,
  ...extra,
});

const run = (step: number, titles: string[]) => ({
  plan: { steps: titles.map((title) => ({ title })) },
  entries: Array.from({ length: step + 1 }, (_, k) => ({ step: k })),
});

/** A small log: a start with a board, two people; notes, a step, moves, an observation, a stop. */
const items: TimelineItem[] = [
  {
    at: 1000,
    e: "start",
    snap: {
      records: [["board", "wall", { title: "", preset: "wall", zoneId: "", order: 0 }]],
      people: [
        [1, "Anna", "participant", 0, "", 100, 100, 0],
        [2, "Host", "facilitator", 1, "", 0, 0, 0],
      ],
    },
  },
  { at: 2000, e: "rec", r: [["note", "n1", note("n1", "First")]] },
  { at: 3000, e: "rec", r: [["methods.run", "run", run(0, ["Alone", "Pairs"])]] },
  { at: 3500, e: "pos", d: [1, 50, -20] },
  { at: 4000, e: "zone", p: 1, z: "ne" },
  { at: 4500, e: "hand", p: 1, up: 1 },
  { at: 5000, e: "rec", r: [["coaching.observation", "o1", { at: 5000, author: "Kaisa", text: "Quiet" }]] },
  { at: 6000, e: "rec", r: [["methods.run", "run", run(1, ["Alone", "Pairs"])]] },
  {
    at: 6500,
    e: "rec",
    r: [
      ["note", "n1", null],
      ["note", "n2", note("n2", "Second", { anonymous: true, authorName: "" })],
    ],
  },
  { at: 7000, e: "join", p: [3, "Ben", "participant", 2, "", 0, 0, 0] },
  { at: 7200, e: "react", p: 3, k: "clap" },
  {
    at: 7500,
    e: "rec",
    r: [["vote", "v1", { boardId: "wall", endedAt: 7500, results: [{ noteId: "n2", count: 3, voters: [] }] }]],
  },
  { at: 8000, e: "stop" },
];

describe("the timeline's pure rules", () => {
  it("keeps no author uid, no anonymous author and no hidden text; leaves ballots out", () => {
    const stored = { v: 1, ...note("n", "secret", { authorUid: "uid-1", hidden: true }) };
    expect(loggedRecord("note", stored)).toMatchObject({ text: "", authorName: "Anna" });
    expect(loggedRecord("note", stored)).not.toHaveProperty("authorUid");
    expect(loggedRecord("note", { ...stored, hidden: false, anonymous: true })).toMatchObject({
      text: "secret",
      authorName: "",
    });
    expect(loggedRecord("ballot", { uid: "u", dots: {} })).toBeUndefined();
    expect(loggedRecord("vote", { anonymous: true, results: [{ voters: ["Anna"] }] })).toMatchObject({
      results: [{ voters: [] }],
    });
  });

  it("rebuilds the room at any moment, and knows nothing outside a start and a stop", () => {
    const timeline = prepareTimeline(items);
    expect(stateAt(timeline, 500).recording).toBe(false);
    const at4600 = stateAt(timeline, 4600);
    expect(at4600.people.get(1)).toMatchObject({ x: 150, z: 80, zone: "ne", hand: true });
    expect(boardsOf(at4600)[0]!.notes.map((n) => n.text)).toEqual(["First"]);
    const at7000 = stateAt(timeline, 7000);
    expect(boardsOf(at7000)[0]!.notes).toEqual([
      expect.objectContaining({ text: "Second", anonymous: true, authorName: "" }),
    ]);
    expect(at7000.people.size).toBe(3);
    expect(stateAt(timeline, 9000).recording).toBe(false);
    // A reaction stays in the picture a few seconds; a vote's results put dots on its notes.
    expect(stateAt(timeline, 7300).reactions).toEqual([{ p: 3, k: "clap", at: 7200 }]);
    expect(boardsOf(stateAt(timeline, 7400))[0]!.notes[0]!.dots).toBeNull();
    expect(boardsOf(stateAt(timeline, 7600))[0]!.notes[0]!.dots).toBe(3);
    // The same log and moment give the same state, however often asked (the snapshot is not mutated).
    expect(stateAt(timeline, 4600).people.get(1)).toEqual(at4600.people.get(1));
  });

  it("follows a meeting room renamed, then removed, for the people seated in it", () => {
    const seated: TimelineItem[] = [
      {
        at: 1000,
        e: "start",
        snap: {
          records: [],
          people: [
            [1, "Aino", "participant", 0, "", 300, 300, 0, "Kuusi"],
            [2, "Rita", "participant", 1, "", 0, 0, 0],
          ],
        },
      },
      { at: 2000, e: "join", p: [3, "Room laptop", "participant", 2, "", 320, 320, 0, "Kuusi"] },
      { at: 3000, e: "room", p: [1, 3], r: "Koivu" },
      { at: 4000, e: "room", p: [1, 3], r: "" },
    ];
    const timeline = prepareTimeline(seated);
    const rooms = (t: number) => [...stateAt(timeline, t).people.values()].map((p) => [p.name, p.room]);
    expect(rooms(2500)).toEqual([
      ["Aino", "Kuusi"],
      ["Rita", ""],
      ["Room laptop", "Kuusi"],
    ]);
    expect(rooms(3500)).toEqual([
      ["Aino", "Koivu"],
      ["Rita", ""],
      ["Room laptop", "Koivu"],
    ]);
    expect(rooms(4500)).toEqual([
      ["Aino", ""],
      ["Rita", ""],
      ["Room laptop", ""],
    ]);
    // Scrubbing back: the log is not changed by having been replayed further.
    expect(rooms(2500)[0]).toEqual(["Aino", "Kuusi"]);
  });

  it("marks steps, observations, start and stop, and sums each step up for the export", () => {
    expect(markersOf(items).map((m) => m.kind)).toEqual(["start", "step", "observation", "step", "stop"]);
    const summary = summariseSteps(items);
    expect(summary.map((s) => [s.step, s.title])).toEqual([
      [-1, ""],
      [0, "Alone"],
      [1, "Pairs"],
    ]);
    expect(summary[1]).toMatchObject({ zoneChanges: 1, handsRaised: 1, observations: [{ text: "Quiet" }] });
    expect(summary[2]).toMatchObject({ notesWritten: 1, mostPeople: 3, reactions: 1, votesEnded: 1 });
  });

  it("goes into the Markdown and JSON exports only when one was kept", () => {
    const without = fixtureInput("en");
    expect(buildMarkdown(without)).not.toContain("Timeline, step by step");
    const md = buildMarkdown({ ...without, timeline: items });
    expect(md).toContain("## Timeline, step by step");
    expect(md).toContain("### Step 2: Pairs");
    expect(md).toContain("Observation by Kaisa: Quiet");
    const json = JSON.parse(buildJson({ ...without, timeline: items })) as { timeline: { items: unknown[] } };
    expect(json.timeline.items).toHaveLength(items.length);
    expect(buildMarkdown({ ...fixtureInput("fi"), timeline: items })).toContain("## Aikajana vaiheittain");
  });
});

describe("zone names for the debrief's figures", () => {
  it("keeps a removed zone's last name, and its letter when it had no name", () => {
    const items: TimelineItem[] = [
      { at: 1, e: "start", snap: { records: [["zone", "z1", { letter: "A", name: "" }]], people: [] } },
      { at: 2, e: "rec", r: [["zone", "z2", { letter: "B", name: "Budget" }]] },
      { at: 3, e: "rec", r: [["zone", "z2", { letter: "B", name: "Budget 2027" }]] },
      {
        at: 4,
        e: "rec",
        r: [
          ["zone", "z2", null],
          ["note", "n1", { text: "x" }],
        ],
      },
    ];
    expect([...zoneNamesIn(items)]).toEqual([
      ["z1", "A"],
      ["z2", "Budget 2027"],
    ]);
  });
});
