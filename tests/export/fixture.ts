import { emptyDoc, type BoardDoc, type BoardsDoc, type NoteDoc } from "../../shared/boards/model";
import type { ExportInput } from "../../shared/export/common";

/** 2025-03-04 10:00 in Helsinki (UTC+2). */
export const T0 = Date.UTC(2025, 2, 4, 8, 0, 0);
export const min = (n: number) => T0 + n * 60_000;

/** A board of the fixture's session, with defaults for what a test does not set. */
export function board(partial: Partial<BoardDoc> & Pick<BoardDoc, "id">): BoardDoc {
  return {
    title: "",
    preset: "custom",
    zoneId: "",
    x: 0,
    z: 0,
    yaw: 0,
    width: 300,
    height: 160,
    locked: false,
    clustering: false,
    round: null,
    rounds: [],
    order: 0,
    createdAt: T0,
    ...partial,
  };
}

/** A note of the fixture's session, with defaults for what a test does not set. */
export function note(partial: Partial<NoteDoc> & Pick<NoteDoc, "id" | "boardId" | "text">): NoteDoc {
  return {
    color: 0,
    x: 50,
    y: 50,
    clusterId: "",
    authorUid: "uid-anna",
    authorName: "Anna",
    hidden: false,
    anonymous: false,
    createdAt: min(1),
    updatedAt: min(1),
    ...partial,
  };
}

/**
 * A session with everything an export must get right: clusters, named and anonymous notes, a note
 * still private, text that would be markup or a spreadsheet formula, Finnish letters, and votes.
 */
export function fixtureDoc(): BoardsDoc {
  const doc = emptyDoc();
  const wall = board({
    id: "wall",
    preset: "wall",
    order: 0,
    width: 940,
    height: 210,
    rounds: [{ anonymous: true, startedAt: min(2), revealedAt: min(9) }],
  });
  const zone = board({
    id: "zoneA",
    preset: "zone",
    zoneId: "nw",
    order: 1,
    round: { anonymous: false, startedAt: min(30) },
  });
  doc.boards.set(wall.id, wall);
  doc.boards.set(zone.id, zone);
  doc.clusters.set("c1", {
    id: "c1",
    boardId: "wall",
    title: "Yhteistyö & luottamus",
    x: 20,
    y: 20,
    width: 200,
    height: 100,
    createdAt: min(10),
  });
  doc.clusters.set("c2", {
    id: "c2",
    boardId: "wall",
    title: "",
    x: 300,
    y: 20,
    width: 100,
    height: 60,
    createdAt: min(11),
  });
  const notes = [
    note({
      id: "n1",
      boardId: "wall",
      text: "Enemmän yhteisiä työpajoja",
      clusterId: "c1",
      color: 0,
      createdAt: min(3),
    }),
    note({
      id: "n2",
      boardId: "wall",
      text: "<script>alert('x')</script> **not bold**",
      clusterId: "c1",
      color: 1,
      anonymous: true,
      authorName: "Ben",
      authorUid: "uid-ben",
      createdAt: min(4),
    }),
    note({
      id: "n3",
      boardId: "wall",
      text: '=HYPERLINK("http://evil","click") "quoted"',
      color: 2,
      authorName: 'Cecilia, "CC"',
      authorUid: "uid-c",
      createdAt: min(5),
    }),
    note({ id: "n4", boardId: "wall", text: "- 1. # not a list | nor a table", color: 3, createdAt: min(6) }),
    note({
      id: "n5",
      boardId: "zoneA",
      text: "Ryhmän oma idea",
      color: 4,
      authorName: "Åsa",
      authorUid: "uid-asa",
      createdAt: min(20),
    }),
    note({ id: "n6", boardId: "zoneA", text: "still private", hidden: true, createdAt: min(31) }),
  ];
  for (const n of notes) doc.notes.set(n.id, n);
  doc.votes.set("v1", {
    id: "v1",
    boardId: "wall",
    perPerson: 3,
    maxPerNote: 2,
    anonymous: false,
    startedAt: min(12),
    endsAt: null,
    endedAt: min(15),
    noteIds: ["n1", "n2", "n3", "n4"],
    results: [
      { noteId: "n2", text: notes[1]!.text, count: 3, rank: 1, voters: ["Anna ×2", "Ben"] },
      { noteId: "n1", text: notes[0]!.text, count: 2, rank: 2, voters: ["Ben", 'Cecilia, "CC"'] },
      { noteId: "n3", text: notes[2]!.text, count: 2, rank: 2, voters: ["Åsa ×2"] },
      { noteId: "n4", text: notes[3]!.text, count: 0, rank: 4, voters: [] },
    ],
  });
  doc.votes.set("v2", {
    id: "v2",
    boardId: "wall",
    perPerson: 5,
    maxPerNote: 5,
    anonymous: true,
    startedAt: min(40),
    endsAt: min(45),
    endedAt: null,
    noteIds: ["n1"],
    results: null,
  });
  return doc;
}

export function fixtureInput(locale: ExportInput["locale"] = "en"): ExportInput {
  return {
    session: {
      code: "ABC-DEF-GHJ",
      title: "Kehittämispäivä: *palvelut* & <asiakkaat>",
      createdAt: T0,
      endedAt: min(60),
    },
    doc: fixtureDoc(),
    zones: [
      { id: "nw", name: "", letter: "A", task: "Map the *customer's* path" },
      { id: "zq7", name: "Pilot team", letter: "E", task: "" },
    ],
    breakouts: [
      {
        at: min(20),
        seconds: 900,
        task: "Map the *customer's* path",
        groups: [
          { zone: "nw", people: ["Anna", "Ben"] },
          { zone: "zq7", people: [], task: "Test the *pilot* plan" },
          // A zone removed since then.
          { zone: "gone", people: ["Åsa"] },
        ],
      },
      { at: min(40), seconds: null, task: null, groups: [{ zone: "nw", people: ["Cecilia"] }] },
    ],
    locale,
    timeZone: "Europe/Helsinki",
    exportedAt: min(61),
    // TRIZ's marks: one note tagged "we already do this", one action owned.
    stageMarks: { tags: ["n2"], owners: { n1: "Anna" } },
    // Two steps of a plan: the first put up the wall and was extended, the second wrote in zone A.
    steps: [
      {
        n: 1,
        title: "Ideas | *all* together",
        plannedSeconds: 600,
        extendedSeconds: 300,
        startedAt: min(1),
        endedAt: min(19),
        groups: 1,
        boards: [{ id: "wall", notes: 4 }],
      },
      {
        n: 2,
        title: "Pairs",
        plannedSeconds: 900,
        extendedSeconds: 0,
        startedAt: min(19),
        endedAt: min(60),
        groups: 2,
        boards: [{ id: "zoneA", notes: 1 }],
      },
    ],
  };
}
