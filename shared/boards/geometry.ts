import { LAB, type BreakoutArea } from "../space/layout";
import { BOARD_BOTTOM_M, NOTE_SIZE_CM } from "./basics";
import type { BoardDoc, ClusterDoc, NoteDoc } from "./model";

/**
 * Where things go on a board and where boards go in the lab: pure geometry shared by the server's
 * rules, the 3D view (to preview a drag) and the picture export.
 */

const HALF = NOTE_SIZE_CM / 2;
/** Room around notes inside a cluster's frame, and the strip at its top that holds the title. */
export const CLUSTER_PADDING_CM = 4;
export const CLUSTER_TITLE_CM = 10;
/** Gap between notes laid out in a grid. */
const GAP_CM = 4;
const STEP = NOTE_SIZE_CM + GAP_CM;

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/** A note's centre kept on the board (the whole note stays visible). */
export function clampNote(board: Pick<BoardDoc, "width" | "height">, x: number, y: number): { x: number; y: number } {
  return {
    x: Math.round(clamp(x, HALF, board.width - HALF)),
    y: Math.round(clamp(y, HALF, board.height - HALF)),
  };
}

export function clusterContains(cluster: Pick<ClusterDoc, "x" | "y" | "width" | "height">, x: number, y: number) {
  return x >= cluster.x && x <= cluster.x + cluster.width && y >= cluster.y && y <= cluster.y + cluster.height;
}

/** The cluster a note dropped at (x, y) lands in: the newest one containing the point, or none. */
export function clusterAt(clusters: readonly ClusterDoc[], x: number, y: number): ClusterDoc | undefined {
  let best: ClusterDoc | undefined;
  for (const cluster of clusters) {
    if (clusterContains(cluster, x, y) && (!best || cluster.createdAt >= best.createdAt)) best = cluster;
  }
  return best;
}

/**
 * Moves a cluster's frame to a new top-left corner, kept on the board, and its notes by the same
 * amount, so the group travels together. Returns the moved cluster and the moved notes.
 */
export function moveCluster(
  board: Pick<BoardDoc, "width" | "height">,
  cluster: ClusterDoc,
  members: readonly NoteDoc[],
  x: number,
  y: number,
): { cluster: ClusterDoc; notes: NoteDoc[] } {
  const nx = Math.round(clamp(x, 0, Math.max(0, board.width - cluster.width)));
  const ny = Math.round(clamp(y, 0, Math.max(0, board.height - cluster.height)));
  const dx = nx - cluster.x;
  const dy = ny - cluster.y;
  return {
    cluster: { ...cluster, x: nx, y: ny },
    notes: members.map((note) => ({ ...note, ...clampNote(board, note.x + dx, note.y + dy) })),
  };
}

/** The smallest frame (with padding and a title strip) around some notes. */
export function frameAround(notes: readonly Pick<NoteDoc, "x" | "y">[]): {
  x: number;
  y: number;
  width: number;
  height: number;
} {
  const minX = Math.min(...notes.map((n) => n.x)) - HALF - CLUSTER_PADDING_CM;
  const maxX = Math.max(...notes.map((n) => n.x)) + HALF + CLUSTER_PADDING_CM;
  const minY = Math.min(...notes.map((n) => n.y)) - HALF - CLUSTER_PADDING_CM - CLUSTER_TITLE_CM;
  const maxY = Math.max(...notes.map((n) => n.y)) + HALF + CLUSTER_PADDING_CM;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Grows a cluster's frame so it still holds every member (never shrinks it), kept on the board. */
export function fitCluster(
  board: Pick<BoardDoc, "width" | "height">,
  cluster: ClusterDoc,
  members: readonly NoteDoc[],
): ClusterDoc {
  if (members.length === 0) return cluster;
  const around = frameAround(members);
  const x = Math.max(0, Math.min(cluster.x, around.x));
  const y = Math.max(0, Math.min(cluster.y, around.y));
  const right = Math.min(board.width, Math.max(cluster.x + cluster.width, around.x + around.width));
  const bottom = Math.min(board.height, Math.max(cluster.y + cluster.height, around.y + around.height));
  const fitted = { ...cluster, x, y, width: right - x, height: bottom - y };
  return fitted.x === cluster.x &&
    fitted.y === cluster.y &&
    fitted.width === cluster.width &&
    fitted.height === cluster.height
    ? cluster
    : fitted;
}

function overlaps(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  return Math.abs(a.x - b.x) < NOTE_SIZE_CM && Math.abs(a.y - b.y) < NOTE_SIZE_CM;
}

/**
 * A free spot in a rectangle of the board, scanning a grid row by row; the last cell of the area
 * when everything is taken (notes may then overlap, as on a real wall).
 */
export function freeSpotIn(
  area: { x: number; y: number; width: number; height: number },
  taken: readonly Pick<NoteDoc, "x" | "y">[],
): { x: number; y: number } {
  const columns = Math.max(1, Math.floor((area.width - GAP_CM) / STEP));
  const rows = Math.max(1, Math.floor((area.height - GAP_CM) / STEP));
  let last = { x: area.x + GAP_CM + HALF, y: area.y + GAP_CM + HALF };
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const spot = { x: area.x + GAP_CM + HALF + column * STEP, y: area.y + GAP_CM + HALF + row * STEP };
      if (!taken.some((n) => overlaps(n, spot))) return spot;
      last = spot;
    }
  }
  return last;
}

/** The next free slot inside a cluster's frame (below the title strip), growing the frame downwards if needed. */
export function slotInCluster(
  board: Pick<BoardDoc, "width" | "height">,
  cluster: ClusterDoc,
  members: readonly NoteDoc[],
): { x: number; y: number } {
  const inner = {
    x: cluster.x + CLUSTER_PADDING_CM - GAP_CM,
    y: cluster.y + CLUSTER_TITLE_CM + CLUSTER_PADDING_CM - GAP_CM,
    width: Math.max(STEP + GAP_CM, cluster.width - 2 * CLUSTER_PADDING_CM + 2 * GAP_CM),
    // Room for as many rows as could ever be needed; fitCluster grows the frame afterwards.
    height: board.height,
  };
  const spot = freeSpotIn(inner, members);
  return clampNote(board, spot.x, spot.y);
}

/** A new, empty cluster's frame at a point (its top-left), sized for a row of three notes. */
export function emptyClusterFrame(
  board: Pick<BoardDoc, "width" | "height">,
  x: number,
  y: number,
): { x: number; y: number; width: number; height: number } {
  const width = 3 * STEP + 2 * CLUSTER_PADDING_CM;
  const height = STEP + CLUSTER_TITLE_CM + 2 * CLUSTER_PADDING_CM;
  return {
    x: Math.round(clamp(x, 0, Math.max(0, board.width - width))),
    y: Math.round(clamp(y, 0, Math.max(0, board.height - height))),
    width: Math.min(width, board.width),
    height: Math.min(height, board.height),
  };
}

/** A board's place in the lab. */
export interface BoardPlacement {
  x: number;
  z: number;
  yaw: number;
  width: number;
  height: number;
}

/** Degrees of yaw that turn a board's front (local +z) towards a point. */
function facing(fromX: number, fromZ: number, toX: number, toZ: number): number {
  return Math.round((Math.atan2(toX - fromX, toZ - fromZ) * 180) / Math.PI);
}

/** The board on the note wall, just in front of it, facing into the room. */
export function wallBoardPlacement(): BoardPlacement {
  const { noteWall } = LAB;
  return {
    x: Math.round(noteWall.x * 100),
    z: Math.round((noteWall.z - 0.06) * 100),
    yaw: 180,
    width: Math.round((noteWall.width - 0.4) * 100),
    height: Math.round((noteWall.height - 0.3) * 100),
  };
}

/** A zone's own board: at the zone's outer edge (towards the nearer side wall), facing its centre. */
export function zoneBoardPlacement(area: Pick<BreakoutArea, "x" | "z" | "radius">): BoardPlacement {
  const side = area.x < 0 ? -1 : 1;
  const x = area.x + side * (area.radius - 0.5);
  return {
    x: Math.round(x * 100),
    z: Math.round(area.z * 100),
    yaw: facing(x, area.z, area.x, area.z),
    width: 260,
    height: 160,
  };
}

/** Centre of a board in world metres, for the 3D view. */
export function boardCentre(board: Pick<BoardDoc, "x" | "z" | "height">): { x: number; y: number; z: number } {
  return { x: board.x / 100, y: BOARD_BOTTOM_M + board.height / 200, z: board.z / 100 };
}

/** True when a board placed here stands inside the lab's walls. */
export function placementInside(placement: Pick<BoardPlacement, "x" | "z">): boolean {
  const { walls } = LAB;
  const x = placement.x / 100;
  const z = placement.z / 100;
  return x >= walls.minX && x <= walls.maxX && z >= walls.minZ && z <= walls.maxZ;
}

// --- how big a note's text is, and how far it can be read ---

/**
 * Advance widths of Noto Sans (the note font) in ems, for estimating how text wraps without a
 * canvas: lower-case letters as in the font, anything else by its kind, wide ones rounded up so
 * that estimates err towards fitting.
 */
const LOWER_EM: Record<string, number> = {
  a: 0.56,
  b: 0.62,
  c: 0.48,
  d: 0.62,
  e: 0.57,
  f: 0.35,
  g: 0.62,
  h: 0.62,
  i: 0.26,
  j: 0.26,
  k: 0.54,
  l: 0.26,
  m: 0.94,
  n: 0.62,
  o: 0.61,
  p: 0.62,
  q: 0.62,
  r: 0.42,
  s: 0.48,
  t: 0.37,
  u: 0.62,
  v: 0.53,
  w: 0.8,
  x: 0.53,
  y: 0.53,
  z: 0.48,
  ä: 0.56,
  ö: 0.61,
  å: 0.56,
  " ": 0.26,
};

/** Estimated width of some text in ems. */
export function textWidthEm(text: string): number {
  let em = 0;
  for (const char of text) {
    const lower = LOWER_EM[char];
    if (lower !== undefined) em += lower;
    else if (/[.,:;'!|ilI]/.test(char)) em += 0.3;
    else if (/[MWÆŒ@%]/.test(char)) em += 0.95;
    else if (/\p{Lu}/u.test(char)) em += 0.7;
    else em += 0.62;
  }
  return em;
}

/** Line height of note text, in ems. */
export const NOTE_LINE_EM = 1.15;
/** Cap height of Noto Sans, in ems (714 of 1000 units). */
const CAP_EM = 0.714;
/**
 * Where a note's text goes on the note, cm: the side less 2 cm each side, and a strip at the top
 * (for the vote's dot badge) and one at the bottom (the author's name). `authorY` is the centre of
 * the author strip, below the note's centre.
 */
export const NOTE_TEXT_BOX_CM = {
  width: NOTE_SIZE_CM - 4,
  height: NOTE_SIZE_CM - 10,
  authorY: -(NOTE_SIZE_CM / 2 - 2.6),
  authorSize: 2.4,
} as const;
/** Font sizes a note's text may take (cm per em), largest first: about 10 % apart. */
const NOTE_TEXT_SIZES_CM = [8, 7.2, 6.5, 5.8, 5.2, 4.7, 4.2, 3.8, 3.4, 3.1, 2.8, 2.5, 2.2];

/**
 * Lines the text needs at a font size in a width (greedy word wrap by estimated widths); Infinity
 * when a word is wider than a line and `breakWords` is false.
 */
export function estimatedLines(text: string, fontCm: number, widthCm: number, breakWords = true): number {
  const width = widthCm / fontCm;
  const space = textWidthEm(" ");
  let lines = 0;
  let used = -1;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = textWidthEm(word);
    if (used >= 0 && used + space + w <= width) {
      used += space + w;
      continue;
    }
    if (used >= 0) lines++;
    if (w > width) {
      if (!breakWords) return Infinity;
      lines += Math.floor(w / width);
      w %= width;
    }
    used = w;
  }
  return lines + (used >= 0 ? 1 : 0);
}

/**
 * The largest font size (cm per em) at which a note's text fills its text box without spilling: a
 * short note gets big letters with few characters a line, so that it reads from afar; a long one
 * as much as fits. Words are kept whole when any size allows it (Finnish compounds are long).
 */
export function noteTextSize(text: string): number {
  const { width, height } = NOTE_TEXT_BOX_CM;
  for (const breakWords of [false, true]) {
    for (const size of NOTE_TEXT_SIZES_CM) {
      if (estimatedLines(text, size, width, breakWords) * size * NOTE_LINE_EM <= height) return size;
    }
  }
  return NOTE_TEXT_SIZES_CM[NOTE_TEXT_SIZES_CM.length - 1]!;
}

/** The angle (degrees) that the capital letters of text of this size (cm per em) make at a distance (m). */
export function capAngleDeg(fontCm: number, distanceM: number): number {
  return (Math.atan((CAP_EM * fontCm) / 100 / distanceM) * 180) / Math.PI;
}

/** The farthest (m) that text of this size is read at a given cap angle (degrees). */
export function readingDistanceM(fontCm: number, capDeg: number): number {
  return (CAP_EM * fontCm) / 100 / Math.tan((capDeg * Math.PI) / 180);
}

/**
 * How far the note wall's board is from people in the plenary, m, eye to the board's centre: from
 * the circle's edge nearest the wall, its centre, and its far edge.
 */
export function plenaryToWallM(): { near: number; centre: number; far: number } {
  const { plenary, eyeHeight } = LAB;
  const board = wallBoardPlacement();
  const dy = BOARD_BOTTOM_M + board.height / 200 - eyeHeight;
  const at = (z: number) => Math.hypot(board.x / 100 - plenary.x, board.z / 100 - z, dy);
  return { near: at(plenary.z + plenary.radius), centre: at(plenary.z), far: at(plenary.z - plenary.radius) };
}

/** Plenary boards draw their notes this far (m), so that everyone standing in the plenary sees them. */
export const PLENARY_CONTENT_RANGE_M = Math.ceil(plenaryToWallM().far + 1);
