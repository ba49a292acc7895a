/**
 * The debrief timeline's encoding (issue 11): compact events the server appends while a facilitator
 * has the timeline on, each stored as `{ at, data }` (server/storage TimelineEntry). People are small
 * numbers (`p`) given on joining, positions centimetres, so a 90-minute workshop of 60 stays a few MB.
 * Document changes are the stored records themselves, minus what the log must never hold (see
 * `loggedRecord`). No audio, no video and no per-person speaking figures are ever in it.
 */

/** A record as the log keeps it: kind, id, and its data, or null when it was deleted. */
export type RecordChange = [kind: string, id: string, data: Record<string, unknown> | null];

/**
 * One person in a snapshot: number, name, role, colour, zone ("" plenary), x cm, z cm, hand up (1) or
 * not (0), and the meeting room they sat in when they took part from one (hybrid; absent for a remote
 * person, and in logs kept before rooms were logged).
 */
export type PersonSnap = [
  p: number,
  name: string,
  role: string,
  color: number,
  zone: string,
  x: number,
  z: number,
  hand: 0 | 1,
  room?: string,
];

export interface Snapshot {
  records: RecordChange[];
  people: PersonSnap[];
}

export type TimelineEvent =
  /** The timeline was switched on, or its room opened again while it was on: everything as it is now. */
  | { e: "start"; snap: Snapshot }
  /** A facilitator switched it off: nothing is known until the next start. */
  | { e: "stop" }
  /** The log reached its size bound: nothing more is kept (see TIMELINE_LIMITS). */
  | { e: "full" }
  /** Records changed, in the same transaction as the change itself. */
  | { e: "rec"; r: RecordChange[] }
  | { e: "join"; p: PersonSnap }
  | { e: "leave"; p: number }
  | { e: "zone"; p: number; z: string }
  /**
   * These people take part from meeting room `r` from now on ("" remotely): their room was removed
   * or renamed during the session (hybrid). A join or start names the room they sat in then.
   */
  | { e: "room"; p: number[]; r: string }
  /** Positions of those who moved since the last sample: triples of person, Δx cm, Δz cm. */
  | { e: "pos"; d: number[] }
  | { e: "hand"; p: number; up: 0 | 1 }
  | { e: "react"; p: number; k: string }
  /**
   * Speech counted in one zone since the previous collection, ms per organisation: never per person
   * (shared/coaching/speaking.ts; the per-person figures are live only).
   */
  | { e: "speak"; z: string; o: [organisation: string, ms: number][] };

/** An event with its server time (ms): the form the debrief reads. */
export type TimelineItem = TimelineEvent & { at: number };

export const TIMELINE_LIMITS = {
  /** Positions are sampled at most this often, and only for people who moved. */
  sampleMs: 1000,
  /** Past this many bytes of log, positions are no longer kept (everything else still is). */
  positionsUpToBytes: 16 * 1024 * 1024,
  /** Past this, nothing more is kept: a runaway session cannot fill the disk. */
  maxBytes: 20 * 1024 * 1024,
} as const;

/**
 * The record kinds the debrief replays. Ballots (who put which dots where) are left out: the vote's
 * results are in its own record when it ends, as the room showed them. Files and settings are not events.
 */
export const LOGGED_KINDS: ReadonlySet<string> = new Set([
  "board",
  "note",
  "cluster",
  "vote",
  "zone",
  "zone-layout",
  "breakout",
  "timer",
  "methods.run",
  "coaching.observation",
]);

/**
 * What the log keeps of a record, or undefined when it keeps nothing of it. A note's author
 * identity (its per-session uid) is never kept; an anonymous note keeps no author name either, and a
 * note still hidden in a private round keeps no text (its reveal is logged with the text, as the room showed it).
 */
export function loggedRecord(kind: string, data: unknown): Record<string, unknown> | undefined {
  if (!LOGGED_KINDS.has(kind) || typeof data !== "object" || data === null) return undefined;
  const copy = { ...(data as Record<string, unknown>) };
  delete copy.v;
  if (kind === "note") {
    delete copy.authorUid;
    if (copy.anonymous === true) copy.authorName = "";
    if (copy.hidden === true) copy.text = "";
  }
  if (kind === "vote" && Array.isArray(copy.results) && copy.anonymous === true) {
    copy.results = (copy.results as Record<string, unknown>[]).map((r) => ({ ...r, voters: [] }));
  }
  return copy;
}

/** Bytes an event takes in the log (its JSON), for the size bound. */
export function eventBytes(event: TimelineEvent, at: number): number {
  return JSON.stringify(event).length + String(at).length + 8;
}
