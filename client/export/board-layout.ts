import { NOTE_SIZE_CM, noteHex } from "../../shared/boards/basics";
import type { BoardView, VoteResultView } from "../boards/boards-store";

/**
 * Where everything in a board's picture goes, worked out before anything is drawn: a pure function
 * of the board and a way to measure text, so that tests can check that every line stays inside its
 * note without a canvas. board-picture.ts draws what this returns.
 */

/** Pixels per centimetre of board: a 36 cm note is 144 px, room for 140 characters at a readable size. */
export const SCALE = 4;
const MARGIN = 32;
const TITLE = 72;
export const FONT = '"Noto Sans", system-ui, sans-serif';
const LINE = 1.2;
/** Inside a note: padding, the strip at the top that holds the dot badge, the one at the bottom for the author. */
const PAD = 8;
const BADGE_STRIP = 28;
const AUTHOR_STRIP = 20;
const TEXT_SIZES = [32, 28, 25, 22, 20, 18, 17, 16, 15, 14, 13, 12, 11, 10];
const AUTHOR_SIZE = 12;
const ELLIPSIS = "…";

/** Width of a text in pixels in a CSS font (the canvas's measureText in the browser). */
export type Measure = (text: string, font: string) => number;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A line of text to draw centred at (x, y) with the middle baseline, and the box it covers. */
export interface TextLine {
  text: string;
  x: number;
  y: number;
  box: Box;
}

export interface NoteLayout {
  id: string;
  box: Box;
  color: string;
  /** The area the note's text may use: below the badge strip and above the author strip. */
  textArea: Box;
  font: string;
  lines: TextLine[];
  /** True when even the smallest size could not hold the whole text and the last line ends in "…". */
  cut: boolean;
  author: (TextLine & { font: string }) | null;
  /** The last vote's dots, in the top right corner of the badge strip. */
  badge: { count: number; top: boolean; x: number; y: number; radius: number; box: Box } | null;
}

export interface ClusterLayout {
  box: Box;
  bar: Box;
  title: TextLine & { font: string };
}

export interface BoardLayout {
  width: number;
  height: number;
  title: TextLine & { font: string };
  board: Box;
  clusters: ClusterLayout[];
  notes: NoteLayout[];
}

/** Shortens a text with "…" until it fits a width. */
export function ellipsize(text: string, font: string, width: number, measure: Measure): string {
  if (measure(text, font) <= width) return text;
  let cut = text.length;
  while (cut > 0 && measure(text.slice(0, cut).trimEnd() + ELLIPSIS, font) > width) cut--;
  return cut > 0 ? text.slice(0, cut).trimEnd() + ELLIPSIS : "";
}

/**
 * Breaks text into lines that fit a width. Words wider than a line are broken only when
 * `breakWords`; otherwise the answer is null.
 */
export function wrapText(
  text: string,
  font: string,
  width: number,
  measure: Measure,
  breakWords = true,
): string[] | null {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, font) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    let rest = word;
    if (measure(rest, font) > width && !breakWords) return null;
    while (measure(rest, font) > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && measure(rest.slice(0, cut), font) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The largest size at which the text fits the area, whole words first; at the smallest size, as
 * many lines as fit with the last one ending in "…".
 */
function fitText(text: string, area: Box, measure: Measure): { size: number; lines: string[]; cut: boolean } {
  for (const breakWords of [false, true]) {
    for (const size of TEXT_SIZES) {
      const lines = wrapText(text, `${size}px ${FONT}`, area.width, measure, breakWords);
      if (lines && lines.length * size * LINE <= area.height) return { size, lines, cut: false };
    }
  }
  const size = TEXT_SIZES[TEXT_SIZES.length - 1]!;
  const font = `${size}px ${FONT}`;
  const all = wrapText(text, font, area.width, measure) ?? [];
  const fit = Math.max(1, Math.floor(area.height / (size * LINE)));
  const lines = all.slice(0, fit);
  lines[fit - 1] = ellipsize(`${lines[fit - 1] ?? ""}${ELLIPSIS}`, font, area.width, measure);
  return { size, lines, cut: true };
}

function centredLine(text: string, font: string, x: number, y: number, size: number, measure: Measure): TextLine {
  const width = measure(text, font);
  return { text, x, y, box: { x: x - width / 2, y: y - (size * LINE) / 2, width, height: size * LINE } };
}

function layoutNote(
  note: BoardView["notes"][number],
  ox: number,
  oy: number,
  result: VoteResultView | undefined,
  measure: Measure,
): NoteLayout {
  const side = NOTE_SIZE_CM * SCALE;
  const x = ox + note.x * SCALE - side / 2;
  const y = oy + note.y * SCALE - side / 2;
  const textArea = {
    x: x + PAD,
    y: y + BADGE_STRIP,
    width: side - 2 * PAD,
    // A little air above the author, so the last line and the name never touch.
    height: side - BADGE_STRIP - AUTHOR_STRIP - 4,
  };
  const { size, lines, cut } = fitText(note.text, textArea, measure);
  const font = `${size}px ${FONT}`;
  const top = textArea.y + (textArea.height - lines.length * size * LINE) / 2;
  const laid = lines.map((line, i) =>
    centredLine(line, font, x + side / 2, top + (i + 0.5) * size * LINE, size, measure),
  );
  let author: NoteLayout["author"] = null;
  if (note.authorName && !note.anonymous) {
    const authorFont = `${AUTHOR_SIZE}px ${FONT}`;
    const text = ellipsize(note.authorName, authorFont, side - 2 * PAD, measure);
    const line = centredLine(text, authorFont, x + side / 2, y + side - AUTHOR_STRIP / 2 - 2, AUTHOR_SIZE, measure);
    author = { ...line, font: authorFont };
  }
  let badge: NoteLayout["badge"] = null;
  if (result && result.count > 0) {
    const radius = (BADGE_STRIP - 6) / 2;
    const bx = x + side - PAD / 2 - radius;
    const by = y + BADGE_STRIP / 2;
    badge = {
      count: result.count,
      top: result.rank <= 3,
      x: bx,
      y: by,
      radius,
      box: { x: bx - radius, y: by - radius, width: 2 * radius, height: 2 * radius },
    };
  }
  return {
    id: note.id,
    box: { x, y, width: side, height: side },
    color: noteHex(note.color),
    textArea,
    font,
    lines: laid,
    cut,
    author,
    badge,
  };
}

/** Lays out a whole board's picture: its title, the board, the clusters with their titles, and the notes. */
export function layoutBoard(
  board: Pick<BoardView, "width" | "height" | "clusters" | "notes">,
  title: string,
  results: ReadonlyMap<string, VoteResultView>,
  measure: Measure,
): BoardLayout {
  const width = board.width * SCALE + MARGIN * 2;
  const height = board.height * SCALE + MARGIN * 2 + TITLE;
  const titleFont = `bold 36px ${FONT}`;
  const titleText = ellipsize(title, titleFont, width - 2 * MARGIN, measure);
  const titleLine = {
    text: titleText,
    x: MARGIN,
    y: MARGIN + TITLE / 2 - 10,
    box: { x: MARGIN, y: MARGIN, width: measure(titleText, titleFont), height: TITLE - 20 },
    font: titleFont,
  };
  const ox = MARGIN;
  const oy = MARGIN + TITLE;
  const clusters = board.clusters.map((cluster) => {
    const box = {
      x: ox + cluster.x * SCALE,
      y: oy + cluster.y * SCALE,
      width: cluster.width * SCALE,
      height: cluster.height * SCALE,
    };
    const bar = { ...box, height: 30 };
    const font = `bold 20px ${FONT}`;
    const text = ellipsize(cluster.title, font, box.width - 16, measure);
    return {
      box,
      bar,
      title: { text, x: box.x + 8, y: box.y + 15, box: { ...bar }, font },
    };
  });
  const notes = board.notes.map((note) => layoutNote(note, ox, oy, results.get(note.id), measure));
  return {
    width,
    height,
    title: titleLine,
    board: { x: ox, y: oy, width: board.width * SCALE, height: board.height * SCALE },
    clusters,
    notes,
  };
}
