import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { sweepOldSessions } from "../../server/retention/sweep";
import { leaveCode, nextMessage } from "../support/server";
import { pngBytes, upload } from "../support/files";
import { act, textsSeenBy, wallBoardId } from "../support/boards";
import { useTestServer } from "../support/rooms";

const server = useTestServer();

/** Rows a session still has in the real SQLite file, read by a second connection. */
function rowsOf(code: string): { sessions: number; records: number } {
  const db = new Database(join(server.dataDir, "test.db"), { readonly: true });
  try {
    const sessions = db.prepare("SELECT count(*) AS n FROM sessions WHERE code = ?").get(code) as { n: number };
    const records = db.prepare("SELECT count(*) AS n FROM records WHERE session_code = ?").get(code) as { n: number };
    return { sessions: sessions.n, records: records.n };
  } finally {
    db.close();
  }
}

const filesOf = (code: string) => join(server.dataDir, "files", code);

describe("deleting a session", () => {
  it("takes everyone out, then erases its rows and its files; other sessions are untouched", async () => {
    const keep = await server.createSession("Keep me");
    const doomed = await server.createSession("Delete me");
    const host = await server.join(doomed.code, { facilitatorSecret: doomed.facilitatorSecret });
    const anna = await server.join(doomed.code, { name: "Anna" });
    const wall = wallBoardId(host);
    await act(anna, "boards.addNote", { boardId: wall, text: "to be erased", color: 0 }, (r) =>
      textsSeenBy(r).includes("to be erased"),
    );
    expect(
      (await upload(server.baseUrl, doomed.code, doomed.facilitatorSecret, pngBytes(4, 4), "image/png")).status,
    ).toBe(201);
    expect((await upload(server.baseUrl, keep.code, keep.facilitatorSecret, pngBytes(4, 4), "image/png")).status).toBe(
      201,
    );
    expect(rowsOf(doomed.code).records).toBeGreaterThan(5);
    expect(readdirSync(filesOf(doomed.code))).toHaveLength(1);

    // Only with the facilitator secret.
    const refused = await fetch(`${server.baseUrl}/api/sessions/${doomed.code}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${keep.facilitatorSecret}` },
    });
    expect(refused.status).toBe(401);
    expect(rowsOf(doomed.code).sessions).toBe(1);

    const told = nextMessage(anna, "session.closed");
    const gone = leaveCode(anna);
    const response = await fetch(`${server.baseUrl}/api/sessions/${doomed.code}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${doomed.facilitatorSecret}` },
    });
    expect(response.status).toBe(204);
    expect(await told).toEqual({ reason: "deleted" });
    await gone;
    expect(rowsOf(doomed.code)).toEqual({ sessions: 0, records: 0 });
    expect(existsSync(filesOf(doomed.code))).toBe(false);
    expect((await fetch(`${server.baseUrl}/api/sessions/${doomed.code}`)).status).toBe(404);
    await expect(server.join(doomed.code)).rejects.toThrow(/session_not_found/);

    expect(rowsOf(keep.code).sessions).toBe(1);
    expect(readdirSync(filesOf(keep.code))).toHaveLength(1);
    expect(host.connection.isOpen).toBe(false);
  });

  it("deletes sessions idle longer than the retention period, but none in use", async () => {
    const old = await server.createSession("Old");
    const busy = await server.createSession("Busy");
    await upload(server.baseUrl, old.code, old.facilitatorSecret, pngBytes(2, 2), "image/png");
    const inside = await server.join(busy.code);
    const services = server.app.services;
    const realNow = services.now;
    try {
      // Forty days later…
      services.now = () => realNow() + 40 * 24 * 3600 * 1000;
      const deleted = await sweepOldSessions(services, 30);
      expect(deleted).toContain(old.code);
      expect(deleted).not.toContain(busy.code);
      expect(rowsOf(old.code)).toEqual({ sessions: 0, records: 0 });
      expect(existsSync(filesOf(old.code))).toBe(false);
      expect(rowsOf(busy.code).sessions).toBe(1);
      // …but a session changed recently is not idle, however old it is.
      expect(await sweepOldSessions(services, 50)).toEqual([]);
    } finally {
      services.now = realNow;
    }
    await inside.leave();
  });
});
