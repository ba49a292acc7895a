import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { MIGRATIONS } from "../../server/storage/migrations";
import { defineRecordType } from "../../server/storage/records";
import { migrate } from "../../server/storage/sqlite-store";
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
