import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CreateSessionResponse } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { freePort, waitForState, type SdkSessionRoom } from "../support/server";
import { startChildServer, type ChildServer } from "../support/child-server";
import { killTestStores } from "../support/postgres";
import { pdfBytes, upload } from "../support/files";
import { act, decodedNotes, joinAt, mineOf, snapshot, textsSeenBy, wallBoardId } from "../support/boards";

const dataDir = mkdtempSync(join(tmpdir(), "yhteistila-kill-"));
let child: ChildServer | undefined;
afterAll(async () => {
  await child?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

const HOST_KEY = "durability-host-key-0001";
const ANNA_KEY = "durability-anna-key-0001";
const BEN_KEY = "durability-ben-key-00001";

function noteId(room: SdkSessionRoom, text: string): string {
  const note = decodedNotes(room).find((n) => n.text === text);
  if (!note) throw new Error(`no note "${text}"`);
  return note.id;
}

function openVoteId(room: SdkSessionRoom, boardId: string): string {
  for (const [id, vote] of room.state.boards.get(boardId)!.votes) if (vote.endedAt === 0) return id;
  throw new Error("no open vote");
}

const stores = killTestStores("t_kill");

describe.each(stores)("a server on %s killed with SIGKILL mid-session", (_name, env) => {
  it("comes back with every board, note, cluster, round, vote and the screen exactly as acknowledged", async () => {
    await child?.kill();
    const port = await freePort();
    child = await startChildServer({ port, dataDir, env });
    const response = await fetch(`${child.baseUrl}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Power cut" }),
    });
    const session = (await response.json()) as CreateSessionResponse;
    const host = await joinAt(child.baseUrl, session.code, {
      name: "Host",
      facilitatorSecret: session.facilitatorSecret,
      personKey: HOST_KEY,
    });
    const anna = await joinAt(child.baseUrl, session.code, { name: "Anna", personKey: ANNA_KEY });
    const ben = await joinAt(child.baseUrl, session.code, { name: "Ben", personKey: BEN_KEY });
    const wall = wallBoardId(host);

    // Structure: a titled wall where participants may cluster, and a second board.
    await act(host, "boards.update", { boardId: wall, title: "Ideas", clustering: true }, (r) => {
      return r.state.boards.get(wall)?.title === "Ideas";
    });
    await act(
      host,
      "boards.create",
      { title: "Parking lot", zoneId: "", x: 0, z: 900, yaw: 180, width: 300, height: 160 },
      (r) => [...r.state.boards.values()].some((b) => b.title === "Parking lot"),
    );
    const parking = [...host.state.boards.entries()].find(([, b]) => b.title === "Parking lot")![0];

    // Notes by two people, a cluster around two of them, then the cluster moved.
    for (const text of ["A1", "A2", "A3"]) {
      await act(anna, "boards.addNote", { boardId: wall, text, color: 1 }, (r) => textsSeenBy(r).includes(text));
    }
    for (const text of ["B1", "B2"]) {
      await act(ben, "boards.addNote", { boardId: wall, text, color: 2 }, (r) => textsSeenBy(r).includes(text));
    }
    await waitForState(host, () => textsSeenBy(host).length === 5);
    await act(
      anna,
      "boards.addCluster",
      { boardId: wall, title: "Theme", noteIds: [noteId(anna, "A1"), noteId(anna, "B1")] },
      (r) => decodedNotes(r).find((n) => n.text === "A1")!.clusterId !== "",
    );
    await waitForState(host, () => decodedNotes(host).find((n) => n.text === "A1")!.clusterId !== "");
    const clusterId = decodedNotes(host).find((n) => n.text === "A1")!.clusterId;
    await act(host, "boards.moveCluster", { clusterId, x: 400, y: 60 }, (r) => {
      return r.state.boards.get(wall)!.clusters?.get(clusterId)?.x === 400;
    });

    // One vote ended (results kept), one still open with dots placed.
    await act(
      host,
      "boards.startVote",
      { boardId: wall, perPerson: 3, maxPerNote: 2, anonymous: false, durationSeconds: 0 },
      (r) => r.state.boards.get(wall)!.votes?.size === 1,
    );
    const firstVote = openVoteId(host, wall);
    await act(anna, "boards.dot", { voteId: firstVote, noteId: noteId(anna, "B2"), delta: 1 }, (r) => {
      return r.state.boardsMine.get(r.sessionId)?.used.get(firstVote) === 1;
    });
    await act(ben, "boards.dot", { voteId: firstVote, noteId: noteId(ben, "B2"), delta: 1 }, (r) => {
      return r.state.boardsMine.get(r.sessionId)?.used.get(firstVote) === 1;
    });
    await act(host, "boards.endVote", { voteId: firstVote }, (r) => {
      return r.state.boards.get(wall)!.votes?.get(firstVote)?.results.length === 5;
    });
    await act(
      host,
      "boards.startVote",
      { boardId: wall, perPerson: 5, maxPerNote: 5, anonymous: true, durationSeconds: 0 },
      (r) => r.state.boards.get(wall)!.votes.size === 2,
    );
    const openVote = openVoteId(host, wall);
    for (let i = 1; i <= 3; i++) {
      await act(anna, "boards.dot", { voteId: openVote, noteId: noteId(anna, "A2"), delta: 1 }, (r) => {
        return r.state.boardsMine.get(r.sessionId)?.used.get(openVote) === i;
      });
    }

    // A private, anonymous round on the other board, with a note only Anna has seen.
    await act(host, "boards.round", { action: "start", boardId: parking, anonymous: true }, (r) => {
      return r.state.boards.get(parking)?.round === "anonymous";
    });
    await act(anna, "boards.addNote", { boardId: parking, text: "draft", color: 4 }, (r) =>
      textsSeenBy(r).includes("draft"),
    );
    await act(host, "boards.update", { boardId: wall, locked: true }, (r) => r.state.boards.get(wall)!.locked);

    // The screen shows page 2 of an uploaded PDF.
    const uploaded = await upload(
      child.baseUrl,
      session.code,
      session.facilitatorSecret,
      pdfBytes(3),
      "application/pdf",
      "slides.pdf",
    );
    expect(uploaded.status, child.output()).toBe(201);
    await act(host, "screen.show", { fileId: String(uploaded.body.fileId), page: 2 }, (r) => r.state.screen.page === 2);

    // Mid-stream: Anna drags her note across the board, 30 steps without waiting; the server dies
    // while the steps are still arriving.
    const dragged = noteId(anna, "A3");
    const xOf = (room: SdkSessionRoom) => decodedNotes(room).find((n) => n.id === dragged)!.x;
    // From the board's left edge first: a note is placed where it is written (list notes fill the
    // board's middle), and the drag must only ever move it right for "at least as far" to mean anything.
    await act(anna, "boards.moveNote", { noteId: dragged, x: 100, y: 150 }, (r) => xOf(r) === 100);
    for (let i = 1; i <= 30; i++) sendCommand(anna, "boards.moveNote", { noteId: dragged, x: 100 + i * 10, y: 150 });
    await waitForState(anna, () => xOf(anna) >= 150, 5000);
    // (The SDK's own reconnection cannot help here: the room it knew is gone. The page rejoins instead.)
    for (const room of [host, anna, ben]) room.reconnection.enabled = false;
    await child.kill();
    // What each person saw is what they were told: all of it must survive.
    const before = { host: snapshot(host), anna: snapshot(anna), ben: snapshot(ben) };
    const annaSawX = xOf(anna);
    expect(annaSawX).toBeGreaterThanOrEqual(150);

    child = await startChildServer({ port, dataDir, env });
    const host2 = await joinAt(child.baseUrl, session.code, {
      name: "Host",
      facilitatorSecret: session.facilitatorSecret,
      personKey: HOST_KEY,
    });
    const anna2 = await joinAt(child.baseUrl, session.code, { name: "Anna", personKey: ANNA_KEY });
    const ben2 = await joinAt(child.baseUrl, session.code, { name: "Ben", personKey: BEN_KEY });
    for (const room of [host2, anna2, ben2]) await waitForState(room, (s) => s.screen.page === 2);
    await waitForState(anna2, () => textsSeenBy(anna2).includes("draft"));

    // The dragged note is at least as far as Anna saw it go (later steps may have been stored too).
    expect(xOf(anna2)).toBeGreaterThanOrEqual(annaSawX);
    // The drag moves both coordinates (y jumps to 150 on the first step), and others may have been
    // told of none, some or all steps before the kill: compare everything but the dragged position.
    const withoutDrag = (s: ReturnType<typeof snapshot>) => {
      const copy = structuredClone(s) as {
        boards: Record<string, { notes: Record<string, { x?: number; y?: number }> }>;
      };
      delete copy.boards[wall]!.notes[dragged]!.x;
      delete copy.boards[wall]!.notes[dragged]!.y;
      return copy;
    };
    expect(withoutDrag(snapshot(host2))).toEqual(withoutDrag(before.host));
    expect(withoutDrag(snapshot(anna2))).toEqual(withoutDrag(before.anna));
    expect(withoutDrag(snapshot(ben2))).toEqual(withoutDrag(before.ben));
    // Spot checks of what matters most, in words.
    expect(host2.state.boards.get(wall)!.votes.get(firstVote)!.results[0]).toMatchObject({ text: "B2", count: 2 });
    expect(anna2.state.boardsMine.get(anna2.sessionId)!.used.get(openVote)).toBe(3);
    expect(textsSeenBy(host2)).not.toContain("draft");
    expect(mineOf(anna2)).toContain(noteId(anna2, "draft"));

    // Anna is still Anna: her notes are still hers to edit, her dots still count against her budget.
    await act(anna2, "boards.editNote", { noteId: noteId(anna2, "A2"), text: "A2 edited" }, (r) =>
      textsSeenBy(r).includes("A2 edited"),
    );
    await act(anna2, "boards.dot", { voteId: openVote, noteId: noteId(anna2, "A2 edited"), delta: 1 }, (r) => {
      return r.state.boardsMine.get(r.sessionId)?.used.get(openVote) === 4;
    });
    await Promise.all([host2.leave(), anna2.leave(), ben2.leave()]);
  }, 180_000);
});
