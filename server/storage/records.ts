import type { z } from "zod";
import type { StoredRecord } from "./store";

/**
 * A kind of stored record with its schema and its numbered migrations kept together, so that
 * data written by an older server is upgraded (and validated) when it is read back.
 * `migrations[n]` turns version n+1 data into version n+2; the current version is migrations.length + 1.
 */
export interface RecordType<T> {
  kind: string;
  version: number;
  encode(id: string, value: T, now: number): StoredRecord;
  /** Upgrades and validates a stored record; throws when it cannot be read. */
  decode(record: StoredRecord): T;
}

export function defineRecordType<S extends z.ZodType>(options: {
  kind: string;
  schema: S;
  migrations?: readonly ((old: Record<string, unknown>) => Record<string, unknown>)[];
}): RecordType<z.output<S>> {
  const migrations = options.migrations ?? [];
  const version = migrations.length + 1;
  return {
    kind: options.kind,
    version,
    encode(id, value, now) {
      return { kind: options.kind, id, data: { ...(value as object), v: version }, updatedAt: now };
    },
    decode(record) {
      let data = { ...(record.data as Record<string, unknown>) };
      let from = typeof data.v === "number" ? data.v : 1;
      if (from > version) throw new Error(`${options.kind} ${record.id}: version ${from} is newer than ${version}`);
      for (; from < version; from++) data = migrations[from - 1]!(data);
      delete data.v;
      return options.schema.parse(data);
    },
  };
}
