import { DuplicateSessionCodeError, type SessionRecord, type SessionStore } from "./store";

/** Keeps sessions in memory only: for tests of the contract and for throwaway demos (`STORAGE=memory`). */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();

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
  }

  async close(): Promise<void> {
    this.sessions.clear();
  }
}
