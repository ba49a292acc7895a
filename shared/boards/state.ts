import { schema, t, type SchemaType } from "@colyseus/schema";

/**
 * The boards as clients receive them: a projection of the document (model.ts) that the server keeps
 * in step. Everything on a board — notes, clusters, votes — is `.view()`: it reaches only the
 * clients the server adds it for (see shared/boards/visibility.ts), so a zone's notes, a private
 * round's notes and nobody's anonymous authorship ever leave the server for anyone else.
 */

export const NoteState = schema(
  {
    text: t.string(),
    color: t.uint8(),
    x: t.int16(),
    y: t.int16(),
    clusterId: t.string(),
    /** "" for an anonymous note: the name is never sent, to anyone. */
    authorName: t.string(),
    anonymous: t.boolean(),
    /** Still private to its author (a running private round). */
    hidden: t.boolean(),
    createdAt: t.float64(),
  },
  "Note",
);
export type NoteState = SchemaType<typeof NoteState>;

export const ClusterState = schema(
  {
    title: t.string(),
    x: t.int16(),
    y: t.int16(),
    width: t.int16(),
    height: t.int16(),
  },
  "Cluster",
);
export type ClusterState = SchemaType<typeof ClusterState>;

export const VoteResultState = schema(
  {
    noteId: t.string(),
    text: t.string(),
    count: t.uint16(),
    rank: t.uint16(),
    /** Names of those who voted for it, one per line; "" in an anonymous vote. */
    voters: t.string(),
  },
  "VoteResult",
);
export type VoteResultState = SchemaType<typeof VoteResultState>;

export const VoteState = schema(
  {
    perPerson: t.uint8(),
    maxPerNote: t.uint8(),
    anonymous: t.boolean(),
    startedAt: t.float64(),
    /** 0 when there is no time limit. */
    endsAt: t.float64(),
    /** 0 while the vote is open. */
    endedAt: t.float64(),
    noteIds: t.array("string"),
    /** How many people have placed at least one dot (not where: that stays hidden until the end). */
    voters: t.uint16(),
    /** Empty until the vote ends; then best first. */
    results: t.array(VoteResultState),
  },
  "Vote",
);
export type VoteState = SchemaType<typeof VoteState>;

export const BoardState = schema(
  {
    title: t.string(),
    /** "wall" | "zone" | "custom": which default name to show when the title is empty. */
    preset: t.string(),
    zoneId: t.string(),
    x: t.int16(),
    z: t.int16(),
    yaw: t.int16(),
    width: t.uint16(),
    height: t.uint16(),
    locked: t.boolean(),
    clustering: t.boolean(),
    /** "" | "open" | "anonymous": the private round running now. */
    round: t.string(),
    roundStartedAt: t.float64(),
    /** Every note on the board, including ones still private: progress without content. */
    noteCount: t.uint16(),
    order: t.int16(),
    notes: t.map(NoteState).view(),
    clusters: t.map(ClusterState).view(),
    votes: t.map(VoteState).view(),
  },
  "Board",
);
export type BoardState = SchemaType<typeof BoardState>;

/**
 * What is private to one person: which notes are theirs, and their own dots in each open vote.
 * Flat maps on purpose: they exist before the object enters its owner's view, so every later entry
 * travels with it (a collection nested inside an object added later would not).
 */
export const MineState = schema(
  {
    notes: t.map("boolean"),
    /** Dots placed, by vote id. */
    used: t.map("uint8"),
    /** Dots on a note, by `${voteId}/${noteId}`. */
    dots: t.map("uint8"),
  },
  "BoardsMine",
);
export type MineState = SchemaType<typeof MineState>;
