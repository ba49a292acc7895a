import type { SessionRecord, StoredRecord } from "./store";

/** A session's row as both SQL stores keep it (same columns in SQLite and PostgreSQL, see migrations.ts). */
export interface SessionRow {
  code: string;
  title: string;
  facilitator_hash: string;
  created_at: number;
  ended_at: number | null;
}

/** One stored record's row: its data is JSON text in both stores. */
export interface RecordRow {
  kind: string;
  id: string;
  data: string;
  updated_at: number;
}

export function toRecord(row: SessionRow): SessionRecord {
  return {
    code: row.code,
    title: row.title,
    facilitatorHash: row.facilitator_hash,
    createdAt: row.created_at,
    endedAt: row.ended_at,
  };
}

export function toStored(row: RecordRow): StoredRecord {
  return { kind: row.kind, id: row.id, data: JSON.parse(row.data) as unknown, updatedAt: row.updated_at };
}
