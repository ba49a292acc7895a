import pg from "pg";
import { afterAll } from "vitest";

import { TEST_DATABASE_URL } from "./scaleout-run";

export { TEST_DATABASE_URL };

/** A schema name of this run's own, so parallel runs never see each other's data. */
export function uniqueSchema(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
}

/**
 * The stores a power-cut test runs a server on, as the environment each server process gets: the
 * embedded default (a SQLite file) and a deployment's PostgreSQL in a schema of its own, dropped
 * when the file's tests are done. Both must keep the same promise: nothing acknowledged is lost.
 */
export function killTestStores(prefix: string): [string, Record<string, string>][] {
  const schema = uniqueSchema(prefix);
  afterAll(() => dropSchema(schema));
  return [
    ["SQLite", {}],
    ["PostgreSQL", { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema }],
  ];
}
