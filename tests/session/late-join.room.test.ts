import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addNote, createBoard } from "../../shared/boards/rules";
import {
  NOTES_PER_BOARD_MAX,
  NOTE_TEXT_MAX,
  notesOfBoard,
  type Actor,
  type DocChange,
} from "../../shared/boards/model";
import { wallBoardPlacement } from "../../shared/boards/geometry";
import { boardsRuntimeOf } from "../../server/boards/module";
import { newDocId } from "../../server/boards/runtime";
import { sendCommand } from "../../shared/protocol/send";
import { startTestServer, waitForState, type SdkSessionRoom, type TestServer } from "../support/server";
import { awaitNearPose, handled } from "../support/rooms";
import { nearPose } from "../support/poses";
import { skippableClock } from "../support/clock";

let server: TestServer;
// Chat's rate limit runs on this clock: the test skips ahead instead of waiting for it to refill.
const clock = skippableClock();
const warnings: string[] = [];
const originalWarn = console.warn;
beforeAll(async () => {
  // The schema encoder warns when its buffer overflows: that warning used to come with corrupted state.
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(" "));
    originalWarn(...args);
  };
  server = await startTestServer({ now: clock.now });
});
afterAll(async () => {
  console.warn = originalWarn;
  await server?.close();
});

/**
 * What a facilitator decodes, without their own private corner (which differs per
 * person). Empty collections count as absent: a full sync sends a board's private collections as
 * empty containers once anything on the board is visible, while patches never mention them.
 */
/**
 * The state as this client decoded it, less what differs between clients by design: their own
 * notes, and who they are near (whose `hands` they receive; their full poses come as the
 * `movement.poses` message, never in the state: see nearPoses).
 */
function decoded(room: SdkSessionRoom): unknown {
  const { boardsMine: _mine, people, ...rest } = room.state.toJSON() as Record<string, unknown>;
  const shared = Object.fromEntries(
    Object.entries(people as Record<string, Record<string, unknown>>).map(([id, person]) => {
      const { hands: _nearHands, ...everyones } = person;
      return [id, everyones];
    }),
  );
  return withoutEmpty({ ...rest, people: shared });
}

/** The full poses this client holds, by person: each must equal the other client's where both hold it. */
function nearPoses(room: SdkSessionRoom): Map<string, unknown> {
  const poses = new Map<string, unknown>();
  for (const id of room.state.people.keys()) {
    const pose = nearPose(room, id);
    if (pose) poses.set(id, { ...pose });
  }
  return poses;
}

function withoutEmpty(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const kept = withoutEmpty(inner);
    if (kept !== null && typeof kept === "object" && !Array.isArray(kept) && Object.keys(kept).length === 0) continue;
    out[key] = kept;
  }
  return out;
}

/** Bytes of the full state the server would send this member if they joined now (shared and private parts). */
function encodedBytes(code: string, member: SdkSessionRoom): number {
  const room = server.app.services.rooms.get(code)!;
  const serializer = (room as unknown as { _serializer: { getFullState(client: unknown): Uint8Array } })._serializer;
  return serializer.getFullState(room.clientById(member.sessionId)).byteLength;
}

/** Adds `count` long notes (with å, ä, ö: two bytes each) through the boards' own rules and storage. */
async function growNotes(code: string, count: number): Promise<void> {
  const room = server.app.services.rooms.get(code)!;
  const runtime = boardsRuntimeOf(room)!;
  const host: Actor = { uid: "host", name: "Host", role: "facilitator", zone: "" };
  const rule = { doc: runtime.doc, now: Date.now(), newId: newDocId };
  let written = 0;
  while (written < count) {
    // Fill the zones' boards up to their limit, then add more (as a long programme event would).
    // In zones, so that the crowd in the plenary (decoding in this same process) does not receive them.
    let board = [...runtime.doc.boards.values()].find(
      (b) => b.zoneId !== "" && notesOfBoard(runtime.doc, b.id).length < NOTES_PER_BOARD_MAX,
    );
    if (!board) {
      const zones = [...room.state.zones.keys()];
      const zoneId = zones[runtime.doc.boards.size % zones.length]!;
      const made = createBoard({ ...rule, actor: host }, { title: "Ideas", zoneId, ...wallBoardPlacement() });
      if ("error" in made) throw new Error(`board: ${made.error}`);
      await runtime.commit(made.changes);
      board = runtime.doc.boards.get((made.changes[0] as DocChange & { id: string }).id)!;
    }
    const batch: DocChange[] = [];
    const already = notesOfBoard(runtime.doc, board.id).length;
    for (let i = already; i < NOTES_PER_BOARD_MAX && written < count; i++, written++) {
      // Each writer may add at most 40 notes to a board: spread them over writers, as a crowd would.
      const writer: Actor = {
        uid: `writer-${Math.floor(i / 40)}`,
        name: `Kirjoittaja ${i}`,
        role: "participant",
        zone: board.zoneId,
      };
      const text =
        `Idea ${i}: äänestetään yhdessä työpajan jälkeen, jotta kaikki ääret näkyvät ja öisin säästöön ${"å".repeat(30)}`.slice(
          0,
          NOTE_TEXT_MAX,
        );
      const result = addNote({ ...rule, actor: writer }, { boardId: board.id, text, color: i % 6 });
      if ("error" in result) throw new Error(`note: ${result.error} ${result.detail ?? ""}`);
      batch.push(...result.changes);
      // Into the document at once so that the next rule sees it; commit below stores and shows them all.
      for (const change of result.changes) if (change.kind === "note") runtime.doc.notes.set(change.id, change.value!);
    }
    for (const change of batch) if (change.kind === "note") runtime.doc.notes.delete(change.id);
    await runtime.commit(batch);
  }
}

describe("a late joiner's state", () => {
  it("equals a long-connected member's at 16 KiB, 256 KiB and 1 MiB of state", async () => {
    const session = await server.createSession();
    // Facilitators see every zone's boards: the largest state anyone receives.
    const host = { facilitatorSecret: session.facilitatorSecret };
    const early = await server.join(session.code, { ...host, name: "Early" });
    const writers: SdkSessionRoom[] = [];
    for (let i = 0; i < 6; i++) writers.push(await server.join(session.code, { name: `Writer ${i}` }));

    // Past 16 KiB the way a workshop gets there: long chat lines from six people.
    for (let line = 0; line < 36; line++) {
      const writer = writers[line % writers.length]!;
      sendCommand(writer, "chat.send", {
        channel: "plenary",
        text: `${line} ${"Puheenvuoro ja kysymys. ".repeat(20)}`.slice(0, 500),
      });
      if (line % 12 === 11) {
        await Promise.all(writers.map(handled));
        clock.skip(1100);
      }
    }
    await waitForState(early, (s) => s.plenaryChat.size === 36, 10_000);
    // And a crowd: people are most of a plenary's shared state.
    const crowd: SdkSessionRoom[] = [];
    for (let i = 0; i < 40; i++) crowd.push(await server.join(session.code, { name: `Osallistuja ${i} Åström` }));

    for (const target of [16 * 1024, 256 * 1024, 1024 * 1024]) {
      while (encodedBytes(session.code, early) <= target) await growNotes(session.code, 400);
      const total = [...server.app.services.rooms.get(session.code)!.state.boards.values()].reduce(
        (n, b) => n + b.notes.size,
        0,
      );
      await waitForState(
        early,
        (s) => [...s.boards.values()].reduce((n, b) => n + (b.notes?.size ?? 0), 0) === total,
        20_000,
      );
      const late = await server.join(session.code, { ...host, name: `Late ${target}` });
      await waitForState(early, (s) => s.people.has(late.sessionId));
      await waitForState(late, (s) => s.people.has(late.sessionId) && s.people.has(early.sessionId));
      expect(decoded(late), `late joiner at ${target} bytes`).toEqual(decoded(early));
      // The poses come with the first patch after the join, as one message of everyone near.
      await awaitNearPose(late);
      const earlyPoses = nearPoses(early);
      const latePoses = nearPoses(late);
      expect(latePoses.size).toBeGreaterThan(1);
      for (const [id, pose] of latePoses) if (earlyPoses.has(id)) expect(pose).toEqual(earlyPoses.get(id));
      console.log(`late joiner decoded the same state as the early one at ${encodedBytes(session.code, late)} bytes`);
      await late.leave();
    }
    expect(warnings.filter((w) => w.includes("buffer overflow"))).toEqual([]);
    await Promise.all([early.leave(), ...writers.map((w) => w.leave()), ...crowd.map((c) => c.leave())]);
  }, 120_000);
});
