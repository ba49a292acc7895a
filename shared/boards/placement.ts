import { NOTE_SIZE_CM, type BoardDoc, type ClusterDoc, type NoteDoc } from "./model";

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

/**
 * The spot nearest to `wanted` where a note covers no other note (nor the gap around it). When the
 * board is full, the spot that covers the least of other notes, nearest to `wanted` among equals:
 * the new note then overlaps as little as the board allows, like the last notes squeezed onto a
 * real wall.
 *
 * Every whole-centimetre centre on the board is weighed at once (at most about 1000 × 240), each
 * note adding the area it would share with a note centred there, so the answer is exact and the
 * cost is bounded by the board's size and the note count, not by how full the board is.
 */
export function nearestFreeSpot(board: Board, notes: readonly Placed[], wanted: Spot): Placement {
  const { minX, minY, maxX, maxY } = centreRange(board);
  const wx = Math.round(Math.min(maxX, Math.max(minX, wanted.x)));
  const wy = Math.round(Math.min(maxY, Math.max(minY, wanted.y)));
  // Most additions are to a free spot: answer those without building the whole map.
  if (crowdingAt(notes, wx, wy) === 0) return { x: wx, y: wy, crowding: 0 };
  const columns = maxX - minX + 1;
  const rows = maxY - minY + 1;
  const crowding = new Float64Array(columns * rows);
  for (const n of notes) {
    const x0 = Math.max(minX, Math.ceil(n.x - SPACING + 1));
    const x1 = Math.min(maxX, Math.floor(n.x + SPACING - 1));
    const y0 = Math.max(minY, Math.ceil(n.y - SPACING + 1));
    const y1 = Math.min(maxY, Math.floor(n.y + SPACING - 1));
    for (let y = y0; y <= y1; y++) {
      const dy = SPACING - Math.abs(n.y - y);
      const row = (y - minY) * columns - minX;
      for (let x = x0; x <= x1; x++) crowding[row + x] = crowding[row + x]! + (SPACING - Math.abs(n.x - x)) * dy;
    }
  }
  let best = { x: wx, y: wy, crowding: Infinity };
  let bestDistance = Infinity;
  for (let y = minY; y <= maxY; y++) {
    const row = (y - minY) * columns - minX;
    const dy2 = (y - wy) ** 2;
    for (let x = minX; x <= maxX; x++) {
      const value = crowding[row + x]!;
      if (value > best.crowding) continue;
      const distance = (x - wx) ** 2 + dy2;
      if (value < best.crowding || distance < bestDistance) {
        best = { x, y, crowding: value };
        bestDistance = distance;
      }
    }
  }
  return best;
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
