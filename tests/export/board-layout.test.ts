import { describe, expect, it } from "vitest";
import { textWidthEm } from "../../shared/boards/geometry";
import { placeNote } from "../../shared/boards/placement";
import type { NoteView, VoteResultView } from "../../client/boards/boards-store";
import { layoutBoard, wrapText, type Box, type Measure } from "../../client/export/board-layout";

/** Widths as Noto Sans gives them (estimated per character), in the font's pixel size. */
const noto: Measure = (text, font) => textWidthEm(text) * Number(/(\d+)px/.exec(font)![1]);
/** A font far wider than any real one: every character a full em. */
const wide: Measure = (text, font) => text.length * Number(/(\d+)px/.exec(font)![1]);

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.01 &&
  inner.y >= outer.y - 0.01 &&
  inner.x + inner.width <= outer.x + outer.width + 0.01 &&
  inner.y + inner.height <= outer.y + outer.height + 0.01;
const intersect = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const TEXTS = [
  "Kahvi",
  "Enemmän yhteisiä työpajoja",
  "Pitkäsanainenyhdyssanaesimerkkitekstiälappuunjokaeimahdu",
  "Tämä on pitkä muistilappu, jossa on monta lausetta. Se kertoo, mitä ryhmä ajatteli kahvitauolla, ja miksi asia on tärkeä meille kaikille!",
  "W".repeat(140),
  "a b c d e f g h i j k l m n o p q r s t u v w x y z ".repeat(3).trim(),
];

function board(texts: readonly string[]) {
  const size = { width: 600, height: 200 };
  const notes: NoteView[] = [];
  texts.forEach((text, i) => {
    // Placed as the server places notes written in a list.
    const { x, y } = placeNote(size, notes, []);
    notes.push({
      id: `n${i}`,
      boardId: "b",
      text,
      color: i % 6,
      x,
      y,
      clusterId: "",
      authorName: i % 2 ? "Aleksandra Konstantinopolitanovna-Virtanen" : "Ben",
      anonymous: i === 4,
      hidden: false,
      createdAt: i,
    });
  });
  const results = new Map<string, VoteResultView>(
    notes.map((n, i) => [n.id, { noteId: n.id, text: n.text, count: 12 - i, rank: i + 1, voters: [] }]),
  );
  return { board: { ...size, clusters: [], notes }, results };
}

describe("the board picture's layout", () => {
  for (const [name, measure] of [
    ["Noto Sans widths", noto],
    ["a very wide font", wide],
  ] as const) {
    it(`keeps every line of text inside its note, clear of the dot badge and the author (${name})`, () => {
      const { board: b, results } = board(TEXTS);
      const layout = layoutBoard(b, "Seinä", results, measure);
      expect(layout.notes).toHaveLength(TEXTS.length);
      for (const note of layout.notes) {
        expect(inside(note.textArea, note.box)).toBe(true);
        expect(note.lines.length).toBeGreaterThan(0);
        for (const line of note.lines) expect(inside(line.box, note.textArea)).toBe(true);
        expect(note.badge).not.toBeNull();
        expect(inside(note.badge!.box, note.box)).toBe(true);
        expect(intersect(note.badge!.box, note.textArea)).toBe(false);
        if (note.author) {
          expect(inside(note.author.box, note.box)).toBe(true);
          expect(intersect(note.author.box, note.textArea)).toBe(false);
        }
      }
    });
  }

  it("shows the whole text when it fits, words whole, and ends a cut text with …", () => {
    const layout = layoutBoard(board(TEXTS).board, "", new Map(), noto);
    const text = (i: number) => layout.notes[i]!.lines.map((l) => l.text).join(" ");
    expect(text(0)).toBe("Kahvi");
    expect(text(1)).toBe("Enemmän yhteisiä työpajoja");
    expect(layout.notes[3]!.cut).toBe(false);
    expect(text(3)).toBe(TEXTS[3]);
    // Short notes get larger letters than long ones.
    expect(layout.notes[0]!.font > layout.notes[3]!.font).toBe(true);
    const cut = layoutBoard(board(TEXTS).board, "", new Map(), wide).notes[4]!;
    expect(cut.cut).toBe(true);
    expect(cut.lines.at(-1)!.text.endsWith("…")).toBe(true);
  });

  it("spreads notes written in a list over a reading-order grid, none overlapping", () => {
    const layout = layoutBoard(board(TEXTS).board, "", new Map(), noto);
    const boxes = layout.notes.map((n) => n.box);
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(intersect(a, b)).toBe(false)));
    expect(new Set(boxes.map((b) => b.y)).size).toBe(1);
  });

  it("wraps by words and breaks only a word longer than the line", () => {
    expect(wrapText("one two three", "10px x", 40, wide)).toEqual(["one", "two", "thre", "e"]);
    expect(wrapText("one two three", "10px x", 40, wide, false)).toBeNull();
    expect(wrapText("one two", "10px x", 80, wide)).toEqual(["one two"]);
  });
});
