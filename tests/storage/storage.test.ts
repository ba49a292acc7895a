import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { MIGRATIONS } from "../../server/storage/migrations";
import { defineRecordType } from "../../server/storage/records";
import { migrate, SqliteSessionStore } from "../../server/storage/sqlite-store";
import { MemorySessionStore } from "../../server/storage/memory-store";
import type { SessionStore } from "../../server/storage/store";
import { docFromRecords, noteRecord, recordsFor } from "../../server/boards/records";

const dir = mkdtempSync(join(tmpdir(), "yhteistila-storage-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("schema migrations", () => {
  it("run in order once, record the version, and keep data through an upgrade", () => {
    const db = new Database(":memory:");
    // A database from the first release: only migration 1, with a session in it.
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(db.pragma("user_version", { simple: true })).toBe(1);
    db.prepare("INSERT INTO sessions VALUES ('AAA-BBB-CCC', 'Old', 'h', 1, NULL)").run();
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT title FROM sessions").get()).toEqual({ title: "Old" });
    // Running again changes nothing.
    migrate(db);
    expect(db.prepare("SELECT count(*) AS n FROM sessions").get()).toEqual({ n: 1 });
    db.close();
  });

  it("refuse a database written by a newer server", () => {
    const db = new Database(":memory:");
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer/);
    db.close();
  });

  it("roll back a migration that fails halfway, leaving the version where it was", () => {
    const db = new Database(":memory:");
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(() =>
      migrate(db, [...MIGRATIONS.slice(0, 1), "CREATE TABLE t (a INTEGER); SELECT * FROM missing;"]),
    ).toThrow();
    expect(db.pragma("user_version", { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 't'").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe("record types", () => {
  const v1 = defineRecordType({ kind: "sticky", schema: z.object({ text: z.string() }) });
  const v2 = defineRecordType({
    kind: "sticky",
    schema: z.object({ text: z.string(), color: z.number() }),
    migrations: [(old) => ({ ...old, color: 0 })],
  });

  it("upgrade old records as they are read, and validate them", () => {
    const stored = v1.encode("s1", { text: "hello" }, 5);
    expect(stored.data).toEqual({ text: "hello", v: 1 });
    expect(v2.decode(stored)).toEqual({ text: "hello", color: 0 });
    expect(v2.decode(v2.encode("s1", { text: "x", color: 3 }, 6))).toEqual({ text: "x", color: 3 });
  });

  it("refuse records from a newer version or with the wrong shape", () => {
    expect(() => v1.decode(v2.encode("s1", { text: "x", color: 3 }, 6))).toThrow(/newer/);
    expect(() => v2.decode({ kind: "sticky", id: "s", data: { text: 3, v: 2 }, updatedAt: 0 })).toThrow();
  });

  it("rebuild the boards document, skipping (and reporting) a damaged record", () => {
    const note = {
      id: "n1",
      boardId: "b1",
      text: "hi",
      color: 0,
      x: 1,
      y: 2,
      clusterId: "",
      authorUid: "u",
      authorName: "A",
      hidden: false,
      anonymous: false,
      createdAt: 1,
      updatedAt: 1,
    };
    const { put } = recordsFor([{ kind: "note", id: "n1", value: note }], 10);
    const reports: string[] = [];
    const doc = docFromRecords([...put, { kind: "note", id: "bad", data: { v: 1, text: 42 }, updatedAt: 1 }], (m) =>
      reports.push(m),
    );
    expect(doc.notes.get("n1")).toEqual(note);
    expect(doc.notes.has("bad")).toBe(false);
    expect(reports).toHaveLength(1);
    expect(noteRecord.version).toBe(1);
  });
});

/** The same contract for every store implementation (a PostgreSQL one would join this list). */
const stores: [string, () => SessionStore][] = [
  ["sqlite", () => new SqliteSessionStore(join(dir, `contract-${Math.random().toString(36).slice(2)}.db`))],
  ["memory", () => new MemorySessionStore()],
];

describe.each(stores)("the %s store", (_name, make) => {
  const session = (code: string, createdAt = 1000) => ({
    code,
    title: code,
    facilitatorHash: "h",
    createdAt,
    endedAt: null,
  });

  it("writes several records at once, and nothing for a session that does not exist", async () => {
    const store = make();
    await store.createSession(session("AAA-AAA-AAA"));
    await store.writeRecords(
      "AAA-AAA-AAA",
      [
        { kind: "note", id: "1", data: { a: 1 }, updatedAt: 1 },
        { kind: "note", id: "2", data: { a: 2 }, updatedAt: 2 },
      ],
      [],
    );
    await store.writeRecords(
      "AAA-AAA-AAA",
      [{ kind: "note", id: "3", data: {}, updatedAt: 3 }],
      [{ kind: "note", id: "1" }],
    );
    expect((await store.loadRecords("AAA-AAA-AAA")).map((r) => r.id)).toEqual(["2", "3"]);
    expect(await store.getRecord("AAA-AAA-AAA", "note", "2")).toMatchObject({ data: { a: 2 } });
    await expect(
      store.writeRecords("ZZZ-ZZZ-ZZZ", [{ kind: "note", id: "x", data: {}, updatedAt: 1 }], []),
    ).rejects.toThrow();
    expect(await store.loadRecords("ZZZ-ZZZ-ZZZ")).toEqual([]);
    await store.close();
  });

  it("keeps files until the session is deleted, and finds idle sessions", async () => {
    const store = make();
    await store.createSession(session("BBB-BBB-BBB", 1000));
    await store.createSession(session("CCC-CCC-CCC", 5000));
    await store.putFile("BBB-BBB-BBB", "f1", new Uint8Array([1, 2, 3]));
    expect(await store.getFile("BBB-BBB-BBB", "f1")).toEqual(new Uint8Array([1, 2, 3]));
    await store.saveRecord("BBB-BBB-BBB", { kind: "note", id: "n", data: {}, updatedAt: 9000 });
    // BBB was created first but changed last.
    expect(await store.sessionsIdleSince(6000)).toEqual(["CCC-CCC-CCC"]);
    expect(await store.sessionsIdleSince(10_000)).toEqual(["CCC-CCC-CCC", "BBB-BBB-BBB"]);
    await store.deleteSession("BBB-BBB-BBB");
    expect(await store.getFile("BBB-BBB-BBB", "f1")).toBeUndefined();
    expect(await store.loadRecords("BBB-BBB-BBB")).toEqual([]);
    await store.close();
  });
});
