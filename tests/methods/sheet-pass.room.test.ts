import { describe, expect, it } from "vitest";
import { matchMaker } from "@colyseus/core";
import type { SessionRoom } from "../../server/session/room";
import { type MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { freePort, waitForState, type SdkSessionRoom } from "../support/server";
import { decodedNotes } from "../support/boards";
import { refusal } from "../support/rooms";
import { enterAgain, methodsSession, restartableServer, toldWhere } from "../support/methods-server";

/**
 * Brainwriting 6-3-5 on the real server: each holder writes only their row of the sheet they hold,
 * sheets pass when all have written or the facilitator says so, rows survive a restart, the groups are
 * hushed until the facilitator opens the voice, the export carries the sheets, and Back drops them.
 */

/** The server's clock, which a test may move on (the pass timer reads it). */
let ahead = 0;
const start = restartableServer("sheets", { now: () => Date.now() + ahead });

/** What the server tells this person now. */
function current(room: SdkSessionRoom): Promise<MethodsState> {
  const state = toldWhere(room, () => true);
  sendCommand(room, "methods.sync", {});
  return state;
}

const NAMES = ["Anna", "Ben", "Cai"];
const row = (who: string, pass: number) => [`${who} idea ${pass}a`, `${who} idea ${pass}b`, ""];

describe("Brainwriting 6-3-5 on the server", () => {
  it("passes sheets round a group, refuses hostile rows, keeps rows across a restart, hushes the group", async () => {
    const port = await freePort();
    let app = await start(port);
    const cast = await methodsSession(port, "6-3-5", NAMES, "sheet");
    const { session } = cast;
    let host = cast.host.room;
    let guests = cast.guests.map((g) => g.room);
    let n = 0;
    const base = templatePlan("brainwriting", "en", () => `s${++n}`);
    // A group of three: three sheets, three passes.
    const plan = {
      ...base,
      steps: base.steps.map((s, i) =>
        i === 0 ? { ...s, grouping: { kind: "groupsOf" as const, size: 3, mix: false } } : s,
      ),
    };
    const told = toldWhere(host, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan });
    await told;
    let everyone = guests.map((g) => toldWhere(g, (s) => s.sheetPass !== null));
    sendCommand(host, "methods.step.next", { from: -1 });
    let views = await Promise.all(everyone);
    for (const state of views) {
      expect(state.sheetPass).toMatchObject({ ideasPerRow: 3, pass: 0, passes: 3, silent: true, voiceOpen: false });
      expect(state.sheetPass!.held).toMatchObject({ row: 0, above: [], mine: null });
      expect(state.sheetPass!.progress).toBeNull();
    }
    const sheetOf = (state: MethodsState) => state.sheetPass!.held!.sheet - 1;
    const [anna, ben] = guests as [SdkSessionRoom, SdkSessionRoom, SdkSessionRoom];

    // Silent writing: the server hushes the group's voices (the hearing plan gives none of them).
    const serverRoom = () => matchMaker.getLocalRoomById(host.roomId) as SessionRoom;
    expect([...serverRoom().hushed()].sort()).toEqual(guests.map((g) => g.sessionId).sort());

    // Hostile: the facilitator has no sheet, a participant passes nothing, nobody writes another's sheet,
    // a later row, a wrong number of ideas or an over-long idea.
    expect(await refusal(host, "methods.sheet.write", { sheet: 0, row: 0, ideas: row("H", 0) })).toMatchObject({
      detail: "methods.sheetPass.notInGroup",
    });
    expect(await refusal(anna, "methods.sheet.pass", { group: 0, from: 0 })).toMatchObject({ code: "forbidden" });
    expect(await refusal(anna, "methods.sheet.voice", { open: true })).toMatchObject({ code: "forbidden" });
    const bensSheet = sheetOf(views[1]!);
    expect(await refusal(anna, "methods.sheet.write", { sheet: bensSheet, row: 0, ideas: row("A", 0) })).toMatchObject({
      code: "invalid_payload",
      detail: "methods.sheetPass.notYours",
    });
    const annasSheet = sheetOf(views[0]!);
    expect(await refusal(anna, "methods.sheet.write", { sheet: annasSheet, row: 1, ideas: row("A", 0) })).toMatchObject(
      { detail: "methods.sheetPass.notYours" },
    );
    expect(await refusal(anna, "methods.sheet.write", { sheet: annasSheet, row: 0, ideas: ["one"] })).toMatchObject({
      detail: "methods.sheetPass.badIdeas",
    });
    expect(
      await refusal(anna, "methods.sheet.write", { sheet: annasSheet, row: 0, ideas: ["x".repeat(201), "", ""] }),
    ).toMatchObject({ code: "invalid_payload" });

    // Anna and Ben write; the facilitator sees two of three rows.
    const hostSees = toldWhere(host, (s) => s.sheetPass?.progress?.[0]?.written === 2);
    for (const [i, guest] of [anna, ben].entries()) {
      const mine = toldWhere(guest, (s) => s.sheetPass?.held?.mine?.[0] === row(NAMES[i]!, 0)[0]);
      sendCommand(guest, "methods.sheet.write", { sheet: sheetOf(views[i]!), row: 0, ideas: row(NAMES[i]!, 0) });
      await mine;
    }
    expect((await hostSees).sheetPass!.progress).toEqual([{ pass: 0, passes: 3, written: 2, sheets: 3 }]);
    // Nobody is told another's row before the pass.
    expect(JSON.stringify((await current(ben)).sheetPass)).not.toContain("Anna idea");

    // A restart loses no acknowledged row.
    await Promise.all([host.leave(), ...guests.map((g) => g.leave())]);
    await app.close();
    app = await start(port);
    const again = await enterAgain(port, cast);
    host = again.host.room;
    const back = again.guests;
    guests = back.map((g) => g.room);
    expect(back[0]!.state.sheetPass!.held).toMatchObject({ row: 0, mine: row("Anna", 0) });
    expect(back[2]!.state.sheetPass!.held).toMatchObject({ row: 0, mine: null });

    // Cai writes the last row of the pass: the sheets move on by themselves, each under its rows.
    everyone = guests.map((g) => toldWhere(g, (s) => s.sheetPass?.pass === 1));
    sendCommand(guests[2]!, "methods.sheet.write", { sheet: sheetOf(back[2]!.state), row: 0, ideas: row("Cai", 0) });
    views = await Promise.all(everyone);
    views.forEach((state, i) => {
      const held = state.sheetPass!.held!;
      expect(held.row).toBe(1);
      expect(held.above).toHaveLength(1);
      // The sheet held now was started by someone else; its first row is theirs, without their name.
      expect(held.above[0]![0]).not.toContain(NAMES[i]!);
      expect(JSON.stringify(state.sheetPass)).not.toMatch(/sheet-guest|"author"/);
    });

    // An earlier row is read-only, on the sheet held now as on one's own first sheet.
    const annaNow = sheetOf(views[0]!);
    expect(
      await refusal(guests[0]!, "methods.sheet.write", { sheet: annaNow, row: 0, ideas: row("Anna", 9) }),
    ).toMatchObject({ detail: "methods.sheetPass.readOnly" });

    // The facilitator passes now (a doubled press passes once), and opens the voice.
    everyone = [
      toldWhere(host, (s) => s.sheetPass?.progress?.[0]?.pass === 2),
      ...guests.map((g) => toldWhere(g, (s) => s.sheetPass?.pass === 2)),
    ];
    sendCommand(host, "methods.sheet.pass", { group: 0, from: 1 });
    await Promise.all(everyone);
    expect(await refusal(host, "methods.sheet.pass", { group: 0, from: 1 })).toMatchObject({
      detail: "methods.stale",
    });
    everyone = guests.map((g) => toldWhere(g, (s) => s.sheetPass?.voiceOpen === true));
    sendCommand(host, "methods.sheet.voice", { open: true });
    await Promise.all(everyone);
    const reopened = matchMaker.getLocalRoomById(host.roomId) as SessionRoom;
    expect(reopened.hushed().size).toBe(0);

    // The last pass: everyone writes, the group is done and reads its three full sheets.
    views = await Promise.all(guests.map(current));
    everyone = guests.map((g) =>
      toldWhere(g, (s) => s.sheetPass?.sheets !== null && s.sheetPass?.sheets !== undefined),
    );
    for (const [i, guest] of guests.entries()) {
      sendCommand(guest, "methods.sheet.write", { sheet: sheetOf(views[i]!), row: 2, ideas: row(NAMES[i]!, 2) });
    }
    for (const state of await Promise.all(everyone)) {
      const sheets = state.sheetPass!.sheets!;
      expect(sheets).toHaveLength(3);
      // Row 1 was passed unwritten: each sheet has its first and last rows.
      for (const sheet of sheets) expect(sheet).toHaveLength(2);
      expect(state.sheetPass!.held).toBeNull();
    }

    // The export carries the sheets by group: ideas, no authors' names or keys.
    const exported = async (format: string) =>
      (
        await fetch(`http://127.0.0.1:${port}/api/sessions/${session.code}/export.${format}?lang=en`, {
          headers: { authorization: `Bearer ${session.facilitatorSecret}` },
        })
      ).text();
    const json = JSON.parse(await exported("json")) as {
      brainwriting: { steps: { groups: { sheets: string[][][] }[] }[] };
    };
    expect(json.brainwriting.steps).toHaveLength(1);
    const groups = json.brainwriting.steps[0]!.groups;
    expect(groups).toHaveLength(1);
    expect(groups[0]!.sheets.flat(2).filter(Boolean).sort()).toEqual(
      NAMES.flatMap((name) => [...row(name, 0), ...row(name, 2)])
        .filter(Boolean)
        .sort(),
    );
    const md = await exported("md");
    expect(md).toContain("## Brainwriting sheets");
    expect(md).toContain("### Group 1");
    expect(md).toMatch(/1\. Anna idea 0a · Anna idea 0b/);
    const csv = await exported("csv");
    expect(csv).toContain('"Brainwriting sheets","Group 1","Sheet 1, Row 1"');
    for (const doc of [JSON.stringify(json), md, csv]) expect(doc).not.toMatch(/sheet-guest/);
    expect(JSON.stringify(json.brainwriting)).not.toContain("author");

    // Next, to cluster: every idea on the sheets is an anonymous note on the group's board, each on a
    // spot of its own. Back to the writing takes the copies off again (the sheets still hold them all).
    const reader = guests[0]!;
    const ideas = NAMES.flatMap((name) => [...row(name, 0), ...row(name, 2)])
      .filter(Boolean)
      .sort();
    const onBoard = () => decodedNotes(reader).filter((n) => ideas.includes(n.text));
    sendCommand(host, "methods.step.next", { from: 0 });
    await waitForState(reader, () => onBoard().length === ideas.length);
    expect(onBoard().map((n) => n.text)).toEqual(ideas);
    expect(new Set(onBoard().map((n) => n.boardId)).size).toBe(1);
    for (const note of onBoard()) expect(note).toMatchObject({ anonymous: true, authorName: "", hidden: false });
    expect(new Set(onBoard().map((n) => `${n.x},${n.y}`)).size).toBe(ideas.length);
    const backAtWriting = toldWhere(host, (s) => s.step === 0);
    sendCommand(host, "methods.step.back", { from: 1 });
    await backAtWriting;
    await waitForState(reader, () => onBoard().length === 0);

    // Back from the step drops the sheets.
    everyone = [host, ...guests].map((g) => toldWhere(g, (s) => s.step === -1 || s.sheetPass === null));
    sendCommand(host, "methods.step.back", { from: 0 });
    for (const state of await Promise.all(everyone)) expect(state.sheetPass).toBeNull();
    expect(await refusal(guests[0]!, "methods.sheet.write", { sheet: 0, row: 0, ideas: row("Anna", 0) })).toMatchObject(
      { code: "not_found", detail: "methods.sheetPass.none" },
    );

    await Promise.all([host.leave(), ...guests.map((g) => g.leave())]);
    await app.close();
  });

  it("passes a group's sheets by the server's clock once passSeconds are up", async () => {
    const port = await freePort();
    const app = await start(port);
    const cast = await methodsSession(port, "6-3-5 clock", NAMES.slice(0, 2), "sheet-clock");
    const host = cast.host.room;
    const guests = cast.guests.map((g) => g.room);
    let n = 0;
    const base = templatePlan("brainwriting", "en", () => `c${++n}`);
    const plan = {
      ...base,
      steps: base.steps.map((s, i) =>
        i === 0 ? { ...s, grouping: { kind: "groupsOf" as const, size: 2, mix: false } } : s,
      ),
    };
    const saved = toldWhere(host, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan });
    await saved;
    let everyone = guests.map((g) => toldWhere(g, (s) => s.sheetPass?.pass === 0));
    sendCommand(host, "methods.step.next", { from: -1 });
    const [first] = await Promise.all(everyone);
    expect(first!.sheetPass!.passEndsAt).toBe(first!.startedAt! + 300_000);
    // Only Anna writes; five minutes later by the server's clock the sheets pass all the same.
    sendCommand(guests[0]!, "methods.sheet.write", {
      sheet: first!.sheetPass!.held!.sheet - 1,
      row: 0,
      ideas: row("Anna", 0),
    });
    await toldWhere(guests[0]!, (s) => s.sheetPass?.held?.mine !== null);
    everyone = guests.map((g) => toldWhere(g, (s) => s.sheetPass?.pass === 1));
    ahead = 301_000;
    const views = await Promise.all(everyone);
    // Ben now holds Anna's sheet under her row; Anna holds Ben's, with no row on it.
    const above = views.map((v) => v.sheetPass!.held!.above);
    expect(above.flat(2).filter(Boolean).sort()).toEqual(row("Anna", 0).filter(Boolean).sort());
    ahead = 0;
    await Promise.all([host.leave(), ...guests.map((g) => g.leave())]);
    await app.close();
  });
});
