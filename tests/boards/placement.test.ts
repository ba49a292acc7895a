import { describe, expect, it } from "vitest";
import { NOTE_SIZE_CM } from "../../shared/boards/model";
import { NOTE_GAP_CM, nearestFreeSpot, nextReadingSpot, placeNote, readingGrid } from "../../shared/boards/placement";

const board = { width: 600, height: 200 };
const SPACING = NOTE_SIZE_CM + NOTE_GAP_CM;

/** True when no two notes overlap or come closer than the gap. */
function apart(notes: readonly { x: number; y: number }[]): boolean {
  return notes.every((a, i) =>
    notes.slice(i + 1).every((b) => Math.abs(a.x - b.x) >= SPACING || Math.abs(a.y - b.y) >= SPACING),
  );
}

function onBoard(b: { width: number; height: number }, n: { x: number; y: number }): boolean {
  const half = NOTE_SIZE_CM / 2;
  return n.x >= half && n.x <= b.width - half && n.y >= half && n.y <= b.height - half;
}

describe("a note asked for at a spot", () => {
  it("goes exactly there when the spot is free", () => {
    expect(nearestFreeSpot(board, [], { x: 100, y: 80 })).toEqual({ x: 100, y: 80, crowding: 0 });
    // Kept whole on the board.
    expect(nearestFreeSpot(board, [], { x: -50, y: 999 })).toMatchObject({
      x: NOTE_SIZE_CM / 2,
      y: 200 - NOTE_SIZE_CM / 2,
    });
  });

  it("lands beside a note already there, the shortest way, and never on it", () => {
    const first = { x: 300, y: 100 };
    const second = nearestFreeSpot(board, [first], { x: 300, y: 100 });
    expect(second.crowding).toBe(0);
    expect(apart([first, second])).toBe(true);
    // The nearest free spot is one spacing away along one axis.
    expect(Math.hypot(second.x - first.x, second.y - first.y)).toBe(SPACING);
    // Asked slightly to the right of it: it goes to the right, not anywhere else.
    expect(nearestFreeSpot(board, [first], { x: 310, y: 100 })).toMatchObject({ x: 300 + SPACING, y: 100 });
  });

  it("finds a gap exactly one note and its gap wide", () => {
    const row = [
      { x: 100, y: 100 },
      { x: 100 + 2 * SPACING, y: 100 },
    ];
    expect(nearestFreeSpot(board, row, { x: 130, y: 100 })).toEqual({ x: 100 + SPACING, y: 100, crowding: 0 });
  });

  it("keeps ten notes asked for at one spot apart, spiralling out from it", () => {
    const notes: { x: number; y: number }[] = [];
    for (let i = 0; i < 10; i++) notes.push(nearestFreeSpot(board, notes, { x: 300, y: 100 }));
    expect(apart(notes)).toBe(true);
    expect(notes.every((n) => onBoard(board, n))).toBe(true);
    // Close together around the spot, not scattered over the board.
    expect(Math.max(...notes.map((n) => Math.hypot(n.x - 300, n.y - 100)))).toBeLessThan(3 * SPACING);
  });

  it("on a full board, takes the least crowded spot nearest the one asked for", () => {
    const small = { width: 120, height: 80 };
    const notes: { x: number; y: number }[] = [];
    for (let i = 0; i < 10; i++) notes.push(placeNote(small, notes, [], { x: 60, y: 40 }));
    const crowded = notes.map((_, i) => placeNote(small, notes.slice(0, i), [], { x: 60, y: 40 }).crowding);
    // The first few fit; once full, each new note covers as little as the board allows.
    expect(crowded[0]).toBe(0);
    expect(crowded.some((c) => c > 0)).toBe(true);
    expect(notes.every((n) => onBoard(small, n))).toBe(true);
    const full = placeNote(small, notes, [], { x: 60, y: 40 });
    expect(full.crowding).toBeGreaterThan(0);
    // No spot on the board is less crowded, but for a sliver (the search weighs a 3 cm lattice first).
    const exact = (x: number, y: number) =>
      notes.reduce(
        (area, n) => area + Math.max(0, SPACING - Math.abs(n.x - x)) * Math.max(0, SPACING - Math.abs(n.y - y)),
        0,
      );
    expect(exact(full.x, full.y)).toBe(full.crowding);
    let least = Infinity;
    for (let x = 18; x <= 102; x++) for (let y = 18; y <= 62; y++) least = Math.min(least, exact(x, y));
    expect(full.crowding).toBeLessThanOrEqual(least + 0.05 * SPACING * SPACING);
  });

  it("fills a wall-sized board to the note limit, the first notes apart and on the board", () => {
    const wall = { width: 940, height: 210 };
    const notes: { x: number; y: number }[] = [];
    for (let i = 0; i < 300; i++) notes.push(nearestFreeSpot(wall, notes, { x: 470, y: 105 }));
    expect(notes.filter((_, i) => i < 80).every((n) => onBoard(wall, n))).toBe(true);
    expect(apart(notes.slice(0, 60))).toBe(true);
  });
});

describe("a note written without a spot", () => {
  it("goes to the next cell of a reading-order grid with even margins", () => {
    const cells = readingGrid(board);
    expect(cells.length).toBeGreaterThan(10);
    const xs = cells.map((c) => c.x);
    const ys = cells.map((c) => c.y);
    const first = { x: Math.min(...xs), y: Math.min(...ys) };
    const last = { x: Math.max(...xs), y: Math.max(...ys) };
    const half = NOTE_SIZE_CM / 2;
    // Margins left and right (and top and bottom) are equal, within a centimetre of rounding.
    expect(Math.abs(first.x - half - (board.width - last.x - half))).toBeLessThanOrEqual(1);
    expect(Math.abs(first.y - half - (board.height - last.y - half))).toBeLessThanOrEqual(1);
    const notes: { x: number; y: number }[] = [];
    for (let i = 0; i < 5; i++) notes.push(nextReadingSpot(board, notes, []));
    expect(notes.map(({ x, y }) => ({ x, y }))).toEqual(cells.slice(0, 5));
  });

  it("on a wide board, fills a page in the middle first, row by row, then the cells beside it", () => {
    const wall = { width: 940, height: 210 };
    const cells = readingGrid(wall);
    const page = cells.slice(0, 8 * 4);
    // The page is centred: its first row starts left of the middle and ends right of it, evenly.
    const firstRow = page.filter((c) => c.y === page[0]!.y);
    expect(firstRow).toHaveLength(8);
    const middle = (firstRow[0]!.x + firstRow[7]!.x) / 2;
    expect(Math.abs(middle - wall.width / 2)).toBeLessThanOrEqual(SPACING / 2 + 1);
    // Reading order inside the page.
    expect(firstRow.map((c) => c.x)).toEqual([...firstRow.map((c) => c.x)].sort((a, b) => a - b));
    expect(page.map((c) => c.y)).toEqual([...page.map((c) => c.y)].sort((a, b) => a - b));
    // Every cell once.
    expect(new Set(cells.map((c) => `${c.x},${c.y}`)).size).toBe(cells.length);
  });

  it("skips cells that a clicked note crowds or a cluster frame touches", () => {
    const cells = readingGrid(board);
    const clicked = { x: cells[0]!.x + 10, y: cells[0]!.y + 5 };
    const cluster = { x: cells[1]!.x - 5, y: 0, width: 20, height: 30 };
    const spot = nextReadingSpot(board, [clicked], [cluster]);
    expect(spot).toMatchObject(cells[2]!);
  });

  it("when every cell is taken, goes to the nearest free spot to the board's centre", () => {
    const tall = { width: 300, height: 200 };
    const cells = readingGrid(tall);
    expect(cells.length).toBe(7 * 4);
    // Notes dropped between every second pair of cells block all of them, yet leave free room
    // between each other.
    const offGrid = cells
      .filter((_, i) => i % 2 === 0 && Math.floor(i / 7) % 2 === 0)
      .map((c) => ({ x: c.x + SPACING / 2, y: c.y + SPACING / 2 }));
    expect(offGrid.length).toBe(8);
    expect(
      cells.every((c) => offGrid.some((n) => Math.abs(n.x - c.x) < SPACING && Math.abs(n.y - c.y) < SPACING)),
    ).toBe(true);
    const spot = nextReadingSpot(tall, offGrid, []);
    expect(spot.crowding).toBe(0);
    expect(apart([...offGrid, spot])).toBe(true);
  });
});
