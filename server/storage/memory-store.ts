import { DuplicateSessionCodeError, type SessionRecord, type SessionStore, type StoredRecord } from "./store";

/** Keeps sessions in memory only: for tests of the contract and for throwaway demos (`STORAGE=memory`). */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();
  /** Per session: records keyed by `kind/id`, in insertion order of their last change. */
  private readonly records = new Map<string, Map<string, StoredRecord>>();

  async createSession(record: SessionRecord): Promise<void> {
    if (this.sessions.has(record.code)) throw new DuplicateSessionCodeError(record.code);
    this.sessions.set(record.code, { ...record });
  }

  async getSession(code: string): Promise<SessionRecord | undefined> {
    const record = this.sessions.get(code);
    return record ? { ...record } : undefined;
  }

  async renameSession(code: string, title: string): Promise<void> {
    const record = this.sessions.get(code);
    if (record) record.title = title;
  }

  async endSession(code: string, at: number): Promise<void> {
    const record = this.sessions.get(code);
    if (record && record.endedAt === null) record.endedAt = at;
  }

  async deleteSession(code: string): Promise<void> {
    this.sessions.delete(code);
    this.records.delete(code);
  }

  async saveRecord(code: string, record: StoredRecord): Promise<void> {
    if (!this.sessions.has(code)) throw new Error(`no session ${code}`);
    let records = this.records.get(code);
    if (!records) this.records.set(code, (records = new Map()));
    const key = `${record.kind}/${record.id}`;
    // Delete first so that iteration order follows the latest change, like the SQL store's ORDER BY.
    records.delete(key);
    records.set(key, structuredClone(record));
  }

  async deleteRecord(code: string, kind: string, id: string): Promise<void> {
    this.records.get(code)?.delete(`${kind}/${id}`);
  }

  async loadRecords(code: string): Promise<StoredRecord[]> {
    const all = [...(this.records.get(code)?.values() ?? [])].map((r) => structuredClone(r));
    return all.sort((a, b) => a.updatedAt - b.updatedAt);
  }

  async close(): Promise<void> {
    this.sessions.clear();
    this.records.clear();
  }
}
