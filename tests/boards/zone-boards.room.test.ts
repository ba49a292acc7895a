import { describe, expect, it } from "vitest";
import { zoneBoardPlacement } from "../../shared/boards/geometry";
import { sendCommand } from "../../shared/protocol/send";
import { waitForState, type SdkSessionRoom } from "../support/server";
import { act, placeIn, textsSeenBy, zoneBoardId } from "../support/boards";
import { useTestServer } from "../support/rooms";

const server = useTestServer();

function boardsOfZone(room: SdkSessionRoom, zoneId: string) {
  return [...room.state.boards.values()].filter((b) => b.zoneId === zoneId);
}

describe("zone boards follow the zones a facilitator edits", () => {
  it("adds, moves and removes a zone's board with the zone, keeping any work written on it", async () => {
    const session = await server.createSession();
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const anna = await server.join(session.code, { name: "Anna" });

    sendCommand(host, "zones.create", { name: "Kela corner", x: 9, z: 2, radius: 2.5 });
    await waitForState(anna, (s) => [...s.zones.values()].some((z) => z.name === "Kela corner"));
    const zone = [...anna.state.zones.values()].find((z) => z.name === "Kela corner")!;
    await waitForState(anna, () => boardsOfZone(anna, zone.id).length === 1);
    const board = boardsOfZone(anna, zone.id)[0]!;
    const placed = zoneBoardPlacement({ x: 9, z: 2, radius: 2.5 });
    expect({ x: board.x, z: board.z, preset: board.preset }).toEqual({ x: placed.x, z: placed.z, preset: "zone" });

    sendCommand(host, "zones.update", { id: zone.id, x: 9, z: 3, radius: 2 });
    const moved = zoneBoardPlacement({ x: 9, z: 3, radius: 2 });
    await waitForState(anna, () => boardsOfZone(anna, zone.id)[0]?.z === moved.z);
    expect(boardsOfZone(anna, zone.id)[0]!.x).toBe(moved.x);

    // Anna writes on the new zone's board from inside it; then the zone is removed.
    placeIn(server, session.code, anna, 9, 3);
    await waitForState(anna, (s) => s.people.get(anna.sessionId)?.zone === zone.id);
    const boardId = zoneBoardId(anna, zone.id);
    await act(anna, "boards.addNote", { boardId, text: "Kela's idea", color: 0 }, (r) =>
      textsSeenBy(r).includes("Kela's idea"),
    );
    sendCommand(host, "zones.remove", { id: zone.id });
    sendCommand(host, "zones.remove", { id: "se" });
    await waitForState(anna, (s) => !s.zones.has(zone.id) && !s.zones.has("se"));
    // The empty default zone's board is gone; the board with Anna's note stays, for facilitators only.
    await waitForState(anna, () => boardsOfZone(anna, "se").length === 0);
    await waitForState(host, () => textsSeenBy(host).includes("Kela's idea"));
    await waitForState(anna, () => !textsSeenBy(anna).includes("Kela's idea"));
    expect(anna.state.boards.has(boardId)).toBe(true);
    await Promise.all([host.leave(), anna.leave()]);
  });

  it("names zones in the export as the session names them now, with each breakout's groups and timing", async () => {
    const session = await server.createSession("Palvelupolku");
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const anna = await server.join(session.code, { name: "Anna" });
    const ben = await server.join(session.code, { name: "Ben" });
    sendCommand(host, "zones.update", { id: "nw", name: "Pilot team" });
    sendCommand(host, "zones.send", {
      groups: [
        { zone: "nw", people: [anna.sessionId] },
        { zone: "ne", people: [ben.sessionId] },
      ],
      task: "Map the path",
      seconds: 600,
    });
    await waitForState(anna, (s) => s.people.get(anna.sessionId)?.zone === "nw");
    await waitForState(ben, (s) => s.people.get(ben.sessionId)?.zone === "ne");

    const response = await fetch(`${server.baseUrl}/api/sessions/${session.code}/export.md?lang=en`, {
      headers: { authorization: `Bearer ${session.facilitatorSecret}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain("- **Pilot team** — task: Map the path — boards: Pilot team board");
    expect(text).toContain("- **Breakout B** — task: Map the path");
    expect(text).toMatch(
      /### \d{4}-\d\d-\d\d \d\d:\d\d — 10 minutes\n\nTask: Map the path\n\n- Pilot team: Anna\n- Breakout B: Ben\n/,
    );
    await Promise.all([host.leave(), anna.leave(), ben.leave()]);
  });
});
