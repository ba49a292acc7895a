import { describe, expect, it } from "vitest";
import { LAB } from "../../shared/space/layout";
import { waitForState } from "../support/server";
import { act, decodedNotes, mineOf, placeIn, textsSeenBy, wallBoardId, zoneBoardId } from "../support/boards";
import { useTestServer, handled, refusal } from "../support/rooms";

const server = useTestServer();

const key = (n: number) => `test-person-key-${String(n).padStart(4, "0")}`;

describe("what each participant receives", () => {
  it("starts a session with the note wall and one board in each breakout zone", async () => {
    const session = await server.createSession();
    const anna = await server.join(session.code, { personKey: key(1) });
    await waitForState(anna, (s) => s.boards.size === 1 + LAB.breakoutAreas.length);
    const zones = [...anna.state.boards.values()].map((b) => b.zoneId).sort();
    expect(zones).toEqual(["", ...LAB.breakoutAreas.map((a) => a.id)].sort());
    await anna.leave();
  });

  it("never sends a private round's notes to anyone but their author, nor anonymous authors to anyone", async () => {
    const session = await server.createSession();
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const anna = await server.join(session.code, { name: "Anna", personKey: key(2) });
    const ben = await server.join(session.code, { name: "Ben", personKey: key(3) });
    const wall = wallBoardId(host);

    await act(host, "boards.round", { action: "start", boardId: wall, anonymous: true }, (r) => {
      return r.state.boards.get(wall)?.round === "anonymous";
    });
    await act(anna, "boards.addNote", { boardId: wall, text: "Anna's secret idea", color: 1 }, (r) =>
      textsSeenBy(r).includes("Anna's secret idea"),
    );
    await act(ben, "boards.addNote", { boardId: wall, text: "Ben's secret idea", color: 2 }, (r) =>
      textsSeenBy(r).includes("Ben's secret idea"),
    );
    // Everyone sees how many notes exist, nobody sees anyone else's.
    await waitForState(host, (s) => s.boards.get(wall)?.noteCount === 2);
    await handled(anna);
    await handled(host);
    expect(textsSeenBy(anna)).toEqual(["Anna's secret idea"]);
    expect(textsSeenBy(ben)).toEqual(["Ben's secret idea"]);
    expect(textsSeenBy(host)).toEqual([]);
    expect(decodedNotes(anna)[0]).toMatchObject({ hidden: true, anonymous: true, authorName: "" });
    expect(mineOf(anna)).toEqual([decodedNotes(anna)[0]!.id]);
    // The others' private entries never arrive either.
    expect(anna.state.boardsMine.size).toBe(1);

    await act(host, "boards.round", { action: "reveal", boardId: wall }, (r) => textsSeenBy(r).length === 2);
    await waitForState(anna, () => textsSeenBy(anna).length === 2);
    await waitForState(ben, () => textsSeenBy(ben).length === 2);
    for (const room of [host, anna, ben]) {
      for (const note of decodedNotes(room)) {
        expect(note).toMatchObject({ hidden: false, anonymous: true, authorName: "" });
      }
    }
    // Only Anna learns which one is hers.
    const annas = decodedNotes(ben).find((n) => n.text.startsWith("Anna"))!;
    expect(mineOf(anna)).toEqual([annas.id]);
    expect(mineOf(ben)).not.toContain(annas.id);
    expect(mineOf(host)).toEqual([]);

    // A named round shows names after the reveal.
    await act(host, "boards.round", { action: "start", boardId: wall, anonymous: false }, (r) => {
      return r.state.boards.get(wall)?.round === "open";
    });
    await act(ben, "boards.addNote", { boardId: wall, text: "Ben, named", color: 0 }, (r) =>
      textsSeenBy(r).includes("Ben, named"),
    );
    await handled(anna);
    expect(textsSeenBy(anna)).not.toContain("Ben, named");
    await act(host, "boards.round", { action: "reveal", boardId: wall }, (r) => textsSeenBy(r).includes("Ben, named"));
    await waitForState(anna, () => textsSeenBy(anna).includes("Ben, named"));
    expect(decodedNotes(anna).find((n) => n.text === "Ben, named")).toMatchObject({ authorName: "Ben" });
    await Promise.all([host.leave(), anna.leave(), ben.leave()]);
  });

  it("keeps a zone board's notes within the zone (and the facilitators), following people as they move", async () => {
    const session = await server.createSession();
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret });
    const anna = await server.join(session.code, { name: "Anna", personKey: key(4) });
    const ben = await server.join(session.code, { name: "Ben", personKey: key(5) });
    const nw = LAB.breakoutAreas.find((a) => a.id === "nw")!;
    const board = zoneBoardId(anna, "nw");

    // Outside the zone, Anna may not even write there.
    expect(await refusal(anna, "boards.addNote", { boardId: board, text: "from afar", color: 0 })).toMatchObject({
      code: "not_found",
    });
    placeIn(server, session.code, anna, nw.x, nw.z);
    await waitForState(anna, (s) => s.people.get(anna.sessionId)?.zone === "nw");
    await act(anna, "boards.addNote", { boardId: board, text: "group work", color: 3 }, (r) =>
      textsSeenBy(r).includes("group work"),
    );
    await waitForState(host, () => textsSeenBy(host).includes("group work"));
    await handled(ben);
    expect(textsSeenBy(ben)).toEqual([]);

    placeIn(server, session.code, ben, nw.x + 1, nw.z);
    await waitForState(ben, () => textsSeenBy(ben).includes("group work"));
    expect(decodedNotes(ben)[0]).toMatchObject({ authorName: "Anna" });

    // Leaving the zone takes its notes away again.
    placeIn(server, session.code, ben, 0, 1);
    await waitForState(ben, () => textsSeenBy(ben).length === 0);
    await Promise.all([host.leave(), anna.leave(), ben.leave()]);
  });

  it("gives a co-facilitator the facilitators' view, and takes it back", async () => {
    const session = await server.createSession();
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret });
    const anna = await server.join(session.code, { name: "Anna", personKey: key(6) });
    const carl = await server.join(session.code, { name: "Carl", personKey: key(7) });
    const se = LAB.breakoutAreas.find((a) => a.id === "se")!;
    placeIn(server, session.code, anna, se.x, se.z);
    await waitForState(anna, (s) => s.people.get(anna.sessionId)?.zone === "se");
    await act(anna, "boards.addNote", { boardId: zoneBoardId(anna, "se"), text: "se idea", color: 0 }, (r) =>
      textsSeenBy(r).includes("se idea"),
    );
    await handled(carl);
    expect(textsSeenBy(carl)).toEqual([]);
    await act(host, "people.setRole", { id: carl.sessionId, role: "facilitator" }, () => true);
    await waitForState(carl, () => textsSeenBy(carl).includes("se idea"));
    await act(host, "people.setRole", { id: carl.sessionId, role: "participant" }, () => true);
    await waitForState(carl, () => textsSeenBy(carl).length === 0);
    await Promise.all([host.leave(), anna.leave(), carl.leave()]);
  });
});
