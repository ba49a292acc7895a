import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOTE_SIZE_CM } from "../../shared/boards/model";
import { sendCommand } from "../../shared/protocol/send";
import { startTestServer, waitForState, type TestServer } from "../support/server";
import { decodedNotes, wallBoardId } from "../support/boards";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const overlap = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < NOTE_SIZE_CM && Math.abs(a.y - b.y) < NOTE_SIZE_CM;

describe("notes placed by the server", () => {
  it("two people writing at the same spot at once get two notes side by side, seen alike by both", async () => {
    const session = await server.createSession();
    const anna = await server.join(session.code, { name: "Anna", personKey: "placement-anna-000000001" });
    const ben = await server.join(session.code, { name: "Ben", personKey: "placement-ben-0000000001" });
    const wall = wallBoardId(anna);
    // Both messages leave before either hears of the other's note.
    sendCommand(anna, "boards.addNote", { boardId: wall, text: "Annan lappu", color: 0, x: 400, y: 100 });
    sendCommand(ben, "boards.addNote", { boardId: wall, text: "Benin lappu", color: 1, x: 402, y: 101 });
    sendCommand(ben, "boards.addNote", { boardId: wall, text: "Toinen", color: 2, x: 400, y: 100 });
    await waitForState(anna, () => decodedNotes(anna).length === 3);
    await waitForState(ben, () => decodedNotes(ben).length === 3);
    const notes = decodedNotes(anna);
    for (const [i, a] of notes.entries()) for (const b of notes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    // The first to arrive sits where it was asked; the others right beside it.
    const first = notes.find((n) => n.x === 400 && n.y === 100);
    expect(first).toBeDefined();
    for (const n of notes) expect(Math.hypot(n.x - 400, n.y - 100)).toBeLessThan(3 * NOTE_SIZE_CM);
    expect(decodedNotes(ben).map(({ x, y }) => ({ x, y }))).toEqual(notes.map(({ x, y }) => ({ x, y })));
  });

  it("notes written in a list line up in reading order beside a clicked note", async () => {
    const session = await server.createSession();
    const anna = await server.join(session.code, { name: "Anna", personKey: "placement-anna-000000002" });
    const wall = wallBoardId(anna);
    sendCommand(anna, "boards.addNote", { boardId: wall, text: "0 clicked", color: 0, x: 60, y: 50 });
    for (const text of ["1 listed", "2 listed", "3 listed"]) {
      sendCommand(anna, "boards.addNote", { boardId: wall, text, color: 0 });
    }
    await waitForState(anna, () => decodedNotes(anna).length === 4);
    const notes = decodedNotes(anna);
    for (const [i, a] of notes.entries()) for (const b of notes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    const listed = notes.slice(1);
    expect(new Set(listed.map((n) => n.y)).size).toBe(1);
    expect(listed.map((n) => n.x)).toEqual([...listed.map((n) => n.x)].sort((a, b) => a - b));
  });
});
