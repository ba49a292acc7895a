import pg from "pg";
import {
  DuplicateSessionCodeError,
  type FeedbackRecord,
  type SessionClaim,
  type SessionRecord,
  type SessionStore,
  type StoredRecord,
  type TimelineEntry,
} from "./store";
import { toRecord, toStored, type RecordRow, type SessionRow } from "./sql-rows";

/**
 * Numbered, append-only schema changes for PostgreSQL (the SQLite ones are in migrations.ts; the two
 * dialects differ, the tables do not). Files are rows here, so every server process can serve them.
 * Record data stays text: jsonb would refuse a `\u0000` a person typed, and nothing queries inside it.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `CREATE TABLE sessions (
     code text PRIMARY KEY,
     title text NOT NULL,
     facilitator_hash text NOT NULL,
     created_at bigint NOT NULL,
     ended_at bigint
   );
   CREATE INDEX sessions_created_at ON sessions (created_at);`,
  `CREATE TABLE records (
     session_code text NOT NULL REFERENCES sessions (code) ON DELETE CASCADE,
     kind text NOT NULL,
     id text NOT NULL,
     data text NOT NULL,
     updated_at bigint NOT NULL,
     seq bigserial,
     PRIMARY KEY (session_code, kind, id)
   );`,
  `CREATE TABLE files (
     session_code text NOT NULL REFERENCES sessions (code) ON DELETE CASCADE,
     id text NOT NULL,
     bytes bytea NOT NULL,
     PRIMARY KEY (session_code, id)
   );`,
  `CREATE TABLE accessibility_feedback (
     id text PRIMARY KEY,
     received_at bigint NOT NULL,
     message text NOT NULL,
     contact text NOT NULL,
     about text NOT NULL,
     locale text NOT NULL
   );
   CREATE INDEX accessibility_feedback_received_at ON accessibility_feedback (received_at);`,
  `ALTER TABLE sessions ADD COLUMN coach_hash text;`,
  `CREATE TABLE timeline (
     session_code text NOT NULL REFERENCES sessions (code) ON DELETE CASCADE,
     seq bigserial PRIMARY KEY,
     at bigint NOT NULL,
     data text NOT NULL
   );
   CREATE INDEX timeline_session ON timeline (session_code, seq);`,
];

/** Schema names come from the operator's settings; only plain identifiers reach SQL. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

// Timestamps are bigint columns holding milliseconds, well inside a double's exact range.
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  /** The schema (namespace) the tables live in; created when missing. Tests use one each. */
  schema?: string;
  /** Connections per process. */
  poolSize?: number;
}

/**
 * Sessions in PostgreSQL, for deployments of several server processes (`DATABASE_URL`). Same contract
 * as the SQLite store: a change is committed (PostgreSQL's default synchronous commit) before the
 * promise resolves, so nothing acknowledged is lost when a process dies.
 */
export class PostgresSessionStore implements SessionStore {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    private readonly schema: string,
  ) {}

  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresSessionStore> {
    const schema = options.schema ?? "public";
    if (!SCHEMA_NAME.test(schema)) throw new Error(`DATABASE_SCHEMA must be a plain lower-case identifier: ${schema}`);
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      types,
      options: `-c search_path=${schema}`,
    });
    try {
      await migratePostgres(pool, schema);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresSessionStore(pool, url, schema);
  }

  private async inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async createSession(record: SessionRecord): Promise<void> {
    try {
      await this.pool.query(
        "INSERT INTO sessions (code, title, facilitator_hash, created_at, ended_at) VALUES ($1, $2, $3, $4, $5)",
        [record.code, record.title, record.facilitatorHash, record.createdAt, record.endedAt],
      );
    } catch (error) {
      if ((error as { code?: string }).code === "23505") throw new DuplicateSessionCodeError(record.code);
      throw error;
    }
  }

  /**
   * A session-level advisory lock on a connection of its own: PostgreSQL drops it the moment that
   * connection goes, so a process killed with -9 frees its sessions for another process at once,
   * with no lease to wait out. Keyed by schema and code, so test runs in other schemas never meet.
   */
  async claimSession(code: string): Promise<SessionClaim | undefined> {
    const client = new pg.Client({ connectionString: this.url });
    // A lost connection means a lost claim; the room keeps going on its own until it closes.
    client.on("error", (error) => console.error(`session ${code}: lost its claim connection:`, error.message));
    await client.connect();
    try {
      const { rows } = await client.query<{ claimed: boolean }>(
        "SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS claimed",
        [`yhteistila:${this.schema}`, code],
      );
      if (rows[0]?.claimed) return { release: () => client.end() };
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    await client.end();
    return undefined;
  }

  async getSession(code: string): Promise<SessionRecord | undefined> {
    const { rows } = await this.pool.query<SessionRow>("SELECT * FROM sessions WHERE code = $1", [code]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async renameSession(code: string, title: string): Promise<void> {
    await this.pool.query("UPDATE sessions SET title = $1 WHERE code = $2", [title, code]);
  }

  async setCoachHash(code: string, hash: string | null): Promise<void> {
    await this.pool.query("UPDATE sessions SET coach_hash = $1 WHERE code = $2", [hash, code]);
  }

  async getCoachHash(code: string): Promise<string | undefined> {
    const result = await this.pool.query<{ coach_hash: string | null }>(
      "SELECT coach_hash FROM sessions WHERE code = $1",
      [code],
    );
    return result.rows[0]?.coach_hash ?? undefined;
  }

  async endSession(code: string, at: number): Promise<void> {
    await this.pool.query("UPDATE sessions SET ended_at = $1 WHERE code = $2 AND ended_at IS NULL", [at, code]);
  }

  async deleteSession(code: string): Promise<void> {
    // Records and files go with the session by cascade, in the same statement.
    await this.pool.query("DELETE FROM sessions WHERE code = $1", [code]);
  }

  async saveRecord(code: string, record: StoredRecord): Promise<void> {
    await this.writeRecords(code, [record], []);
  }

  async deleteRecord(code: string, kind: string, id: string): Promise<void> {
    await this.pool.query("DELETE FROM records WHERE session_code = $1 AND kind = $2 AND id = $3", [code, kind, id]);
  }

  async writeRecords(
    code: string,
    put: readonly StoredRecord[],
    remove: readonly { kind: string; id: string }[],
    timeline: readonly TimelineEntry[] = [],
  ): Promise<void> {
    await this.inTransaction(async (client) => {
      await this.appendIn(client, code, timeline);
      for (const record of put) {
        await client.query(
          `INSERT INTO records (session_code, kind, id, data, updated_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (session_code, kind, id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
          [code, record.kind, record.id, JSON.stringify(record.data), record.updatedAt],
        );
      }
      for (const { kind, id } of remove) {
        await client.query("DELETE FROM records WHERE session_code = $1 AND kind = $2 AND id = $3", [code, kind, id]);
      }
    });
  }

  private async appendIn(client: pg.PoolClient, code: string, entries: readonly TimelineEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // One statement for the batch (a second's positions and events), in the given order.
    await client.query(
      `INSERT INTO timeline (session_code, at, data)
       SELECT $1, a, d FROM unnest($2::bigint[], $3::text[]) WITH ORDINALITY AS e(a, d, n) ORDER BY n`,
      [code, entries.map((e) => e.at), entries.map((e) => JSON.stringify(e.data))],
    );
  }

  async appendTimeline(code: string, entries: readonly TimelineEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.inTransaction((client) => this.appendIn(client, code, entries));
  }

  async loadTimeline(code: string): Promise<TimelineEntry[]> {
    const { rows } = await this.pool.query<{ at: number; data: string }>(
      "SELECT at, data FROM timeline WHERE session_code = $1 ORDER BY seq",
      [code],
    );
    return rows.map((row) => ({ at: row.at, data: JSON.parse(row.data) as unknown }));
  }

  async getRecord(code: string, kind: string, id: string): Promise<StoredRecord | undefined> {
    const { rows } = await this.pool.query<RecordRow>(
      "SELECT kind, id, data, updated_at FROM records WHERE session_code = $1 AND kind = $2 AND id = $3",
      [code, kind, id],
    );
    return rows[0] ? toStored(rows[0]) : undefined;
  }

  async loadRecords(code: string): Promise<StoredRecord[]> {
    const { rows } = await this.pool.query<RecordRow>(
      "SELECT kind, id, data, updated_at FROM records WHERE session_code = $1 ORDER BY updated_at, seq",
      [code],
    );
    return rows.map(toStored);
  }

  async putFile(code: string, id: string, bytes: Uint8Array): Promise<void> {
    await this.pool.query(
      `INSERT INTO files (session_code, id, bytes) VALUES ($1, $2, $3)
       ON CONFLICT (session_code, id) DO UPDATE SET bytes = excluded.bytes`,
      [code, id, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)],
    );
  }

  async getFile(code: string, id: string): Promise<Uint8Array | undefined> {
    const { rows } = await this.pool.query<{ bytes: Buffer }>(
      "SELECT bytes FROM files WHERE session_code = $1 AND id = $2",
      [code, id],
    );
    const bytes = rows[0]?.bytes;
    return bytes ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : undefined;
  }

  async deleteFile(code: string, id: string): Promise<void> {
    await this.pool.query("DELETE FROM files WHERE session_code = $1 AND id = $2", [code, id]);
  }

  async sessionsIdleSince(cutoff: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ code: string }>(
      `SELECT code FROM (
         SELECT s.code AS code,
                GREATEST(s.created_at, coalesce(s.ended_at, 0),
                         coalesce((SELECT max(r.updated_at) FROM records r WHERE r.session_code = s.code), 0)) AS active_at
         FROM sessions s) AS activity
       WHERE active_at < $1 ORDER BY active_at`,
      [cutoff],
    );
    return rows.map((row) => row.code);
  }

  async saveFeedback(feedback: FeedbackRecord): Promise<void> {
    await this.pool.query(
      "INSERT INTO accessibility_feedback (id, received_at, message, contact, about, locale) VALUES ($1, $2, $3, $4, $5, $6)",
      [feedback.id, feedback.receivedAt, feedback.message, feedback.contact, feedback.about, feedback.locale],
    );
  }

  async listFeedback(): Promise<FeedbackRecord[]> {
    const { rows } = await this.pool.query<FeedbackRecord>(
      `SELECT id, received_at AS "receivedAt", message, contact, about, locale
       FROM accessibility_feedback ORDER BY received_at, id`,
    );
    return rows;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * Runs every migration newer than the schema's recorded version. Several processes may start at
 * once: an advisory lock per schema lets one migrate while the others wait, then find nothing to do.
 */
export async function migratePostgres(
  pool: pg.Pool,
  schema: string,
  migrations: readonly string[] = POSTGRES_MIGRATIONS,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`yhteistila:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS "${schema}".schema_version (version integer NOT NULL)`);
    // The migrations name tables plainly; they must land in this schema whatever the pool says.
    await client.query(`SET LOCAL search_path TO "${schema}"`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM "${schema}".schema_version`);
    const current = rows[0]?.version ?? 0;
    if (current > migrations.length) {
      throw new Error(`database schema version ${current} is newer than this server (${migrations.length})`);
    }
    for (let version = current; version < migrations.length; version++) {
      await client.query(migrations[version]!);
    }
    await client.query(`DELETE FROM "${schema}".schema_version`);
    await client.query(`INSERT INTO "${schema}".schema_version (version) VALUES ($1)`, [migrations.length]);
    await client.query("COMMIT");
    return migrations.length;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
