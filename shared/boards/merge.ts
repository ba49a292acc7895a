import { z } from "zod";
import { CLUSTER_PADDING_CM, CLUSTER_TITLE_CM, clampNote } from "./geometry";
import {
  BOARD_MAX_CM,
  BOARDS_MAX,
  CLUSTER_TITLE_MAX,
  NOTE_SIZE_CM,
  NOTES_PER_BOARD_MAX,
  NOTE_TEXT_MAX,
  clustersOfBoard,
  docIdSchema,
  newBoardDoc,
  notesOfBoard,
  type BoardsDoc,
  type ClusterDoc,
  type DocChange,
  type NoteDoc,
} from "./model";
import { nextReadingSpot } from "./placement";

/**
 * Boards that a method step joins or gathers, as pure functions over the boards document: the pairs'
 * boards merged onto the four's (1-2-4-All) and undone again by Back, and the harvest wall that
 * gathers copies of every table's tablecloth (World Café, Open Space). Each returns the document
 * changes and a small record of what it did, which the method's run stores with the step so that Back
 * can undo exactly that and nothing else.
 */

const cm = z.number().int().min(-32767).max(32767);

/** Where a note was before a merge carried it onto another board. */
export const noteTravelSchema = z.object({
  noteId: docIdSchema,
  boardId: docIdSchema,
  x: cm,
  y: cm,
  clusterId: z.string().max(32),
});
export type NoteTravel = z.infer<typeof noteTravelSchema>;

/** The harvest board a step put up, and the copies on it (Back takes them down if nobody added to it). */
export const harvestRecordSchema = z.object({
  boardId: docIdSchema,
  notes: z.array(docIdSchema).max(NOTES_PER_BOARD_MAX),
  clusters: z.array(docIdSchema).max(BOARDS_MAX),
});
export type HarvestRecord = z.infer<typeof harvestRecordSchema>;

/** What a step did to the boards beyond what people wrote, for Back. */
export const stepBoardsSchema = z.object({
  travel: z.array(noteTravelSchema).max(BOARDS_MAX * NOTES_PER_BOARD_MAX),
  harvest: harvestRecordSchema.nullable(),
  /** Notes the step wrote itself (Brainwriting's ideas put on their group's board); absent in older runs. */
  written: z
    .array(docIdSchema)
    .max(BOARDS_MAX * NOTES_PER_BOARD_MAX)
    .default([]),
});
export type StepBoards = z.infer<typeof stepBoardsSchema>;

const byReadingOrder = (a: NoteDoc, b: NoteDoc) => a.y - b.y || a.x - b.x || a.createdAt - b.createdAt;

/**
 * Carries the notes of `sources` (written at or after `since`) onto `target`, each to the next free
 * reading-order spot, so that the merged group finds both pairs' notes side by side and none on top of
 * another. A note leaves its cluster (the cluster belongs to the board it came from). When the target
 * is full the rest stay where they are: nothing is dropped to make room.
 */
export function mergeOntoBoard(
  doc: BoardsDoc,
  targetId: string,
  sourceIds: readonly string[],
  since: number,
  now: number,
): { changes: DocChange[]; travel: NoteTravel[] } {
  const target = doc.boards.get(targetId);
  if (!target) return { changes: [], travel: [] };
  const placed: Pick<NoteDoc, "x" | "y">[] = notesOfBoard(doc, targetId);
  const clusters = clustersOfBoard(doc, targetId);
  const changes: DocChange[] = [];
  const travel: NoteTravel[] = [];
  for (const sourceId of sourceIds) {
    if (sourceId === targetId || !doc.boards.has(sourceId)) continue;
    const notes = notesOfBoard(doc, sourceId)
      .filter((n) => n.createdAt >= since)
      .sort(byReadingOrder);
    for (const note of notes) {
      if (placed.length >= NOTES_PER_BOARD_MAX) break;
      const spot = nextReadingSpot(target, placed, clusters);
      placed.push(spot);
      travel.push({ noteId: note.id, boardId: sourceId, x: note.x, y: note.y, clusterId: note.clusterId });
      changes.push({
        kind: "note",
        id: note.id,
        value: { ...note, boardId: targetId, x: spot.x, y: spot.y, clusterId: "", updatedAt: now },
      });
    }
  }
  return { changes, travel };
}

/** A note a step writes for someone (an idea from a sheet): its text and its author, who stays anonymous. */
export interface WrittenIdea {
  text: string;
  author: string;
}

/**
 * Puts ideas on a board as anonymous notes, each on the next free reading-order spot, so a group finds
 * what it wrote elsewhere (Brainwriting's sheets) ready to cluster and vote on. Text longer than a
 * note holds is cut with an ellipsis (the sheet keeps it whole). A full board takes no more.
 */
export function writeIdeas(
  doc: BoardsDoc,
  boardId: string,
  ideas: readonly WrittenIdea[],
  now: number,
  newId: () => string,
): { changes: DocChange[]; written: string[] } {
  const board = doc.boards.get(boardId);
  if (!board) return { changes: [], written: [] };
  const placed: Pick<NoteDoc, "x" | "y">[] = notesOfBoard(doc, boardId);
  const clusters = clustersOfBoard(doc, boardId);
  const changes: DocChange[] = [];
  const written: string[] = [];
  for (const idea of ideas) {
    if (placed.length >= NOTES_PER_BOARD_MAX) break;
    const spot = nextReadingSpot(board, placed, clusters);
    placed.push(spot);
    const text = idea.text.length > NOTE_TEXT_MAX ? `${idea.text.slice(0, NOTE_TEXT_MAX - 1)}…` : idea.text;
    const note: NoteDoc = {
      id: newId(),
      boardId,
      text,
      color: 0,
      x: spot.x,
      y: spot.y,
      clusterId: "",
      authorUid: idea.author,
      authorName: "",
      hidden: false,
      anonymous: true,
      createdAt: now,
      updatedAt: now,
    };
    changes.push({ kind: "note", id: note.id, value: note });
    written.push(note.id);
  }
  return { changes, written };
}

/** Back after a step wrote notes: they come off again (what they were copied from still holds them). */
export function unwrite(doc: BoardsDoc, written: readonly string[]): DocChange[] {
  return written.filter((id) => doc.notes.has(id)).map((id): DocChange => ({ kind: "note", id, value: null }));
}

/**
 * Back after a merge: every note that travelled goes home to the board, place and cluster it came
 * from. A note deleted since stays deleted (someone chose that); one whose home board is gone stays
 * on the merged board. Notes written on the merged board after the merge stay there.
 */
export function returnTravelled(doc: BoardsDoc, travel: readonly NoteTravel[], now: number): DocChange[] {
  const changes: DocChange[] = [];
  for (const trip of travel) {
    const note = doc.notes.get(trip.noteId);
    const home = doc.boards.get(trip.boardId);
    if (!note || !home) continue;
    const cluster = doc.clusters.get(trip.clusterId);
    const clusterId = cluster && cluster.boardId === home.id ? cluster.id : "";
    changes.push({
      kind: "note",
      id: note.id,
      value: { ...note, boardId: home.id, ...clampNote(home, trip.x, trip.y), clusterId, updatedAt: now },
    });
  }
  return changes;
}

/** One tablecloth to gather: the board and the title its column gets on the harvest wall. */
export interface HarvestSource {
  boardId: string;
  title: string;
  /** Only the notes written in this window (an Open Space topic: its slot on its zone's board). */
  window?: { from: number; until: number | null };
}

/**
 * The harvest wall: one wide board in the plenary, on the floor between the southern zones, facing
 * the plenary circle (from its south side), so everyone can read it without walking into a zone.
 */
// As wide as a board may be; 1.8 m tall rather than the most, so that the notes (which fill each
// column from the top) hang at eye height and not above it.
export const HARVEST_PLACEMENT = { x: 0, z: 900, yaw: 180, width: BOARD_MAX_CM.width, height: 180 };

const STEP = NOTE_SIZE_CM + 6;

/**
 * Puts up the harvest wall: a new plenary board titled `title`, with one column (a titled cluster)
 * per tablecloth holding copies of its notes written at or after `since`. Copies keep their author,
 * anonymity and privacy (a note still hidden in a private round stays visible to its author only),
 * and the tablecloths themselves are left as they are. Null when the room already has the most boards
 * it may have, or there is nothing to gather.
 */
export function gatherHarvest(
  doc: BoardsDoc,
  sources: readonly HarvestSource[],
  title: string,
  since: number,
  now: number,
  newId: () => string,
): { changes: DocChange[]; harvest: HarvestRecord } | null {
  if (doc.boards.size >= BOARDS_MAX) return null;
  const tables = sources
    .filter((s) => doc.boards.has(s.boardId))
    .map((s) => ({
      ...s,
      notes: notesOfBoard(doc, s.boardId)
        .filter((n) => n.createdAt >= (s.window?.from ?? since))
        .filter((n) => s.window?.until == null || n.createdAt < s.window.until)
        .sort(byReadingOrder),
    }))
    .filter((s) => s.notes.length > 0)
    .slice(0, BOARDS_MAX);
  if (tables.length === 0) return null;
  const board = newBoardDoc(doc, { id: newId(), title, preset: "custom", zoneId: "", ...HARVEST_PLACEMENT }, now);
  const changes: DocChange[] = [{ kind: "board", id: board.id, value: board }];
  const harvest: HarvestRecord = { boardId: board.id, notes: [], clusters: [] };
  const columnWidth = Math.floor(board.width / tables.length);
  const inner = columnWidth - 2 * CLUSTER_PADDING_CM;
  const perRow = Math.max(1, Math.floor((inner + 6) / STEP));
  const rows = Math.max(1, Math.floor((board.height - CLUSTER_TITLE_CM - 2 * CLUSTER_PADDING_CM + 6) / STEP));
  const perColumn = Math.floor(NOTES_PER_BOARD_MAX / tables.length);
  tables.forEach((table, column) => {
    const cluster: ClusterDoc = {
      id: newId(),
      boardId: board.id,
      title: table.title.slice(0, CLUSTER_TITLE_MAX),
      x: column * columnWidth,
      y: 0,
      width: columnWidth,
      height: board.height,
      createdAt: now,
    };
    changes.push({ kind: "cluster", id: cluster.id, value: cluster });
    harvest.clusters.push(cluster.id);
    table.notes.slice(0, perColumn).forEach((note, i) => {
      // A column with more notes than fit in its grid starts over half a note lower, like a second layer.
      const layer = Math.floor(i / (perRow * rows));
      const cell = i % (perRow * rows);
      const x = cluster.x + CLUSTER_PADDING_CM + NOTE_SIZE_CM / 2 + (cell % perRow) * STEP + layer * 8;
      const y = CLUSTER_TITLE_CM + CLUSTER_PADDING_CM + NOTE_SIZE_CM / 2 + Math.floor(cell / perRow) * STEP + layer * 8;
      const copy: NoteDoc = {
        ...note,
        id: newId(),
        boardId: board.id,
        ...clampNote(board, x, y),
        clusterId: cluster.id,
        updatedAt: now,
      };
      changes.push({ kind: "note", id: copy.id, value: copy });
      harvest.notes.push(copy.id);
    });
  });
  return { changes, harvest };
}

/**
 * Back after a harvest: the wall comes down when it holds only the copies it was put up with (their
 * originals are still on the tablecloths). When anyone has added a note to it, it stays: nothing
 * written is lost.
 */
export function undoHarvest(doc: BoardsDoc, harvest: HarvestRecord): DocChange[] {
  if (!doc.boards.has(harvest.boardId)) return [];
  const copies = new Set(harvest.notes);
  const notes = notesOfBoard(doc, harvest.boardId);
  // A vote run on the wall is work too (its results are part of the record).
  if (notes.some((n) => !copies.has(n.id)) || [...doc.votes.values()].some((v) => v.boardId === harvest.boardId)) {
    return [];
  }
  return [
    ...notes.map((n): DocChange => ({ kind: "note", id: n.id, value: null })),
    ...clustersOfBoard(doc, harvest.boardId).map((c): DocChange => ({ kind: "cluster", id: c.id, value: null })),
    { kind: "board", id: harvest.boardId, value: null },
  ];
}
