import pg from "pg";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { migratePostgres, PostgresSessionStore, POSTGRES_MIGRATIONS } from "../../server/storage/postgres-store";
import type { SessionClaim } from "../../server/storage/store";
import { sessionStoreContract } from "./store-contract";

// The machine's PostgreSQL (CI runs one too); each test gets its own schema, dropped afterwards.
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
afterAll(() => admin.end());

function freshSchema(): string {
  return `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

async function dropSchema(schema: string): Promise<void> {
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

let contractSchema = "";
sessionStoreContract("PostgresSessionStore", {
  create() {
    contractSchema = freshSchema();
    return PostgresSessionStore.open(DATABASE_URL, { schema: contractSchema, poolSize: 3 });
  },
  cleanup: () => dropSchema(contractSchema),
});

describe("PostgresSessionStore migrations", () => {
  it("run once even when several processes start at the same moment, and keep data through a restart", async () => {
    const schema = freshSchema();
    try {
      const stores = await Promise.all(
        [1, 2, 3].map(() => PostgresSessionStore.open(DATABASE_URL, { schema, poolSize: 2 })),
      );
      await stores[0]!.createSession({
        code: "AAA-AAA-AAA",
        title: "t",
        facilitatorHash: "h",
        createdAt: 1,
        endedAt: null,
      });
      await Promise.all(stores.map((store) => store.close()));
      const again = await PostgresSessionStore.open(DATABASE_URL, { schema });
      expect((await again.getSession("AAA-AAA-AAA"))?.title).toBe("t");
      await again.close();
      const { rows } = await admin.query(`SELECT version FROM "${schema}".schema_version`);
      expect(rows).toEqual([{ version: POSTGRES_MIGRATIONS.length }]);
    } finally {
      await dropSchema(schema);
    }
  });

  it("refuse a schema written by a newer server, and roll back a migration that fails halfway", async () => {
    const schema = freshSchema();
    const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
    try {
      await migratePostgres(pool, schema);
      await expect(migratePostgres(pool, schema, POSTGRES_MIGRATIONS.slice(0, 1))).rejects.toThrow(/newer/);
      const broken = [...POSTGRES_MIGRATIONS, "CREATE TABLE extra (x int); SELECT no_such_function();"];
      await expect(migratePostgres(pool, schema, broken)).rejects.toThrow();
      const { rows } = await admin.query(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'extra'",
        [schema],
      );
      expect(rows[0].n).toBe(0);
      const version = await admin.query(`SELECT version FROM "${schema}".schema_version`);
      expect(version.rows).toEqual([{ version: POSTGRES_MIGRATIONS.length }]);
    } finally {
      await pool.end();
      await dropSchema(schema);
    }
  });

  it("refuses a schema name that is not a plain identifier", async () => {
    await expect(PostgresSessionStore.open(DATABASE_URL, { schema: 'x"; DROP TABLE y; --' })).rejects.toThrow(
      /identifier/,
    );
  });

  it("claims a session for one process at a time, and frees it the moment the holder's connection dies", async () => {
    const schema = freshSchema();
    const [a, b] = await Promise.all(
      [1, 2].map(() => PostgresSessionStore.open(DATABASE_URL, { schema, poolSize: 1 })),
    );
    try {
      const held = await a!.claimSession("AAA-AAA-AAA");
      expect(held).toBeDefined();
      expect(await b!.claimSession("AAA-AAA-AAA")).toBeUndefined();
      // What kill -9 does to the holder's connection: the server ends it, with no unlock sent.
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted
         AND classid::int = hashtext($1) AND objid::int = hashtext($2)`,
        [`yhteistila:${schema}`, "AAA-AAA-AAA"],
      );
      let taken: SessionClaim | undefined;
      for (let i = 0; i < 50 && !(taken = await b!.claimSession("AAA-AAA-AAA")); i++) await sleep(20);
      expect(taken).toBeDefined();
      await taken!.release();
      await held!.release().catch(() => undefined);
    } finally {
      await Promise.all([a!.close(), b!.close()]);
      await dropSchema(schema);
    }
  });
});
