import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../server/storage/migrations";
import { migrate, SqliteSessionStore } from "../../server/storage/sqlite-store";
import { sessionStoreContract } from "./store-contract";

let contractDir = "";
sessionStoreContract("SqliteSessionStore (file)", {
  create() {
    contractDir = mkdtempSync(join(tmpdir(), "yhteistila-store-"));
    return new SqliteSessionStore(join(contractDir, "sessions.db"));
  },
  cleanup() {
    rmSync(contractDir, { recursive: true, force: true });
  },
});

function userVersion(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma("user_version", { simple: true }) as number;
  } finally {
    db.close();
  }
}

function schemaOf(file: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY name").all();
  } finally {
    db.close();
  }
}

describe("SqliteSessionStore on disk", () => {
  let dir = "";
  let file = "";
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "yhteistila-store-"));
    file = join(dir, "nested", "folder", "sessions.db");
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates its folder and keeps sessions across a restart", async () => {
    const first = new SqliteSessionStore(file);
    await first.createSession({ code: "K7M-4PQ-XRT", title: "T", facilitatorHash: "h", createdAt: 1, endedAt: null });
    await first.endSession("K7M-4PQ-XRT", 2);
    await first.close();
    expect(existsSync(file)).toBe(true);

    const second = new SqliteSessionStore(file);
    expect(await second.getSession("K7M-4PQ-XRT")).toEqual({
      code: "K7M-4PQ-XRT",
      title: "T",
      facilitatorHash: "h",
      createdAt: 1,
      endedAt: 2,
    });
    await second.close();
  });
});

describe("migrations", () => {
  let dir = "";
  let file = "";
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "yhteistila-migrate-"));
    file = join(dir, "sessions.db");
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("bring a fresh database to the newest version", async () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    const store = new SqliteSessionStore(file);
    await store.close();
    expect(userVersion(file)).toBe(MIGRATIONS.length);
    expect(schemaOf(file).length).toBeGreaterThan(0);
  });

  it("leave a database already at the newest version unchanged", async () => {
    await new SqliteSessionStore(file).close();
    const before = schemaOf(file);
    await new SqliteSessionStore(file).close();
    expect(userVersion(file)).toBe(MIGRATIONS.length);
    expect(schemaOf(file)).toEqual(before);
  });

  it("run only the migrations a database has not had yet", () => {
    const db = new Database(file);
    try {
      // Re-running the first step would fail ("table one already exists"), so the second call proves it is skipped.
      expect(migrate(db, ["CREATE TABLE one (x INTEGER)"])).toBe(1);
      expect(migrate(db, ["CREATE TABLE one (x INTEGER)", "CREATE TABLE two (y INTEGER)"])).toBe(2);
      expect(db.pragma("user_version", { simple: true })).toBe(2);
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).toEqual(["one", "two"]);
    } finally {
      db.close();
    }
  });

  it("record each step on its own, so a failing step leaves the earlier ones applied and itself undone", () => {
    const db = new Database(file);
    try {
      expect(() =>
        migrate(db, ["CREATE TABLE one (x INTEGER)", "CREATE TABLE two (y INTEGER); THIS IS NOT SQL"]),
      ).toThrow();
      expect(db.pragma("user_version", { simple: true })).toBe(1);
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
      expect(tables).toEqual(["one"]);
    } finally {
      db.close();
    }
  });

  it("refuse a database written by a newer server, leaving its version and schema as they were", () => {
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => new SqliteSessionStore(file)).toThrow(/newer than this server/);
    expect(userVersion(file)).toBe(MIGRATIONS.length + 1);
    expect(schemaOf(file)).toEqual([]);
  });
});
