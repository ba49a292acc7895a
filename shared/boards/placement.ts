import { NOTE_SIZE_CM } from "./basics";
import type { BoardDoc, ClusterDoc, NoteDoc } from "./model";

/**
 * Where the server puts a new note, so that notes never land on top of each other: near the spot
 * asked for (a click in 3D), or in reading order on a grid (a note written in a list). Pure, and in
 * whole centimetres like every position on a board.
 */

/** Room the server keeps between the notes it places, cm: notes that touch read as one block. */
export const NOTE_GAP_CM = 6;
/** Centre-to-centre distance at which two notes neither overlap nor crowd each other. */
const SPACING = NOTE_SIZE_CM + NOTE_GAP_CM;
const HALF = NOTE_SIZE_CM / 2;

export interface Spot {
  x: number;
  y: number;
}

export interface Placement extends Spot {
  /**
   * Area (cm²) of other notes, widened by the gap, that a note here would cover: 0 when the spot is
   * free. Above 0 only when the board has no free spot left.
   */
  crowding: number;
}

type Board = Pick<BoardDoc, "width" | "height">;
type Placed = Pick<NoteDoc, "x" | "y">;

/** The range of centres that keep a whole note on the board (a board narrower than a note: its middle). */
function centreRange(board: Board) {
  const minX = Math.min(HALF, Math.floor(board.width / 2));
  const minY = Math.min(HALF, Math.floor(board.height / 2));
  return {
    minX,
    minY,
    maxX: Math.max(minX, board.width - HALF),
    maxY: Math.max(minY, board.height - HALF),
  };
}

function crowdingAt(notes: readonly Placed[], x: number, y: number): number {
  let area = 0;
  for (const n of notes) {
    const dx = SPACING - Math.abs(n.x - x);
    const dy = SPACING - Math.abs(n.y - y);
    if (dx > 0 && dy > 0) area += dx * dy;
  }
  return area;
}

interface Area {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * The whole-centimetre centre in an area that no note blocks, nearest to (wx, wy), or undefined.
 * Each note blocks a rectangle of centres, added in constant time to a 2D difference array, so the
 * cost is the area's size plus the note count however full the board is.
 */
function nearestUnblocked(area: Area, notes: readonly Placed[], wx: number, wy: number): Spot | undefined {
  const columns = area.maxX - area.minX + 2;
  const rows = area.maxY - area.minY + 2;
  const blocked = new Int32Array(columns * rows);
  for (const n of notes) {
    const x0 = Math.max(area.minX, Math.ceil(n.x - SPACING + 1)) - area.minX;
    const x1 = Math.min(area.maxX, Math.floor(n.x + SPACING - 1)) - area.minX;
    const y0 = Math.max(area.minY, Math.ceil(n.y - SPACING + 1)) - area.minY;
    const y1 = Math.min(area.maxY, Math.floor(n.y + SPACING - 1)) - area.minY;
    if (x0 > x1 || y0 > y1) continue;
    blocked[y0 * columns + x0]! += 1;
    blocked[y0 * columns + x1 + 1]! -= 1;
    blocked[(y1 + 1) * columns + x0]! -= 1;
    blocked[(y1 + 1) * columns + x1 + 1]! += 1;
  }
  let best: Spot | undefined;
  let bestDistance = Infinity;
  for (let row = 0; row < rows - 1; row++) {
    const y = area.minY + row;
    const dy2 = (y - wy) ** 2;
    for (let column = 0; column < columns - 1; column++) {
      const i = row * columns + column;
      // Prefix sums turn the differences into the number of notes blocking each centre.
      if (column > 0) blocked[i]! += blocked[i - 1]!;
      if (row > 0) blocked[i]! += blocked[i - columns]! - (column > 0 ? blocked[i - columns - 1]! : 0);
      if (blocked[i] !== 0) continue;
      const x = area.minX + column;
      const distance = (x - wx) ** 2 + dy2;
      if (distance < bestDistance) {
        best = { x, y };
        bestDistance = distance;
      }
    }
  }
  return best;
}

/** Spacing (cm) of the lattice on which a full board's crowding is first weighed. */
const COARSE_CM = 3;

/**
 * On a full board, the least crowded centre nearest to (wx, wy): weighed on a 3 cm lattice (each
 * note adding, to every lattice centre it reaches, the area it would share with a note there),
 * then to the centimetre around the best of those. The overlap is then as small as the board
 * allows, give or take a sliver.
 */
function leastCrowded(area: Area, notes: readonly Placed[], wx: number, wy: number): Placement {
  const columns = Math.floor((area.maxX - area.minX) / COARSE_CM) + 1;
  const rows = Math.floor((area.maxY - area.minY) / COARSE_CM) + 1;
  const crowding = new Float64Array(columns * rows);
  for (const n of notes) {
    const c0 = Math.max(0, Math.ceil((n.x - SPACING - area.minX) / COARSE_CM));
    const c1 = Math.min(columns - 1, Math.floor((n.x + SPACING - area.minX) / COARSE_CM));
    const r0 = Math.max(0, Math.ceil((n.y - SPACING - area.minY) / COARSE_CM));
    const r1 = Math.min(rows - 1, Math.floor((n.y + SPACING - area.minY) / COARSE_CM));
    for (let r = r0; r <= r1; r++) {
      const dy = SPACING - Math.abs(n.y - (area.minY + r * COARSE_CM));
      if (dy <= 0) continue;
      for (let c = c0; c <= c1; c++) {
        const dx = SPACING - Math.abs(n.x - (area.minX + c * COARSE_CM));
        if (dx > 0) crowding[r * columns + c] = crowding[r * columns + c]! + dx * dy;
      }
    }
  }
  const pick = (candidates: Iterable<Placement>) => {
    let best: Placement = { x: wx, y: wy, crowding: Infinity };
    let bestDistance = Infinity;
    for (const spot of candidates) {
      const distance = (spot.x - wx) ** 2 + (spot.y - wy) ** 2;
      if (spot.crowding < best.crowding || (spot.crowding === best.crowding && distance < bestDistance)) {
        best = spot;
        bestDistance = distance;
      }
    }
    return best;
  };
  const coarse = pick(
    (function* () {
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < columns; c++) {
          yield { x: area.minX + c * COARSE_CM, y: area.minY + r * COARSE_CM, crowding: crowding[r * columns + c]! };
        }
      }
    })(),
  );
  return pick(
    (function* () {
      for (let y = Math.max(area.minY, coarse.y - 2); y <= Math.min(area.maxY, coarse.y + 2); y++) {
        for (let x = Math.max(area.minX, coarse.x - 2); x <= Math.min(area.maxX, coarse.x + 2); x++) {
          yield { x, y, crowding: crowdingAt(notes, x, y) };
        }
      }
    })(),
  );
}

/**
 * The spot nearest to `wanted` where a note covers no other note (nor the gap around it). When the
 * board is full, the spot that covers the least of other notes, nearest to `wanted` among equals:
 * the new note then overlaps as little as the board allows, like the last notes squeezed onto a
 * real wall.
 */
export function nearestFreeSpot(board: Board, notes: readonly Placed[], wanted: Spot): Placement {
  const range = centreRange(board);
  const wx = Math.round(Math.min(range.maxX, Math.max(range.minX, wanted.x)));
  const wy = Math.round(Math.min(range.maxY, Math.max(range.minY, wanted.y)));
  if (crowdingAt(notes, wx, wy) === 0) return { x: wx, y: wy, crowding: 0 };
  const free = nearestUnblocked(range, notes, wx, wy);
  return free ? { ...free, crowding: 0 } : leastCrowded(range, notes, wx, wy);
}

/**
 * Columns of the page that notes written in a list fill first, in the middle of a wide board: at
 * most 8 columns, 3.4 m, about what one takes in at a glance from a few metres. Beside the page the
 * rest of the board fills in the same order, so a long list still never piles up.
 */
const PAGE_COLUMNS = 8;

/**
 * The cells of a board's reading-order grid, a gap apart, the whole grid centred on the board so
 * that its margins are even. In order: the page in the middle (rows from the top, left to right),
 * then the cells beside it, also in reading order.
 */
export function readingGrid(board: Board): Spot[] {
  const columns = Math.max(1, Math.floor((board.width - NOTE_GAP_CM) / SPACING));
  const rows = Math.max(1, Math.floor((board.height - NOTE_GAP_CM) / SPACING));
  const left = (board.width - (columns * SPACING - NOTE_GAP_CM)) / 2 + HALF;
  const top = (board.height - (rows * SPACING - NOTE_GAP_CM)) / 2 + HALF;
  const pageStart = Math.floor((columns - Math.min(columns, PAGE_COLUMNS)) / 2);
  const pageEnd = pageStart + Math.min(columns, PAGE_COLUMNS);
  const page: Spot[] = [];
  const beside: Spot[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const cell = { x: Math.round(left + column * SPACING), y: Math.round(top + row * SPACING) };
      (column >= pageStart && column < pageEnd ? page : beside).push(cell);
    }
  }
  return [...page, ...beside];
}

function touchesCluster(cluster: Pick<ClusterDoc, "x" | "y" | "width" | "height">, spot: Spot): boolean {
  return (
    spot.x + HALF > cluster.x &&
    spot.x - HALF < cluster.x + cluster.width &&
    spot.y + HALF > cluster.y &&
    spot.y - HALF < cluster.y + cluster.height
  );
}

/**
 * Where a note written without a spot (in the 2D list, on a VR keyboard) goes: the first cell of the
 * reading-order grid that no note crowds and no cluster frame touches, so such notes line up in the
 * order they were written, in the middle of the board where people look, and never fall into a
 * group by accident. When every cell is taken (notes
 * dropped between the cells, clusters), the nearest free spot to the board's centre, which is also
 * where the least-crowded spot is sought on a full board.
 */
export function nextReadingSpot(
  board: Board,
  notes: readonly Placed[],
  clusters: readonly Pick<ClusterDoc, "x" | "y" | "width" | "height">[],
): Placement {
  for (const cell of readingGrid(board)) {
    if (clusters.some((c) => touchesCluster(c, cell))) continue;
    if (crowdingAt(notes, cell.x, cell.y) === 0) return { ...cell, crowding: 0 };
  }
  return nearestFreeSpot(board, notes, { x: board.width / 2, y: board.height / 2 });
}

/**
 * The one rule for a new note's place: near the spot asked for, else the next reading-order spot.
 * See nearestFreeSpot and nextReadingSpot.
 */
export function placeNote(
  board: Board,
  notes: readonly Placed[],
  clusters: readonly Pick<ClusterDoc, "x" | "y" | "width" | "height">[],
  wanted?: Spot,
): Placement {
  return wanted ? nearestFreeSpot(board, notes, wanted) : nextReadingSpot(board, notes, clusters);
}
