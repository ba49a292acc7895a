import type { RecordType } from "../storage/records";
import type { StoredRecord } from "../storage/store";
import type { RoomApi } from "../commands/registry";

/**
 * A method's data kept per step of the run (Brainwriting's sheets, Open Space's marketplaces): one
 * value for each step that opened one, in memory and each in a record of its own (`entry-<n>`),
 * stored before memory changes, so a restart loses none. A server from before per-step records kept
 * one value in `legacyId`; it is read as its step's and moves to its own record when next stored.
 */
export interface PerStepStore<T extends { entry: number }> {
  /** Every step's value, in step order. */
  all(room: RoomApi): T[];
  /** The value opened by the step at run entry `entry`, if any. */
  at(room: RoomApi, entry: number): T | null;
  /** The stored values by entry, from a session's records (its export reads them the same way). */
  stored(records: readonly StoredRecord[], unreadable: (message: string) => void): StoredPerStep<T>;
  /** Takes the stored values back after a restart. */
  restore(room: RoomApi, records: readonly StoredRecord[]): void;
  /** Stores `next` as the value of `entry` (null drops it); memory changes only once it is durable. */
  commit(room: RoomApi, entry: number, next: T | null, now: number): Promise<boolean>;
  /**
   * Runs `change` on the latest values once every earlier change is stored. Commands already come
   * one at a time, but the clock and a joiner's placement change the run outside a command's turn.
   */
  queue<R>(room: RoomApi, change: () => Promise<R>): Promise<R>;
}

export interface StoredPerStep<T> {
  byEntry: Map<number, T>;
  /** Entries read from the legacy record: it is deleted when they are next stored. */
  legacy: Set<number>;
}

export const perStepRecordId = (entry: number) => `entry-${entry}`;

export function perStepStore<T extends { entry: number }>(options: {
  recordType: RecordType<T>;
  legacyId: string;
  /** Names the data in the log ("sheets", "marketplace"). */
  label: string;
}): PerStepStore<T> {
  const { recordType, legacyId, label } = options;
  const rooms = new WeakMap<RoomApi, StoredPerStep<T>>();
  const queues = new WeakMap<RoomApi, Promise<unknown>>();

  const of = (room: RoomApi): StoredPerStep<T> => {
    let values = rooms.get(room);
    if (!values) {
      values = { byEntry: new Map(), legacy: new Set() };
      rooms.set(room, values);
    }
    return values;
  };

  const stored = (records: readonly StoredRecord[], unreadable: (message: string) => void): StoredPerStep<T> => {
    const out: StoredPerStep<T> = { byEntry: new Map(), legacy: new Set() };
    for (const record of records) {
      if (record.kind !== recordType.kind) continue;
      try {
        const value = recordType.decode(record);
        const fromLegacy = record.id === legacyId;
        if (fromLegacy) out.legacy.add(value.entry);
        // A step's own record wins should the legacy one name the same entry.
        if (!fromLegacy || !out.byEntry.has(value.entry)) out.byEntry.set(value.entry, value);
      } catch (error) {
        unreadable(error instanceof Error ? error.message : String(error));
      }
    }
    return out;
  };

  return {
    all: (room) => [...of(room).byEntry.values()].sort((a, b) => a.entry - b.entry),
    at: (room, entry) => of(room).byEntry.get(entry) ?? null,
    stored,
    restore(room, records) {
      const found = stored(records, (m) => console.error(`${label} unreadable:`, m));
      const values = of(room);
      for (const [entry, value] of found.byEntry) values.byEntry.set(entry, value);
      for (const entry of found.legacy) values.legacy.add(entry);
    },
    async commit(room, entry, next, now) {
      const values = of(room);
      try {
        if (next) await room.saveRecord(recordType.encode(perStepRecordId(entry), next, now));
        else if (values.byEntry.has(entry)) await room.deleteRecord(recordType.kind, perStepRecordId(entry));
        if (values.legacy.has(entry)) await room.deleteRecord(recordType.kind, legacyId);
      } catch (error) {
        console.error(`${label} not saved:`, error instanceof Error ? error.message : error);
        return false;
      }
      values.legacy.delete(entry);
      if (next) values.byEntry.set(entry, next);
      else values.byEntry.delete(entry);
      return true;
    },
    queue(room, change) {
      const before = queues.get(room) ?? Promise.resolve();
      const run = before.then(change, change);
      queues.set(
        room,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}
