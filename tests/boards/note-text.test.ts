import { describe, expect, it } from "vitest";
import {
  NOTE_LINE_EM,
  NOTE_TEXT_BOX_CM,
  capAngleDeg,
  estimatedLines,
  noteTextSize,
  plenaryToWallM,
  readingDistanceM,
  PLENARY_CONTENT_RANGE_M,
} from "../../shared/boards/geometry";
import { NOTE_TEXT_MAX } from "../../shared/boards/model";

/** The readability criterion: capital letters at least 0.2° (12′) tall, see the report of issue 15. */
const READABLE_DEG = 0.2;

const TEXTS = [
  "Kahvi",
  "Lisää kahvitaukoja",
  "Enemmän aikaa keskustelulle pienryhmissä",
  "Yksi yhteinen asiointipiste kaikille viranomaisille",
  "Pitkäsanainenyhdyssanaesimerkkitekstiälappuunjokaeimahdu",
  "Tämä on pitkä muistilappu, jossa on monta lausetta. Se kertoo, mitä ryhmä ajatteli kahvitauolla, ja miksi asia on tärkeä meille kaikille!",
  "W".repeat(NOTE_TEXT_MAX),
  "M ".repeat(NOTE_TEXT_MAX / 2).trim(),
];

describe("a note's text in 3D", () => {
  it("always fits the note's text box by the font's widths", () => {
    for (const text of TEXTS) {
      const size = noteTextSize(text);
      const lines = estimatedLines(text, size, NOTE_TEXT_BOX_CM.width);
      expect(lines * size * NOTE_LINE_EM, text).toBeLessThanOrEqual(NOTE_TEXT_BOX_CM.height);
    }
  });

  it("is larger the shorter the note, and keeps words whole when a size allows", () => {
    const sizes = TEXTS.slice(0, 4).map(noteTextSize);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const size = noteTextSize("Lisää kahvitaukoja");
    expect(estimatedLines("Lisää kahvitaukoja", size, NOTE_TEXT_BOX_CM.width, false)).toBeLessThan(Infinity);
  });

  it("reads from the plenary: a short note from its centre, a 40-character one from near its edge", () => {
    const distance = plenaryToWallM();
    expect(distance.centre).toBeCloseTo(14.84, 1);
    expect(capAngleDeg(noteTextSize("Kahvi"), distance.centre)).toBeGreaterThanOrEqual(READABLE_DEG);
    expect(readingDistanceM(noteTextSize(TEXTS[2]!), READABLE_DEG)).toBeGreaterThan(9);
    // The longest notes still read from a few steps in front of the board.
    expect(readingDistanceM(noteTextSize(TEXTS[5]!), READABLE_DEG)).toBeGreaterThan(5);
    // Everyone in the plenary has the notes drawn.
    expect(PLENARY_CONTENT_RANGE_M).toBeGreaterThan(distance.far);
  });
});
