import { describe, expect, it } from "vitest";
import type { MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { freePort } from "../support/server";
import {
  enterAgain,
  fetchAfterRestart,
  methodsSession,
  restartableServer,
  stepTo,
  toldWhere,
} from "../support/methods-server";

/**
 * Sheets stored by a server from before each Brainwriting step had sheets of its own (one record named
 * "sheets"): read after an upgrade, exported as before, and moved to their step's record when next stored.
 */

const start = restartableServer("sheets-legacy");

const held = (s: MethodsState) => s.sheetPass?.held !== null && s.sheetPass?.held !== undefined;

describe("Brainwriting sheets from an older server", () => {
  it("reads the single sheets record, exports it as before, and moves it to its step's record", async () => {
    const port = await freePort();
    let app = await start(port);
    const cast = await methodsSession(port, "Old sheets", ["Anna", "Ben"], "sheet-legacy");
    const { session } = cast;
    let n = 0;
    const base = templatePlan("brainwriting", "en", () => `o${++n}`);
    const plan = {
      ...base,
      steps: base.steps.map((s, i) =>
        i === 0 ? { ...s, grouping: { kind: "groupsOf" as const, size: 2, mix: false } } : s,
      ),
    };
    const saved = toldWhere(cast.host.room, (s) => s.plan !== null);
    sendCommand(cast.host.room, "methods.plan.save", { plan });
    await saved;
    const handed = cast.guests.map((g) => toldWhere(g.room, held));
    await stepTo(cast.host.room, 0);
    const [anna] = await Promise.all(handed);
    const wrote = toldWhere(cast.guests[0]!.room, (s) => s.sheetPass?.held?.mine !== null);
    sendCommand(cast.guests[0]!.room, "methods.sheet.write", {
      sheet: anna!.sheetPass!.held!.sheet - 1,
      row: 0,
      ideas: ["Old idea", "", ""],
    });
    await wrote;
    await Promise.all([cast.host.room.leave(), ...cast.guests.map((g) => g.room.leave())]);
    await app.close();

    // The sheets as an older server kept them: one record named "sheets".
    app = await start(port);
    const store = app.services.store;
    const kind = "methods.sheetPass";
    const stored = (await store.getRecord(session.code, kind, "entry-0"))!;
    await store.deleteRecord(session.code, kind, "entry-0");
    await store.saveRecord(session.code, { ...stored, id: "sheets" });

    // The old record is exported as its step's sheets.
    const json = JSON.parse(
      await (
        await fetchAfterRestart(`http://127.0.0.1:${port}/api/sessions/${session.code}/export.json?lang=en`, {
          headers: { authorization: `Bearer ${session.facilitatorSecret}` },
        })
      ).text(),
    ) as { brainwriting: { steps: unknown[] } };
    expect(json.brainwriting.steps).toHaveLength(1);
    expect(JSON.stringify(json.brainwriting)).toContain("Old idea");

    const again = await enterAgain(port, cast);
    const annaAgain = again.guests[0]!;
    const view = held(annaAgain.state) ? annaAgain.state : await toldWhere(annaAgain.room, held);
    expect(view.sheetPass!.held).toMatchObject({ sheet: anna!.sheetPass!.held!.sheet, row: 0 });
    expect(view.sheetPass!.held!.mine).toEqual(["Old idea", "", ""]);
    const rewrote = toldWhere(annaAgain.room, (s) => s.sheetPass?.held?.mine?.[0] === "New idea");
    sendCommand(annaAgain.room, "methods.sheet.write", {
      sheet: view.sheetPass!.held!.sheet - 1,
      row: 0,
      ideas: ["New idea", "", ""],
    });
    await rewrote;
    const ids = (await store.loadRecords(session.code)).filter((r) => r.kind === kind).map((r) => r.id);
    expect(ids).toEqual(["entry-0"]);

    await Promise.all([again.host.room.leave(), ...again.guests.map((g) => g.room.leave())]);
    await app.close();
  });
});
