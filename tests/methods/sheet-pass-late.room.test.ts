import { describe, expect, it } from "vitest";
import { matchMaker } from "@colyseus/core";
import type { SessionRoom } from "../../server/session/room";
import type { MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { freePort, type SdkSessionRoom } from "../support/server";
import { enter, enterAgain, methodsSession, restartableServer, toldWhere } from "../support/methods-server";

/**
 * Brainwriting's late joiners on the real server: someone who arrives while the sheets go round joins
 * the group with a blank sheet of their own that enters its round (hushed like the rest, kept across a
 * restart); someone who arrives after the group's last pass is told there is no sheet left for them.
 */

const start = restartableServer("sheets-late");

/** The first state this person is told from now on that passes `test` (asking once, in case it already does). */
function toldOrAsk(room: SdkSessionRoom, test: (state: MethodsState) => boolean): Promise<MethodsState> {
  const told = toldWhere(room, test);
  sendCommand(room, "methods.sync", {});
  return told;
}

const row = (who: string, pass: number) => [`${who} ${pass}a`, `${who} ${pass}b`, ""];

async function write(room: SdkSessionRoom, who: string, state: MethodsState): Promise<void> {
  const held = state.sheetPass!.held!;
  const written = toldWhere(room, (s) => s.sheetPass?.held?.mine !== null || s.sheetPass?.pass !== held.row);
  sendCommand(room, "methods.sheet.write", { sheet: held.sheet - 1, row: held.row, ideas: row(who, held.row) });
  await written;
}

describe("Brainwriting's late joiners on the server", () => {
  it("gives someone arriving mid-writing a blank sheet in their group's round, and tells a later one there is none", async () => {
    const port = await freePort();
    let app = await start(port);
    const cast = await methodsSession(port, "6-3-5 late", ["Anna", "Ben"], "sheet-late");
    const { session } = cast;
    let host = cast.host.room;
    let [anna, ben] = cast.guests.map((g) => g.room) as [SdkSessionRoom, SdkSessionRoom];
    let n = 0;
    const base = templatePlan("brainwriting", "en", () => `l${++n}`);
    const plan = {
      ...base,
      steps: base.steps.map((s, i) =>
        i === 0 ? { ...s, grouping: { kind: "groupsOf" as const, size: 2, mix: false } } : s,
      ),
    };
    const saved = toldWhere(host, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan });
    await saved;
    let views = await (async () => {
      const told = [anna, ben].map((g) => toldWhere(g, (s) => s.sheetPass?.pass === 0));
      sendCommand(host, "methods.step.next", { from: -1 });
      return Promise.all(told);
    })();
    expect(views[0]!.sheetPass).toMatchObject({ pass: 0, passes: 2 });
    // The first pass is written; the sheets move on.
    const passed = [anna, ben].map((g) => toldWhere(g, (s) => s.sheetPass?.pass === 1));
    await write(anna, "Anna", views[0]!);
    await write(ben, "Ben", views[1]!);
    views = await Promise.all(passed);
    const heldBefore = views.map((v) => v.sheetPass!.held!.above);
    const numbersBefore = views.map((v) => v.sheetPass!.held!.sheet);
    expect([...numbersBefore].sort()).toEqual([1, 2]);

    // Cai arrives during the second pass: a blank sheet of his own, at this pass's row, in the group.
    const caiAs = { name: "Cai", personKey: "sheet-late-cai-0123456789abcdef" };
    let cai = await enter(port, session.code, caiAs);
    const caiView = await toldOrAsk(cai.room, (s) => s.sheetPass?.held !== null && s.sheetPass?.held !== undefined);
    expect(caiView.sheetPass).toMatchObject({ pass: 1, passes: 2, noSheet: false, sheets: null });
    // His sheet takes the next free number; nobody else's number changes.
    expect(caiView.sheetPass!.held).toMatchObject({ sheet: 3, row: 1, above: [], mine: null });
    expect(caiView.group.map((m) => m.name).sort()).toEqual(["Anna", "Ben", "Cai"]);
    // Anna and Ben still hold the sheets they held; the facilitator sees three sheets in the pass.
    for (const [i, guest] of [anna, ben].entries()) {
      const held = (await toldOrAsk(guest, () => true)).sheetPass!.held!;
      expect(held.above).toEqual(heldBefore[i]);
      expect(held.sheet).toBe(numbersBefore[i]);
    }
    expect((await toldOrAsk(host, () => true)).sheetPass!.progress).toEqual([
      { pass: 1, passes: 2, written: 0, sheets: 3 },
    ]);
    // Writing is silent for him too.
    const serverRoom = () => matchMaker.getLocalRoomById(host.roomId) as SessionRoom;
    expect(serverRoom().hushed().has(cai.room.sessionId)).toBe(true);

    // A restart keeps his sheet.
    await Promise.all([host.leave(), anna.leave(), ben.leave(), cai.room.leave()]);
    await app.close();
    app = await start(port);
    const again = await enterAgain(port, cast);
    host = again.host.room;
    [anna, ben] = again.guests.map((g) => g.room) as [SdkSessionRoom, SdkSessionRoom];
    cai = await enter(port, session.code, caiAs);
    expect(cai.state.sheetPass!.held).toMatchObject({ row: 1, above: [], mine: null });

    // Everyone writes the last pass, Cai too: the group reads three full sheets.
    const done = [anna, ben, cai.room].map((g) => toldWhere(g, (s) => (s.sheetPass?.sheets ?? null) !== null));
    await write(cai.room, "Cai", cai.state);
    await write(anna, "Anna", again.guests[0]!.state);
    await write(ben, "Ben", again.guests[1]!.state);
    const sheets = (await Promise.all(done))[2]!.sheetPass!.sheets!;
    expect(sheets).toHaveLength(3);
    expect(sheets.flat(2).filter(Boolean).sort()).toEqual(
      [...row("Anna", 0), ...row("Ben", 0), ...row("Anna", 1), ...row("Ben", 1), ...row("Cai", 1)]
        .filter(Boolean)
        .sort(),
    );

    // Dana arrives after the last pass: no sheet can be given, and she is told so.
    const dana = await enter(port, session.code, { name: "Dana", personKey: "sheet-late-dana-0123456789abcdef" });
    const danaView = await toldOrAsk(dana.room, (s) => s.sheetPass?.noSheet === true);
    expect(danaView.sheetPass).toMatchObject({ held: null, noSheet: true });
    expect(danaView.group.map((m) => m.name)).toContain("Dana");

    await Promise.all([host.leave(), anna.leave(), ben.leave(), cai.room.leave(), dana.room.leave()]);
    await app.close();
  });
});
