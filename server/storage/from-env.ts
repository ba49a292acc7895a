import { resolve } from "node:path";
import type { SessionStore } from "./store";

export interface ChosenStore {
  store: SessionStore;
  /** Where the data is, for the start-up line (never the database password). */
  describe: string;
}

/**
 * The store the operator asked for: PostgreSQL when `DATABASE_URL` is set (several processes share
 * it), memory for `STORAGE=memory` (demos, nothing kept), else the embedded SQLite file in `DATA_DIR`.
 * Each is imported only when chosen, so the default start loads no database client it does not use.
 */
export async function storeFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<ChosenStore> {
  if (env.DATABASE_URL) {
    const { PostgresSessionStore } = await import("./postgres-store");
    const schema = env.DATABASE_SCHEMA || "public";
    const store = await PostgresSessionStore.open(env.DATABASE_URL, { schema });
    const host = new URL(env.DATABASE_URL).host;
    return { store, describe: `PostgreSQL at ${host}, schema ${schema}` };
  }
  if (env.STORAGE === "memory") {
    const { MemorySessionStore } = await import("./memory-store");
    return { store: new MemorySessionStore(), describe: "memory only: nothing is kept after a stop" };
  }
  const { SqliteSessionStore } = await import("./sqlite-store");
  const dataDir = resolve(env.DATA_DIR ?? "data");
  return { store: new SqliteSessionStore(resolve(dataDir, "yhteistila.db")), describe: dataDir };
}
