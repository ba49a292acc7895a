import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DuplicateSessionCodeError, type SessionRecord, type SessionStore } from "../../server/storage/store";

/** How the contract suite gets a fresh, empty store for each test, and disposes of it afterwards. */
export interface StoreFactory {
  create(): SessionStore | Promise<SessionStore>;
  /** Runs after the store is closed (e.g. to delete a temporary file). */
  cleanup?(): void | Promise<void>;
}

function record(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    code: "K7M-4PQ-XRT",
    title: "Kick-off",
    facilitatorHash: "a".repeat(64),
    createdAt: 1_700_000_000_000,
    endedAt: null,
    ...overrides,
  };
}

/**
 * The behaviour every SessionStore must share, run against each implementation
 * (tests/storage/*-store.test.ts), so the room and the routes can rely on it whichever is configured.
 */
export function sessionStoreContract(name: string, factory: StoreFactory): void {
  describe(`SessionStore contract: ${name}`, () => {
    let store: SessionStore;

    beforeEach(async () => {
      store = await factory.create();
    });

    afterEach(async () => {
      await store.close();
      await factory.cleanup?.();
    });

    it("returns a created session field for field", async () => {
      const created = record({ title: "Työpaja – Åbo", createdAt: 1_712_345_678_901 });
      await store.createSession(created);
      expect(await store.getSession(created.code)).toEqual(created);
    });

    it("returns undefined for a code it does not hold", async () => {
      await store.createSession(record());
      expect(await store.getSession("ZZZ-ZZZ-ZZZ")).toBeUndefined();
    });

    it("refuses a second session with the same code, keeping the first", async () => {
      await store.createSession(record({ title: "First" }));
      await expect(store.createSession(record({ title: "Second" }))).rejects.toBeInstanceOf(DuplicateSessionCodeError);
      expect((await store.getSession(record().code))?.title).toBe("First");
    });

    it("keeps sessions apart", async () => {
      await store.createSession(record({ code: "AAA-AAA-AAA", title: "A" }));
      await store.createSession(record({ code: "BBB-BBB-BBB", title: "B" }));
      await store.renameSession("AAA-AAA-AAA", "A renamed");
      expect((await store.getSession("AAA-AAA-AAA"))?.title).toBe("A renamed");
      expect((await store.getSession("BBB-BBB-BBB"))?.title).toBe("B");
    });

    it("does not let a caller change stored data through a returned or passed-in object", async () => {
      const input = record();
      await store.createSession(input);
      input.title = "changed after create";
      const read = await store.getSession(input.code);
      expect(read?.title).toBe("Kick-off");
      read!.title = "changed after read";
      expect((await store.getSession(input.code))?.title).toBe("Kick-off");
    });

    it("renames a session", async () => {
      await store.createSession(record());
      await store.renameSession(record().code, "Retro");
      expect(await store.getSession(record().code)).toEqual(record({ title: "Retro" }));
    });

    it("keeps a coach link's hash apart from the session record, replaces and revokes it, and drops it with the session", async () => {
      await store.createSession(record({ code: "AAA-AAA-AAA" }));
      await store.createSession(record({ code: "BBB-BBB-BBB" }));
      expect(await store.getCoachHash("AAA-AAA-AAA")).toBeUndefined();
      await store.setCoachHash("AAA-AAA-AAA", "c".repeat(64));
      expect(await store.getCoachHash("AAA-AAA-AAA")).toBe("c".repeat(64));
      expect(await store.getCoachHash("BBB-BBB-BBB")).toBeUndefined();
      // The session record itself is unchanged: the hash never travels with it.
      expect(await store.getSession("AAA-AAA-AAA")).toEqual(record({ code: "AAA-AAA-AAA" }));
      await store.setCoachHash("AAA-AAA-AAA", "d".repeat(64));
      expect(await store.getCoachHash("AAA-AAA-AAA")).toBe("d".repeat(64));
      await store.setCoachHash("AAA-AAA-AAA", null);
      expect(await store.getCoachHash("AAA-AAA-AAA")).toBeUndefined();
      await store.setCoachHash("AAA-AAA-AAA", "e".repeat(64));
      await store.deleteSession("AAA-AAA-AAA");
      await store.createSession(record({ code: "AAA-AAA-AAA" }));
      expect(await store.getCoachHash("AAA-AAA-AAA")).toBeUndefined();
      await store.setCoachHash("ZZZ-ZZZ-ZZZ", "f".repeat(64));
      expect(await store.getCoachHash("ZZZ-ZZZ-ZZZ")).toBeUndefined();
    });

    it("ends a session once: a second end keeps the first time", async () => {
      await store.createSession(record());
      await store.endSession(record().code, 1_700_000_100_000);
      await store.endSession(record().code, 1_700_000_200_000);
      expect((await store.getSession(record().code))?.endedAt).toBe(1_700_000_100_000);
    });

    it("deletes a session, after which its code can be used again", async () => {
      await store.createSession(record());
      await store.deleteSession(record().code);
      expect(await store.getSession(record().code)).toBeUndefined();
      await store.createSession(record({ title: "Again" }));
      expect((await store.getSession(record().code))?.title).toBe("Again");
    });

    it("treats changes to a code it does not hold as no-ops", async () => {
      await store.renameSession("ZZZ-ZZZ-ZZZ", "x");
      await store.endSession("ZZZ-ZZZ-ZZZ", 1);
      await store.deleteSession("ZZZ-ZZZ-ZZZ");
      expect(await store.getSession("ZZZ-ZZZ-ZZZ")).toBeUndefined();
    });
    it("writes several records at once, and nothing for a session that does not exist", async () => {
      await store.createSession(record({ code: "AAA-AAA-AAA" }));
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
    });

    it("replaces a record in place, keeps text a person typed exactly, and deletes one record", async () => {
      await store.createSession(record());
      const code = record().code;
      const text = 'Hyvä 🌲 idea\u0000 "quoted" – Åbo';
      await store.saveRecord(code, { kind: "note", id: "n1", data: { v: 1, text: "first" }, updatedAt: 10 });
      await store.saveRecord(code, { kind: "zone", id: "z1", data: { v: 1 }, updatedAt: 20 });
      await store.saveRecord(code, { kind: "note", id: "n1", data: { v: 1, text }, updatedAt: 30 });
      expect(await store.loadRecords(code)).toEqual([
        { kind: "zone", id: "z1", data: { v: 1 }, updatedAt: 20 },
        { kind: "note", id: "n1", data: { v: 1, text }, updatedAt: 30 },
      ]);
      await store.deleteRecord(code, "zone", "z1");
      expect(await store.getRecord(code, "zone", "z1")).toBeUndefined();
      expect((await store.loadRecords(code)).map((r) => r.id)).toEqual(["n1"]);
    });

    it("lets one holder at a time claim a session, and frees it on release", async () => {
      const first = await store.claimSession("AAA-AAA-AAA");
      expect(first).toBeDefined();
      expect(await store.claimSession("AAA-AAA-AAA")).toBeUndefined();
      const other = await store.claimSession("BBB-BBB-BBB");
      expect(other).toBeDefined();
      await first!.release();
      const again = await store.claimSession("AAA-AAA-AAA");
      expect(again).toBeDefined();
      await Promise.all([again!.release(), other!.release()]);
    });

    it("keeps files until the session is deleted, and finds idle sessions", async () => {
      await store.createSession(record({ code: "BBB-BBB-BBB", createdAt: 1000 }));
      await store.createSession(record({ code: "CCC-CCC-CCC", createdAt: 5000 }));
      await store.putFile("BBB-BBB-BBB", "f1", new Uint8Array([1, 2, 3]));
      expect(await store.getFile("BBB-BBB-BBB", "f1")).toEqual(new Uint8Array([1, 2, 3]));
      await store.putFile("BBB-BBB-BBB", "f1", new Uint8Array([4, 5]));
      expect(await store.getFile("BBB-BBB-BBB", "f1")).toEqual(new Uint8Array([4, 5]));
      await store.saveRecord("BBB-BBB-BBB", { kind: "note", id: "n", data: {}, updatedAt: 9000 });
      // BBB was created first but changed last.
      expect(await store.sessionsIdleSince(6000)).toEqual(["CCC-CCC-CCC"]);
      expect(await store.sessionsIdleSince(10_000)).toEqual(["CCC-CCC-CCC", "BBB-BBB-BBB"]);
      await store.deleteFile("CCC-CCC-CCC", "nothing-here");
      await store.deleteSession("BBB-BBB-BBB");
      expect(await store.getFile("BBB-BBB-BBB", "f1")).toBeUndefined();
      expect(await store.loadRecords("BBB-BBB-BBB")).toEqual([]);
    });

    it("keeps accessibility feedback apart from sessions, oldest first, text exactly as written", async () => {
      await store.createSession(record());
      const later = {
        id: "f2",
        receivedAt: 2000,
        message: "Kontrast ä ö — ”citat”",
        contact: "",
        about: "",
        locale: "sv",
      };
      const first = {
        id: "f1",
        receivedAt: 1000,
        message: "Ruudunlukija ei löydä äänestystä",
        contact: "anna@example.fi",
        about: "2D",
        locale: "fi",
      };
      await store.saveFeedback(later);
      await store.saveFeedback(first);
      // Deleting sessions (a facilitator, or retention) never takes feedback along.
      await store.deleteSession(record().code);
      expect(await store.listFeedback()).toEqual([first, later]);
    });

    it("keeps a session's timeline in the order written, in the same transaction as the records, and deletes it with the session", async () => {
      await store.createSession(record());
      await store.createSession(record({ code: "BBB-BBB-BBB" }));
      const code = record().code;
      await store.appendTimeline(code, [
        { at: 10, data: { e: "on", n: "ä ö — ”" } },
        { at: 10, data: { e: "pos", d: [1, 2, 3] } },
      ]);
      await store.writeRecords(
        code,
        [{ kind: "note", id: "n1", data: { v: 1, text: "x" }, updatedAt: 11 }],
        [],
        [{ at: 11, data: { e: "rec", n: 1 } }],
      );
      // Written later with an earlier time: the order is the writing order, not the clock's.
      await store.appendTimeline(code, [{ at: 9, data: { e: "late" } }]);
      await store.appendTimeline(code, []);
      await store.appendTimeline("BBB-BBB-BBB", [{ at: 1, data: { e: "other" } }]);
      expect(await store.loadTimeline(code)).toEqual([
        { at: 10, data: { e: "on", n: "ä ö — ”" } },
        { at: 10, data: { e: "pos", d: [1, 2, 3] } },
        { at: 11, data: { e: "rec", n: 1 } },
        { at: 9, data: { e: "late" } },
      ]);
      expect((await store.getRecord(code, "note", "n1"))?.data).toEqual({ v: 1, text: "x" });
      await store.deleteSession(code);
      expect(await store.loadTimeline(code)).toEqual([]);
      expect(await store.loadTimeline("BBB-BBB-BBB")).toHaveLength(1);
    });

    it("refuses timeline entries for a session it does not hold, keeping none", async () => {
      await expect(store.appendTimeline("ZZZ-ZZZ-ZZZ", [{ at: 1, data: { e: "x" } }])).rejects.toThrow();
      await expect(
        store.writeRecords(
          "ZZZ-ZZZ-ZZZ",
          [{ kind: "note", id: "x", data: {}, updatedAt: 1 }],
          [],
          [{ at: 1, data: { e: "rec" } }],
        ),
      ).rejects.toThrow();
      expect(await store.loadTimeline("ZZZ-ZZZ-ZZZ")).toEqual([]);
    });
  });
}
