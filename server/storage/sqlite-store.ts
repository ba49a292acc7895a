import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { tmpdir } from "node:os";
import Database from "better-sqlite3";
import { FileDir } from "./file-dir";
import { MIGRATIONS } from "./migrations";
import {
  DuplicateSessionCodeError,
  type FeedbackRecord,
  type SessionRecord,
  type SessionStore,
  type StoredRecord,
  ProcessClaims,
  type SessionClaim,
  type TimelineEntry,
} from "./store";
import { toRecord, toStored, type RecordRow, type SessionRow } from "./sql-rows";

/** Runs every migration newer than the database's recorded version, each in its own transaction. */
export function migrate(db: Database.Database, migrations: readonly string[] = MIGRATIONS): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`database schema version ${current} is newer than this server (${migrations.length})`);
  }
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return migrations.length;
}

/**
 * The embedded default: one SQLite file, written synchronously so an acknowledged change survives
 * `kill -9`; uploaded files sit beside it in `files/<session code>/`.
 */
export class SqliteSessionStore implements SessionStore {
  private readonly claims = new ProcessClaims();
  private readonly db: Database.Database;
  private readonly statements;
  private readonly files: FileDir;

  constructor(file: string, filesDir?: string) {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    this.files = new FileDir(
      filesDir ??
        (file === ":memory:" ? join(tmpdir(), `yhteistila-files-${process.pid}`) : join(dirname(file), "files")),
    );
    this.db = new Database(file);
    try {
      // A database written by a newer server is refused before anything about it is changed.
      migrate(this.db);
      this.db.pragma("journal_mode = WAL");
      // FULL: every commit reaches the disk before we acknowledge it.
      this.db.pragma("synchronous = FULL");
      this.db.pragma("foreign_keys = ON");
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.statements = {
      insert: this.db.prepare(
        "INSERT INTO sessions (code, title, facilitator_hash, created_at, ended_at) VALUES (@code, @title, @facilitatorHash, @createdAt, @endedAt)",
      ),
      get: this.db.prepare<[string], SessionRow>("SELECT * FROM sessions WHERE code = ?"),
      rename: this.db.prepare("UPDATE sessions SET title = ? WHERE code = ?"),
      setCoachHash: this.db.prepare("UPDATE sessions SET coach_hash = ? WHERE code = ?"),
      getCoachHash: this.db.prepare<[string], { coach_hash: string | null }>(
        "SELECT coach_hash FROM sessions WHERE code = ?",
      ),
      end: this.db.prepare("UPDATE sessions SET ended_at = ? WHERE code = ? AND ended_at IS NULL"),
      delete: this.db.prepare("DELETE FROM sessions WHERE code = ?"),
      saveRecord: this.db.prepare(
        `INSERT INTO records (session_code, kind, id, data, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (session_code, kind, id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      ),
      deleteRecord: this.db.prepare("DELETE FROM records WHERE session_code = ? AND kind = ? AND id = ?"),
      loadRecords: this.db.prepare<[string], RecordRow>(
        "SELECT kind, id, data, updated_at FROM records WHERE session_code = ? ORDER BY updated_at, rowid",
      ),
      getRecord: this.db.prepare<[string, string, string], RecordRow>(
        "SELECT kind, id, data, updated_at FROM records WHERE session_code = ? AND kind = ? AND id = ?",
      ),
      appendTimeline: this.db.prepare("INSERT INTO timeline (session_code, at, data) VALUES (?, ?, ?)"),
      loadTimeline: this.db.prepare<[string], { at: number; data: string }>(
        "SELECT at, data FROM timeline WHERE session_code = ? ORDER BY rowid",
      ),
      saveFeedback: this.db.prepare(
        `INSERT INTO accessibility_feedback (id, received_at, message, contact, about, locale)
         VALUES (@id, @receivedAt, @message, @contact, @about, @locale)`,
      ),
      listFeedback: this.db.prepare<[], FeedbackRecord>(
        `SELECT id, received_at AS receivedAt, message, contact, about, locale
         FROM accessibility_feedback ORDER BY received_at, rowid`,
      ),
      idle: this.db.prepare<[number], { code: string }>(
        `SELECT code FROM (
           SELECT s.code AS code,
                  max(s.created_at, coalesce(s.ended_at, 0),
                      coalesce((SELECT max(r.updated_at) FROM records r WHERE r.session_code = s.code), 0)) AS active_at
           FROM sessions s)
         WHERE active_at < ? ORDER BY active_at`,
      ),
    };
  }

  async createSession(record: SessionRecord): Promise<void> {
    try {
      this.statements.insert.run(record);
    } catch (error) {
      if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
        throw new DuplicateSessionCodeError(record.code);
      }
      throw error;
    }
  }

  async getSession(code: string): Promise<SessionRecord | undefined> {
    const row = this.statements.get.get(code);
    return row ? toRecord(row) : undefined;
  }

  async renameSession(code: string, title: string): Promise<void> {
    this.statements.rename.run(title, code);
  }

  async setCoachHash(code: string, hash: string | null): Promise<void> {
    this.statements.setCoachHash.run(hash, code);
  }

  async getCoachHash(code: string): Promise<string | undefined> {
    return this.statements.getCoachHash.get(code)?.coach_hash ?? undefined;
  }

  async endSession(code: string, at: number): Promise<void> {
    this.statements.end.run(at, code);
  }

  async deleteSession(code: string): Promise<void> {
    // Rows first (records go with the session by cascade), then the files: a crash in between leaves
    // only unreachable files, which the next delete of the same code (or retention) would not miss.
    this.statements.delete.run(code);
    this.files.deleteSession(code);
  }

  async saveRecord(code: string, record: StoredRecord): Promise<void> {
    this.statements.saveRecord.run(code, record.kind, record.id, JSON.stringify(record.data), record.updatedAt);
  }

  async deleteRecord(code: string, kind: string, id: string): Promise<void> {
    this.statements.deleteRecord.run(code, kind, id);
  }

  private readonly writeMany = (
    code: string,
    put: readonly StoredRecord[],
    remove: readonly { kind: string; id: string }[],
    timeline: readonly TimelineEntry[],
  ): void => {
    this.db.transaction(() => {
      for (const record of put) {
        this.statements.saveRecord.run(code, record.kind, record.id, JSON.stringify(record.data), record.updatedAt);
      }
      for (const { kind, id } of remove) this.statements.deleteRecord.run(code, kind, id);
      for (const entry of timeline) this.statements.appendTimeline.run(code, entry.at, JSON.stringify(entry.data));
    })();
  };

  async writeRecords(
    code: string,
    put: readonly StoredRecord[],
    remove: readonly { kind: string; id: string }[],
    timeline: readonly TimelineEntry[] = [],
  ): Promise<void> {
    this.writeMany(code, put, remove, timeline);
  }

  async appendTimeline(code: string, entries: readonly TimelineEntry[]): Promise<void> {
    if (entries.length > 0) this.writeMany(code, [], [], entries);
  }

  async loadTimeline(code: string): Promise<TimelineEntry[]> {
    return this.statements.loadTimeline.all(code).map((row) => ({ at: row.at, data: JSON.parse(row.data) as unknown }));
  }

  async getRecord(code: string, kind: string, id: string): Promise<StoredRecord | undefined> {
    const row = this.statements.getRecord.get(code, kind, id);
    return row ? toStored(row) : undefined;
  }

  async loadRecords(code: string): Promise<StoredRecord[]> {
    return this.statements.loadRecords.all(code).map(toStored);
  }

  async putFile(code: string, id: string, bytes: Uint8Array): Promise<void> {
    this.files.put(code, id, bytes);
  }

  getFile(code: string, id: string): Promise<Uint8Array | undefined> {
    return this.files.get(code, id);
  }

  deleteFile(code: string, id: string): Promise<void> {
    return this.files.delete(code, id);
  }

  async sessionsIdleSince(cutoff: number): Promise<string[]> {
    return this.statements.idle.all(cutoff).map((row) => row.code);
  }

  async saveFeedback(feedback: FeedbackRecord): Promise<void> {
    this.statements.saveFeedback.run(feedback);
  }

  async listFeedback(): Promise<FeedbackRecord[]> {
    return this.statements.listFeedback.all();
  }

  claimSession(code: string): Promise<SessionClaim | undefined> {
    return this.claims.claim(code);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
