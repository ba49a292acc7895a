import {
  DuplicateSessionCodeError,
  type SessionRecord,
  type SessionStore,
  type StoredRecord,
  ProcessClaims,
  type SessionClaim,
  type FeedbackRecord,
  type TimelineEntry,
} from "./store";

/** Keeps sessions in memory only: for tests of the contract and for throwaway demos (`STORAGE=memory`). */
export class MemorySessionStore implements SessionStore {
  private readonly claims = new ProcessClaims();
  private readonly sessions = new Map<string, SessionRecord>();
  /** Per session: records keyed by `kind/id`, in insertion order of their last change. */
  private readonly records = new Map<string, Map<string, StoredRecord>>();
  private readonly files = new Map<string, Uint8Array>();
  private readonly feedback: FeedbackRecord[] = [];
  private readonly coachHashes = new Map<string, string>();
  private readonly timelines = new Map<string, TimelineEntry[]>();

  async saveFeedback(feedback: FeedbackRecord): Promise<void> {
    this.feedback.push({ ...feedback });
  }

  async listFeedback(): Promise<FeedbackRecord[]> {
    return this.feedback.map((f) => ({ ...f })).sort((a, b) => a.receivedAt - b.receivedAt);
  }

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

  async setCoachHash(code: string, hash: string | null): Promise<void> {
    if (!this.sessions.has(code)) return;
    if (hash === null) this.coachHashes.delete(code);
    else this.coachHashes.set(code, hash);
  }

  async getCoachHash(code: string): Promise<string | undefined> {
    return this.sessions.has(code) ? this.coachHashes.get(code) : undefined;
  }

  async endSession(code: string, at: number): Promise<void> {
    const record = this.sessions.get(code);
    if (record && record.endedAt === null) record.endedAt = at;
  }

  async deleteSession(code: string): Promise<void> {
    this.sessions.delete(code);
    this.records.delete(code);
    this.coachHashes.delete(code);
    this.timelines.delete(code);
    for (const key of [...this.files.keys()]) if (key.startsWith(`${code}/`)) this.files.delete(key);
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

  async writeRecords(
    code: string,
    put: readonly StoredRecord[],
    remove: readonly { kind: string; id: string }[],
    timeline: readonly TimelineEntry[] = [],
  ): Promise<void> {
    if (!this.sessions.has(code)) throw new Error(`no session ${code}`);
    for (const record of put) await this.saveRecord(code, record);
    for (const { kind, id } of remove) await this.deleteRecord(code, kind, id);
    await this.appendTimeline(code, timeline);
  }

  async appendTimeline(code: string, entries: readonly TimelineEntry[]): Promise<void> {
    if (!this.sessions.has(code)) throw new Error(`no session ${code}`);
    if (entries.length === 0) return;
    let list = this.timelines.get(code);
    if (!list) this.timelines.set(code, (list = []));
    for (const entry of entries) list.push(structuredClone(entry));
  }

  async loadTimeline(code: string): Promise<TimelineEntry[]> {
    return (this.timelines.get(code) ?? []).map((entry) => structuredClone(entry));
  }

  async getRecord(code: string, kind: string, id: string): Promise<StoredRecord | undefined> {
    const record = this.records.get(code)?.get(`${kind}/${id}`);
    return record ? structuredClone(record) : undefined;
  }

  async putFile(code: string, id: string, bytes: Uint8Array): Promise<void> {
    if (!this.sessions.has(code)) throw new Error(`no session ${code}`);
    this.files.set(`${code}/${id}`, bytes.slice());
  }

  async getFile(code: string, id: string): Promise<Uint8Array | undefined> {
    return this.files.get(`${code}/${id}`)?.slice();
  }

  async deleteFile(code: string, id: string): Promise<void> {
    this.files.delete(`${code}/${id}`);
  }

  async sessionsIdleSince(cutoff: number): Promise<string[]> {
    const active = (code: string, session: SessionRecord) =>
      Math.max(
        session.createdAt,
        session.endedAt ?? 0,
        ...[...(this.records.get(code)?.values() ?? [])].map((r) => r.updatedAt),
      );
    return [...this.sessions.entries()]
      .map(([code, session]) => ({ code, at: active(code, session) }))
      .filter((s) => s.at < cutoff)
      .sort((a, b) => a.at - b.at)
      .map((s) => s.code);
  }

  async loadRecords(code: string): Promise<StoredRecord[]> {
    const all = [...(this.records.get(code)?.values() ?? [])].map((r) => structuredClone(r));
    return all.sort((a, b) => a.updatedAt - b.updatedAt);
  }

  claimSession(code: string): Promise<SessionClaim | undefined> {
    return this.claims.claim(code);
  }

  async close(): Promise<void> {
    this.sessions.clear();
    this.records.clear();
    this.files.clear();
    this.timelines.clear();
  }
}
