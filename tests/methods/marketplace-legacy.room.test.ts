import { describe, expect, it } from "vitest";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { freePort } from "../support/server";
import {
  enterAgain,
  fetchAfterRestart,
  methodsSession,
  restartableServer,
  stepTo,
  toldAfter,
} from "../support/methods-server";

/**
 * A marketplace stored by a server from before each marketplace had a record of its own (one record
 * named "market"): read after an upgrade, exported as its step's, and moved to its step's record when
 * next stored.
 */

const start = restartableServer("market-legacy");

describe("an Open Space marketplace from an older server", () => {
  it("reads the single market record, exports it as its step's, and moves it to its step's record", async () => {
    const port = await freePort();
    let app = await start(port);
    const cast = await methodsSession(port, "Old marketplace", ["Anna", "Ben"], "market-legacy");
    const { session } = cast;
    let n = 0;
    const plan = templatePlan("openSpace", "en", () => `o${++n}`);
    await toldAfter(
      cast.host.room,
      () => sendCommand(cast.host.room, "methods.plan.save", { plan }),
      (s) => s.plan !== null,
    );
    await stepTo(cast.host.room, 0);
    const grid = (await stepTo(cast.host.room, 1)).market!;
    const [zA, zB] = grid.zones.map((z) => z.id) as [string, string];
    await toldAfter(
      cast.guests[1]!.room,
      () => sendCommand(cast.guests[0]!.room, "methods.market.post", { slot: 0, zone: zA, title: "Old topic" }),
      (s) => s.market?.topics.length === 1,
    );
    await Promise.all([cast.host.room.leave(), ...cast.guests.map((g) => g.room.leave())]);
    await app.close();

    // The marketplace as an older server kept it: one record named "market".
    app = await start(port);
    const store = app.services.store;
    const kind = "methods.market";
    const stored = (await store.getRecord(session.code, kind, "entry-1"))!;
    await store.deleteRecord(session.code, kind, "entry-1");
    await store.saveRecord(session.code, { ...stored, id: "market" });

    // The old record is exported as its step's marketplace.
    const json = JSON.parse(
      await (
        await fetchAfterRestart(`http://127.0.0.1:${port}/api/sessions/${session.code}/export.json?lang=en`, {
          headers: { authorization: `Bearer ${session.facilitatorSecret}` },
        })
      ).text(),
    ) as { openSpace: { steps: { n: number; step: string; topics: { title: string }[] }[] } };
    expect(json.openSpace.steps.map((s) => [s.n, s.step, s.topics.map((t) => t.title)])).toEqual([
      [2, "Marketplace", ["Old topic"]],
    ]);

    const again = await enterAgain(port, cast);
    const [anna, ben] = again.guests;
    expect(anna!.state.market!.topics.map((t) => [t.title, t.mine])).toEqual([["Old topic", true]]);
    await toldAfter(
      anna!.room,
      () => sendCommand(ben!.room, "methods.market.post", { slot: 0, zone: zB, title: "New topic" }),
      (s) => s.market?.topics.length === 2,
    );
    const ids = (await store.loadRecords(session.code)).filter((r) => r.kind === kind).map((r) => r.id);
    expect(ids).toEqual(["entry-1"]);

    await Promise.all([again.host.room.leave(), ...again.guests.map((g) => g.room.leave())]);
    await app.close();
  });
});
