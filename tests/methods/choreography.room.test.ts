import { describe, expect, it } from "vitest";
import type { MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { waitForState, type SdkSessionRoom } from "../support/server";
import { hostAndGuests, useTestServer, where } from "../support/rooms";
import { act, boardWhere, decodedNotes, textsSeenBy, zoneBoardId } from "../support/boards";
import { toldAfter } from "../support/methods-server";

const server = useTestServer();

const idsFrom = () => {
  let n = 0;
  return () => `c${++n}`;
};

/** Every note the facilitator's client has decoded, as "text@zone of its board". */
function notesByZone(host: SdkSessionRoom): Map<string, string> {
  return new Map(decodedNotes(host).map((n) => [n.text, host.state.boards.get(n.boardId)!.zoneId]));
}

async function runTo(host: SdkSessionRoom, from: number, test: (s: MethodsState) => boolean = () => true) {
  return toldAfter(
    host,
    () => sendCommand(host, "methods.step.next", { from }),
    (s) => s.step === from + 1 && test(s),
  );
}

describe("the method's choreography moves the boards with the groups", () => {
  it("1-2-4-All: both pairs' notes travel onto the four's board, and Back takes each note home with nothing lost", async () => {
    const names = ["Anna", "Ben", "Cai", "Dora"];
    const { host, guests } = await hostAndGuests(server, names);
    for (const room of [host, ...guests]) room.onMessage("methods.state", () => {});
    const plan = templatePlan("oneTwoFourAll", "en", idsFrom());
    await toldAfter(
      host,
      () => sendCommand(host, "methods.plan.save", { plan }),
      (s) => s.plan !== null,
    );
    await runTo(host, -1);
    await runTo(host, 0);
    await waitForState(host, (s) => [...s.people.values()].filter((p) => p.zone !== "").length === 4);

    // Each person writes one note on their pair's board.
    for (const [i, guest] of guests.entries()) {
      const zone = where(host, guest.sessionId).zone;
      await act(
        guest,
        "boards.addNote",
        { boardId: zoneBoardId(guest, zone), text: `idea of ${names[i]}`, color: i },
        (r) => textsSeenBy(r).includes(`idea of ${names[i]}`),
      );
    }
    await waitForState(host, () => decodedNotes(host).length === 4);
    const asPairs = notesByZone(host);
    const pairNotes = decodedNotes(host).map((n) => ({ text: n.text, boardId: n.boardId }));
    expect(new Set(asPairs.values()).size).toBe(2);
    // A pair sees only its own two notes.
    expect(textsSeenBy(guests[0]!)).toHaveLength(2);

    // Fours: one zone, one board with all four notes, which every member of the four sees.
    await runTo(host, 1);
    await waitForState(
      host,
      (s) => new Set([...s.people.values()].filter((p) => p.role === "participant").map((p) => p.zone)).size === 1,
    );
    const fourZone = where(host, guests[0]!.sessionId).zone;
    expect([...asPairs.values()]).toContain(fourZone);
    await waitForState(host, () => [...notesByZone(host).values()].every((z) => z === fourZone));
    for (const guest of guests) await waitForState(guest, () => textsSeenBy(guest).length === 4);
    const merged = decodedNotes(host).filter((n) => n.boardId === zoneBoardId(host, fourZone));
    expect(new Set(merged.map((n) => `${n.x},${n.y}`)).size).toBe(4);

    // The four writes on its merged board.
    await act(
      guests[0]!,
      "boards.addNote",
      { boardId: zoneBoardId(guests[0]!, fourZone), text: "four's idea", color: 0 },
      (r) => textsSeenBy(r).includes("four's idea"),
    );

    // Back: the pairs in their zones again, each pair's notes on its own board again, the four's note kept.
    await toldAfter(
      host,
      () => sendCommand(host, "methods.step.back", { from: 2 }),
      (s) => s.step === 1,
    );
    await waitForState(host, () => {
      const now = notesByZone(host);
      return [...asPairs].every(([text, zone]) => now.get(text) === zone);
    });
    expect(
      decodedNotes(host)
        .map((n) => n.text)
        .sort(),
    ).toEqual([...pairNotes.map((n) => n.text), "four's idea"].sort());
    for (const n of pairNotes) expect(decodedNotes(host).find((d) => d.text === n.text)!.boardId).toBe(n.boardId);
    expect(notesByZone(host).get("four's idea")).toBe(fourZone);
    await Promise.all([host.leave(), ...guests.map((g) => g.leave())]);
  });

  it("World Café: hosts stay, each table's tablecloth stays in its zone across rounds, the harvest wall gathers every table in the plenary", async () => {
    const names = ["Anna", "Ben", "Cai", "Dora", "Eino", "Fanni", "Gus", "Hilla"];
    const { host, guests } = await hostAndGuests(server, names);
    for (const room of [host, ...guests]) room.onMessage("methods.state", () => {});
    const plan = templatePlan("worldCafe", "fi", idsFrom());
    plan.steps = plan.steps.map((s) =>
      s.grouping.kind === "tables" ? { ...s, grouping: { ...s.grouping, size: 4 } } : s,
    );
    await toldAfter(
      host,
      () => sendCommand(host, "methods.plan.save", { plan }),
      (s) => s.plan !== null,
    );
    await runTo(host, -1);
    await waitForState(host, (s) => [...s.people.values()].filter((p) => p.zone !== "").length === 8);
    const zoneOf = (name: string) => where(host, guests[names.indexOf(name)]!.sessionId).zone;
    expect(new Set(names.map(zoneOf)).size).toBe(2);

    // Round 1: every guest writes on the tablecloth of the table they sit at.
    for (const [i, guest] of guests.entries()) {
      const zone = zoneOf(names[i]!);
      await act(guest, "boards.addNote", { boardId: zoneBoardId(guest, zone), text: `r1 ${names[i]}`, color: 0 }, (r) =>
        textsSeenBy(r).includes(`r1 ${names[i]}`),
      );
    }
    const round1Tables = new Map(names.map((n) => [n, zoneOf(n)]));

    // Round 2: the tables stay in their zones (each keeps someone who sat there: its host); others move.
    await runTo(host, 0);
    const tableZones = [...new Set(round1Tables.values())];
    await waitForState(host, (s) => tableZones.every((z) => s.zones.get(z)!.work.task === plan.steps[1]!.prompt));
    for (const zone of tableZones) {
      expect(names.some((n) => zoneOf(n) === zone && round1Tables.get(n) === zone)).toBe(true);
    }
    const mover = names.find((n) => zoneOf(n) !== round1Tables.get(n))!;
    expect(mover).toBeDefined();
    const moverRoom = guests[names.indexOf(mover)]!;
    const expected = names.filter((n) => round1Tables.get(n) === zoneOf(mover)).map((n) => `r1 ${n}`);
    await waitForState(moverRoom, () => expected.every((t) => textsSeenBy(moverRoom).includes(t)));
    expect(textsSeenBy(moverRoom)).not.toContain(`r1 ${mover}`);
    await act(
      moverRoom,
      "boards.addNote",
      { boardId: zoneBoardId(moverRoom, zoneOf(mover)), text: "r2 note", color: 1 },
      (r) => textsSeenBy(r).includes("r2 note"),
    );
    const r2Zone = zoneOf(mover);

    // Round 3, then the harvest: everyone in the plenary, one wall there with a column per table.
    const round2Tables = new Map(names.map((n) => [n, zoneOf(n)]));
    await runTo(host, 1);
    await waitForState(host, (s) => tableZones.every((z) => s.zones.get(z)!.work.task === plan.steps[2]!.prompt));
    // A table's host sat at it every round.
    const hostsOf = new Map(
      tableZones.map((z) => [
        z,
        names.filter((n) => round1Tables.get(n) === z && round2Tables.get(n) === z && zoneOf(n) === z),
      ]),
    );
    for (const stayed of hostsOf.values()) expect(stayed.length).toBeGreaterThan(0);
    await runTo(host, 2);
    await waitForState(host, (s) => [...s.people.values()].every((p) => p.zone === ""));
    const harvestTitle = plan.steps[3]!.title;
    await waitForState(host, (s) => [...s.boards.values()].some((b) => b.title === harvestTitle));
    const wallId = [...host.state.boards.entries()].find(([, b]) => b.title === harvestTitle)![0];
    const wall = host.state.boards.get(wallId)!;
    expect(wall.zoneId).toBe("");
    const columns = [...wall.clusters.values()].map((c) => c.title).sort();
    const letter = (zone: string) => host.state.zones.get(zone)!.letter;
    expect(columns).toHaveLength(tableZones.length);
    for (const zone of tableZones) {
      const column = columns.find((c) => c.startsWith(`${letter(zone)} · `))!;
      expect(hostsOf.get(zone)).toContain(column.slice(`${letter(zone)} · `.length));
    }
    // Every participant, standing in the plenary, reads all nine notes on the wall, grouped by table.
    const all = [...names.map((n) => `r1 ${n}`), "r2 note"].sort();
    await waitForState(guests[0]!, () =>
      all.every((t) => decodedNotes(guests[0]!).some((n) => n.boardId === wallId && n.text === t)),
    );
    const onWall = decodedNotes(host).filter((n) => n.boardId === wallId);
    expect(onWall.map((n) => n.text).sort()).toEqual(all);
    const clusterTitle = (id: string) => wall.clusters.get(id)!.title;
    const r2Copy = onWall.find((n) => n.text === "r2 note")!;
    expect(clusterTitle(r2Copy.clusterId)).toMatch(new RegExp(`^${letter(r2Zone)} `));
    // The tablecloths still hold their notes.
    expect(decodedNotes(host).filter((n) => n.boardId !== wallId)).toHaveLength(9);

    // Back takes the untouched wall down again; the tablecloths keep everything.
    await toldAfter(
      host,
      () => sendCommand(host, "methods.step.back", { from: 3 }),
      (s) => s.step === 2,
    );
    await waitForState(host, (s) => !s.boards.has(wallId));
    expect(decodedNotes(host)).toHaveLength(9);
    await Promise.all([host.leave(), ...guests.map((g) => g.leave())]);
  });

  it("25/10: the writing step puts up its own board in the plenary with an anonymous private round, the next step reveals it, Back calls off an empty round", async () => {
    // Six people: passing cards for five rounds needs one more than the rounds.
    const names = ["Anna", "Ben", "Cai", "Dora", "Eino", "Fanni"];
    const { host, guests } = await hostAndGuests(server, names);
    for (const room of [host, ...guests]) room.onMessage("methods.state", () => {});
    const plan = templatePlan("crowdSourcing", "en", idsFrom());
    await toldAfter(
      host,
      () => sendCommand(host, "methods.plan.save", { plan }),
      (s) => s.plan !== null,
    );
    await runTo(host, -1);
    const [boardId, board] = await waitForState(host, (s) =>
      [...s.boards.values()].some((b) => b.title === "Bold ideas"),
    ).then(() => boardWhere(host, (b) => b.title === "Bold ideas"));
    expect(board).toMatchObject({ zoneId: "", round: "anonymous" });
    // Everyone sees the board; a note written now is its author's alone until the reveal.
    await waitForState(guests[1]!, (s) => s.boards.has(boardId));
    await act(guests[0]!, "boards.addNote", { boardId, text: "bold idea", color: 0 }, (r) =>
      textsSeenBy(r).includes("bold idea"),
    );
    await waitForState(host, (s) => s.boards.get(boardId)!.noteCount === 1);
    expect(textsSeenBy(guests[1]!)).not.toContain("bold idea");

    // The next step keeps writing on the same board: the first round is revealed as it starts.
    await runTo(host, 0);
    await waitForState(guests[1]!, () => textsSeenBy(guests[1]!).includes("bold idea"));
    await waitForState(host, (s) => s.boards.get(boardId)!.round === "anonymous");
    expect(decodedNotes(guests[1]!).find((n) => n.text === "bold idea")!.authorName).toBe("");

    // Back: the second step's round had nothing written in it and is called off; the board and note stay.
    await toldAfter(
      host,
      () => sendCommand(host, "methods.step.back", { from: 1 }),
      (s) => s.step === 0,
    );
    await waitForState(host, (s) => s.boards.get(boardId)!.round === "");
    expect(textsSeenBy(guests[1]!)).toContain("bold idea");
    await Promise.all([host.leave(), ...guests.map((g) => g.leave())]);
  });
});
