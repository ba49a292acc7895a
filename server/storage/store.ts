/**
 * Where sessions live between restarts. The room and the HTTP routes only see this interface;
 * SQLite (sqlite-store.ts) is the embedded default, and a server database can implement the same
 * contract for larger deployments (tests/storage runs one contract suite against every implementation).
 * Methods are async so that a networked database fits without changing callers.
 */
export interface SessionRecord {
  code: string;
  title: string;
  /** SHA-256 of the facilitator secret; the secret itself is never stored. */
  facilitatorHash: string;
  createdAt: number;
  endedAt: number | null;
}

/**
 * What a person wrote through the accessibility statement's feedback form. It belongs to no session,
 * so deleting or expiring sessions never takes it along: the operator must answer it.
 */
export interface FeedbackRecord {
  id: string;
  receivedAt: number;
  message: string;
  /** How to reach the writer for the answer; "" when they left none. */
  contact: string;
  /** The page or part of the service the feedback is about, in the writer's words; may be "". */
  about: string;
  /** The interface language the writer used, so the answer can be in it. */
  locale: string;
}

/**
 * One piece of a session's document (a zone, a board, a note, a vote…) as stored: the capability
 * that owns the `kind` encodes and decodes `data` (see records.ts), the store only keeps it.
 */
export interface StoredRecord {
  kind: string;
  id: string;
  /** `{ v: version, ...fields }`, as written by the record type. */
  data: unknown;
  updatedAt: number;
}

/**
 * One entry of a session's debrief timeline (server/timeline): what happened at `at` (server ms),
 * as the timeline's own encoding (shared/timeline/log.ts); the store only keeps entries in order.
 */
export interface TimelineEntry {
  at: number;
  data: unknown;
}

export interface SessionStore {
  createSession(record: SessionRecord): Promise<void>;
  getSession(code: string): Promise<SessionRecord | undefined>;
  renameSession(code: string, title: string): Promise<void>;
  /**
   * Sets (or with null, revokes) the SHA-256 of the session's coach secret (see server/coaching);
   * like the facilitator's, the secret itself is never stored. A no-op for a code it does not hold.
   */
  setCoachHash(code: string, hash: string | null): Promise<void>;
  /** The coach secret's hash, or undefined when the session has no coach link (or does not exist). */
  getCoachHash(code: string): Promise<string | undefined>;
  endSession(code: string, at: number): Promise<void>;
  /** Removes the session and everything stored with it: its records and its files. */
  deleteSession(code: string): Promise<void>;
  /** Creates or replaces one record; durable when the promise resolves. */
  saveRecord(code: string, record: StoredRecord): Promise<void>;
  deleteRecord(code: string, kind: string, id: string): Promise<void>;
  /**
   * Creates, replaces and deletes several records in one transaction: all of it is durable, or none.
   * `timeline` entries are appended in that same transaction, after every earlier entry.
   */
  writeRecords(
    code: string,
    put: readonly StoredRecord[],
    remove: readonly { kind: string; id: string }[],
    timeline?: readonly TimelineEntry[],
  ): Promise<void>;
  /** Appends entries to the session's timeline in one transaction; durable when the promise resolves. */
  appendTimeline(code: string, entries: readonly TimelineEntry[]): Promise<void>;
  /** The session's timeline, in the order it was written (deleted with the session). */
  loadTimeline(code: string): Promise<TimelineEntry[]>;
  getRecord(code: string, kind: string, id: string): Promise<StoredRecord | undefined>;
  /** Every record of a session, oldest change first. */
  loadRecords(code: string): Promise<StoredRecord[]>;
  /** Keeps an uploaded file's bytes (its description is a record); durable when the promise resolves. */
  putFile(code: string, id: string, bytes: Uint8Array): Promise<void>;
  getFile(code: string, id: string): Promise<Uint8Array | undefined>;
  deleteFile(code: string, id: string): Promise<void>;
  /**
   * Claims the right to open a session's room, so that two server processes never hold the same
   * session at once. Undefined while another holder has it. A claim dies with the process holding it.
   */
  claimSession(code: string): Promise<SessionClaim | undefined>;
  /** Codes of sessions with no change (creation, end, any record) since `cutoff` (ms), oldest first. */
  sessionsIdleSince(cutoff: number): Promise<string[]>;
  /** Keeps accessibility feedback; durable when the promise resolves. */
  saveFeedback(feedback: FeedbackRecord): Promise<void>;
  /** Every piece of accessibility feedback, oldest first. */
  listFeedback(): Promise<FeedbackRecord[]>;
  close(): Promise<void>;
}

/** Held while a session's room is open on this process; released when the room closes. */
export interface SessionClaim {
  release(): Promise<void>;
}

/** Claims within one process: enough where only one process can open the data (SQLite, memory). */
export class ProcessClaims {
  private readonly held = new Set<string>();

  async claim(code: string): Promise<SessionClaim | undefined> {
    if (this.held.has(code)) return undefined;
    this.held.add(code);
    return { release: async () => void this.held.delete(code) };
  }
}

/** Thrown when a new session's code is already taken (callers draw another code). */
export class DuplicateSessionCodeError extends Error {
  constructor(code: string) {
    super(`session code already exists: ${code}`);
  }
}
