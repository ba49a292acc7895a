import { LAB, type BreakoutArea } from "../space/layout";
import { BOARD_BOTTOM_M, NOTE_SIZE_CM, type BoardDoc, type ClusterDoc, type NoteDoc } from "./model";

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

/** Where a note added without a position (from the 2D view) goes: the first free spot outside clusters. */
export function freeSpotOnBoard(
  board: Pick<BoardDoc, "width" | "height">,
  notes: readonly Pick<NoteDoc, "x" | "y">[],
  clusters: readonly ClusterDoc[],
): { x: number; y: number } {
  const blocked = [
    ...notes,
    // Treat every cell inside a cluster as taken, so loose notes do not land in one by accident.
    ...clusters.flatMap((c) => {
      const cells: { x: number; y: number }[] = [];
      for (let x = c.x; x <= c.x + c.width + HALF; x += HALF) {
        for (let y = c.y; y <= c.y + c.height + HALF; y += HALF) cells.push({ x, y });
      }
      return cells;
    }),
  ];
  const spot = freeSpotIn({ x: 0, y: 0, width: board.width, height: board.height }, blocked);
  return clampNote(board, spot.x, spot.y);
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
