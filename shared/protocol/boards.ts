import { z } from "zod";
import {
  BOARD_MAX_CM,
  BOARD_MIN_CM,
  BOARD_TITLE_MAX,
  CLUSTER_TITLE_MAX,
  NOTE_COLORS,
  NOTE_TEXT_MAX,
  VOTE_LIMITS,
  docIdSchema,
  zoneIdSchema,
} from "../boards/model";
import { plainText } from "./common";

/** On-board coordinates (cm from the top-left corner); the rules clamp them to the board. */
const boardCm = z.number().int().min(-2000).max(2000);
/** Lab coordinates of a board (cm); the rules check they are inside the walls. */
const labCm = z.number().int().min(-5000).max(5000);

export const noteTextSchema = plainText(NOTE_TEXT_MAX);
export const noteColorSchema = z
  .number()
  .int()
  .min(0)
  .max(NOTE_COLORS.length - 1);
export const boardTitleSchema = plainText(BOARD_TITLE_MAX, 0);
export const clusterTitleSchema = plainText(CLUSTER_TITLE_MAX, 0);

const placement = {
  x: labCm,
  z: labCm,
  yaw: z.number().int().min(-180).max(180),
  width: z.number().int().min(BOARD_MIN_CM.width).max(BOARD_MAX_CM.width),
  height: z.number().int().min(BOARD_MIN_CM.height).max(BOARD_MAX_CM.height),
};

export const boardsMessages = {
  /** Facilitator: put up a new board, in the plenary ("") or in a zone. */
  "boards.create": z.object({ title: boardTitleSchema, zoneId: zoneIdSchema, ...placement }).strict(),
  /** Facilitator: rename, move, resize, lock, give to a zone, or let participants cluster. */
  "boards.update": z
    .object({
      boardId: docIdSchema,
      title: boardTitleSchema.optional(),
      zoneId: zoneIdSchema.optional(),
      x: placement.x.optional(),
      z: placement.z.optional(),
      yaw: placement.yaw.optional(),
      width: placement.width.optional(),
      height: placement.height.optional(),
      locked: z.boolean().optional(),
      clustering: z.boolean().optional(),
    })
    .strict(),
  /** Facilitator: take a board down with everything on it. */
  "boards.remove": z.object({ boardId: docIdSchema }).strict(),
  /** Facilitator: start a private writing round on a board, or reveal (and end) the running one. */
  "boards.round": z.discriminatedUnion("action", [
    z.object({ action: z.literal("start"), boardId: docIdSchema, anonymous: z.boolean() }).strict(),
    z.object({ action: z.literal("reveal"), boardId: docIdSchema }).strict(),
  ]),
  /** Write a note; without a position it goes to the first free spot. */
  "boards.addNote": z
    .object({
      boardId: docIdSchema,
      text: noteTextSchema,
      color: noteColorSchema,
      x: boardCm.optional(),
      y: boardCm.optional(),
    })
    .strict(),
  /** Author or facilitator: change a note's text or colour. */
  "boards.editNote": z
    .object({ noteId: docIdSchema, text: noteTextSchema.optional(), color: noteColorSchema.optional() })
    .strict(),
  /** Drop a note at a new spot; landing inside a cluster's frame puts it in that cluster. */
  "boards.moveNote": z.object({ noteId: docIdSchema, x: boardCm, y: boardCm }).strict(),
  /** Author or facilitator: delete a note. */
  "boards.removeNote": z.object({ noteId: docIdSchema }).strict(),
  /** Put a note into a cluster ("" takes it out): the keyboard way of dragging it there. */
  "boards.clusterNote": z.object({ noteId: docIdSchema, clusterId: z.union([docIdSchema, z.literal("")]) }).strict(),
  /** Make a cluster: around some notes, or empty at a spot. */
  "boards.addCluster": z
    .object({
      boardId: docIdSchema,
      title: clusterTitleSchema,
      noteIds: z.array(docIdSchema).max(100).optional(),
      x: boardCm.optional(),
      y: boardCm.optional(),
    })
    .strict(),
  "boards.renameCluster": z.object({ clusterId: docIdSchema, title: clusterTitleSchema }).strict(),
  /** Move a cluster's frame (its top-left corner); its notes move with it. */
  "boards.moveCluster": z.object({ clusterId: docIdSchema, x: boardCm, y: boardCm }).strict(),
  /** Dissolve a cluster; its notes stay where they are. */
  "boards.removeCluster": z.object({ clusterId: docIdSchema }).strict(),
  /** Facilitator: start a dot vote over the board's notes. */
  "boards.startVote": z
    .object({
      boardId: docIdSchema,
      perPerson: z.number().int().min(VOTE_LIMITS.perPerson.min).max(VOTE_LIMITS.perPerson.max),
      maxPerNote: z.number().int().min(VOTE_LIMITS.maxPerNote.min).max(VOTE_LIMITS.maxPerNote.max),
      anonymous: z.boolean(),
      /** 0: until the facilitator ends it. */
      durationSeconds: z.union([
        z.literal(0),
        z.number().int().min(VOTE_LIMITS.duration.min).max(VOTE_LIMITS.duration.max),
      ]),
    })
    .strict(),
  /** Place (+1) or take back (-1) one dot on a note. */
  "boards.dot": z
    .object({ voteId: docIdSchema, noteId: docIdSchema, delta: z.union([z.literal(1), z.literal(-1)]) })
    .strict(),
  /** Facilitator: end a vote and show its results. */
  "boards.endVote": z.object({ voteId: docIdSchema }).strict(),
} as const;

export const boardsServerMessages = {} as const;
