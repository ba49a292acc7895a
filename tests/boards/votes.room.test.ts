import { describe, expect, it } from "vitest";
import type { ErrorMessage } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { waitForState, type SdkSessionRoom } from "../support/server";
import { act, decodedNotes, textsSeenBy, wallBoardId } from "../support/boards";
import { useTestServer, handled, refusal } from "../support/rooms";

const server = useTestServer();

function openVoteId(room: SdkSessionRoom, boardId: string): string {
  for (const [id, vote] of room.state.boards.get(boardId)!.votes) if (vote.endedAt === 0) return id;
  throw new Error("no open vote");
}

function myBallot(room: SdkSessionRoom, voteId: string) {
  const mine = room.state.boardsMine.get(room.sessionId);
  if (!mine?.used.has(voteId)) return undefined;
  const dots = new Map<string, number>();
  mine.dots.forEach((count, key) => {
    if (key.startsWith(`${voteId}/`)) dots.set(key.slice(voteId.length + 1), count);
  });
  return { used: mine.used.get(voteId)!, dots };
}

function collectErrors(room: SdkSessionRoom): ErrorMessage[] {
  const errors: ErrorMessage[] = [];
  room.onMessage("error", (error: ErrorMessage) => errors.push(error));
  return errors;
}

async function sessionWithNotes(texts: string[]) {
  const session = await server.createSession();
  const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
  const wall = wallBoardId(host);
  for (const text of texts) {
    await act(host, "boards.addNote", { boardId: wall, text, color: 0 }, (r) => textsSeenBy(r).includes(text));
  }
  const ids = Object.fromEntries(decodedNotes(host).map((n) => [n.text, n.id]));
  return { session, host, wall, ids };
}

describe("dot voting on a real server", () => {
  it("cannot be overspent by racing messages, from one connection or two of the same person", async () => {
    const { session, host, wall, ids } = await sessionWithNotes(["alpha", "beta", "gamma"]);
    await act(
      host,
      "boards.startVote",
      { boardId: wall, perPerson: 5, maxPerNote: 3, anonymous: true, durationSeconds: 0 },
      (r) => r.state.boards.get(wall)!.votes?.size === 1,
    );
    const voteId = openVoteId(host, wall);
    // The same browser key in two tabs is the same person with one budget.
    const tab1 = await server.join(session.code, { name: "Racer", personKey: "racer-key-000000000001" });
    const tab2 = await server.join(session.code, { name: "Racer", personKey: "racer-key-000000000001" });
    const errors1 = collectErrors(tab1);
    const errors2 = collectErrors(tab2);
    const noteIds = [ids.alpha!, ids.beta!, ids.gamma!];
    // 12 dots fired at once from each tab, without waiting for any answer.
    for (let i = 0; i < 12; i++) {
      const noteId = noteIds[i % 3]!;
      sendCommand(tab1, "boards.dot", { voteId, noteId, delta: 1 });
      sendCommand(tab2, "boards.dot", { voteId, noteId, delta: 1 });
    }
    await handled(tab1);
    await handled(tab2);
    await waitForState(tab1, () => myBallot(tab1, voteId)?.used === 5);
    await waitForState(tab2, () => myBallot(tab2, voteId)?.used === 5);
    const dots = [...myBallot(tab1, voteId)!.dots.values()];
    expect(dots.reduce((a, b) => a + b, 0)).toBe(5);
    expect(Math.max(...dots)).toBeLessThanOrEqual(3);
    const errors = [...errors1, ...errors2];
    expect(errors.filter((e) => e.code === "vote_budget").length).toBeGreaterThan(0);
    expect(errors.every((e) => ["vote_budget", "vote_note_max", "rate_limited"].includes(e.code))).toBe(true);

    // Results stay hidden from everyone (the facilitator too) until the vote ends.
    expect(host.state.boards.get(wall)!.votes.get(voteId)!.results.length).toBe(0);
    await waitForState(host, (s) => s.boards.get(wall)!.votes.get(voteId)!.voters === 1);

    await act(host, "boards.endVote", { voteId }, (r) => r.state.boards.get(wall)!.votes.get(voteId)!.endedAt > 0);
    await waitForState(tab1, (s) => (s.boards.get(wall)!.votes.get(voteId)?.results.length ?? 0) === 3);
    const results = [...tab1.state.boards.get(wall)!.votes.get(voteId)!.results];
    expect(results.reduce((sum, r) => sum + r.count, 0)).toBe(5);
    expect(results.map((r) => r.count)).toEqual([...results.map((r) => r.count)].sort((a, b) => b - a));
    // Anonymous: no names, and the ballots are gone from every view.
    expect(results.every((r) => r.voters === "")).toBe(true);
    await waitForState(tab1, () => myBallot(tab1, voteId) === undefined);
    expect(await refusal(tab1, "boards.dot", { voteId, noteId: ids.alpha!, delta: 1 })).toMatchObject({
      code: "vote_closed",
    });
    await Promise.all([host.leave(), tab1.leave(), tab2.leave()]);
  });

  it("keeps the per-note maximum, gives dots back, and names voters in a named vote", async () => {
    const { session, host, wall, ids } = await sessionWithNotes(["one", "two"]);
    const anna = await server.join(session.code, { name: "Anna", personKey: "anna-key-00000000000001" });
    await act(
      host,
      "boards.startVote",
      { boardId: wall, perPerson: 3, maxPerNote: 2, anonymous: false, durationSeconds: 0 },
      (r) => r.state.boards.get(wall)!.votes?.size === 1,
    );
    const voteId = openVoteId(host, wall);
    await act(anna, "boards.dot", { voteId, noteId: ids.one!, delta: 1 }, () => myBallot(anna, voteId)?.used === 1);
    await act(anna, "boards.dot", { voteId, noteId: ids.one!, delta: 1 }, () => myBallot(anna, voteId)?.used === 2);
    expect(await refusal(anna, "boards.dot", { voteId, noteId: ids.one!, delta: 1 })).toMatchObject({
      code: "vote_note_max",
    });
    await act(anna, "boards.dot", { voteId, noteId: ids.one!, delta: -1 }, () => myBallot(anna, voteId)?.used === 1);
    await act(anna, "boards.dot", { voteId, noteId: ids.two!, delta: 1 }, () => myBallot(anna, voteId)?.used === 2);
    await act(host, "boards.dot", { voteId, noteId: ids.two!, delta: 1 }, () => myBallot(host, voteId)?.used === 1);
    expect(await refusal(anna, "boards.dot", { voteId, noteId: "nosuchnote", delta: 1 })).toMatchObject({
      code: "not_found",
    });
    await act(
      host,
      "boards.endVote",
      { voteId },
      (r) => r.state.boards.get(wall)!.votes.get(voteId)!.results.length === 2,
    );
    const results = [...host.state.boards.get(wall)!.votes.get(voteId)!.results].map((r) => ({
      text: r.text,
      count: r.count,
      rank: r.rank,
      voters: r.voters ? r.voters.split("\n") : [],
    }));
    expect(results).toEqual([
      { text: "two", count: 2, rank: 1, voters: ["Anna", "Host"] },
      { text: "one", count: 1, rank: 2, voters: ["Anna"] },
    ]);
    await Promise.all([host.leave(), anna.leave()]);
  });

  it("ends a timed vote by itself, and refuses participants who try to run votes", async () => {
    const { session, host, wall, ids } = await sessionWithNotes(["only"]);
    const anna = await server.join(session.code, { name: "Anna", personKey: "anna-key-00000000000002" });
    expect(
      await refusal(anna, "boards.startVote", {
        boardId: wall,
        perPerson: 3,
        maxPerNote: 1,
        anonymous: false,
        durationSeconds: 0,
      }),
    ).toMatchObject({ code: "forbidden" });
    await act(
      host,
      "boards.startVote",
      { boardId: wall, perPerson: 1, maxPerNote: 1, anonymous: false, durationSeconds: 10 },
      (r) => r.state.boards.get(wall)!.votes?.size === 1,
    );
    const voteId = openVoteId(host, wall);
    expect(await refusal(anna, "boards.endVote", { voteId })).toMatchObject({ code: "forbidden" });
    await act(anna, "boards.dot", { voteId, noteId: ids.only!, delta: 1 }, () => myBallot(anna, voteId)?.used === 1);
    // The shortest time limit is ten seconds; the room's own clock ends the vote.
    await waitForState(anna, (s) => s.boards.get(wall)!.votes.get(voteId)!.endedAt > 0, 15_000);
    const vote = anna.state.boards.get(wall)!.votes.get(voteId)!;
    expect(vote.results[0]).toMatchObject({ text: "only", count: 1, rank: 1 });
    expect(vote.endedAt - vote.startedAt).toBeGreaterThanOrEqual(10_000);
    await Promise.all([host.leave(), anna.leave()]);
  }, 30_000);
});
