import { describe, expect, it } from "vitest";
import type { MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { freePort, type SdkSessionRoom } from "../support/server";
import {
  enterAgain,
  fetchAfterRestart,
  methodsSession,
  restartableServer,
  stepTo,
  toldAfter,
} from "../support/methods-server";
import { twoMarketplaces } from "../support/market-plans";

/**
 * A plan with a morning and an afternoon Open Space keeps each marketplace in a record of its own: the
 * afternoon opens an empty grid, both survive a restart, Back from the afternoon's posting step shows
 * the morning's grid as it was, and the export carries both, each headed by its step.
 */

const start = restartableServer("market-steps");

const topicsOf = (s: MethodsState) => s.market?.topics.map((t) => t.title) ?? null;

describe("two Open Space marketplaces in one plan", () => {
  it("keeps each step's grid: fresh for the afternoon, the morning's back as it was, both after a restart and exported", async () => {
    const port = await freePort();
    let app = await start(port);
    const cast = await methodsSession(port, "Open Space day", ["Anna", "Ben"], "market-steps");
    const { session } = cast;
    let host = cast.host.room;
    let [anna, ben] = cast.guests.map((g) => g.room) as [SdkSessionRoom, SdkSessionRoom];
    await toldAfter(
      host,
      () => sendCommand(host, "methods.plan.save", { plan: twoMarketplaces() }),
      (s) => s.plan !== null,
    );

    // Morning: Anna posts a topic; its slot runs; the closing harvests it.
    const morning = (await stepTo(host, 0)).market!;
    const [zA, zB] = morning.zones.map((z) => z.id) as [string, string];
    await toldAfter(
      ben,
      () => sendCommand(anna, "methods.market.post", { slot: 0, zone: zA, title: "Morning topic" }),
      (s) => topicsOf(s)?.length === 1,
    );
    await stepTo(host, 1);
    const closed = await toldAfter(
      anna,
      () => sendCommand(host, "methods.step.next", { from: 1 }),
      (s) => s.step === 2,
    );
    expect(closed.market).toMatchObject({ slot: 0, closed: true });
    expect(topicsOf(closed)).toEqual(["Morning topic"]);

    // Afternoon: a fresh grid; Ben posts into the cell the morning's topic had.
    const afternoon = await toldAfter(
      ben,
      () => sendCommand(host, "methods.step.next", { from: 2 }),
      (s) => s.step === 3,
    );
    expect(afternoon.market).toMatchObject({ slot: -1, closed: false, topics: [] });
    const posted = await toldAfter(
      anna,
      () => sendCommand(ben, "methods.market.post", { slot: 0, zone: zA, title: "Afternoon topic" }),
      (s) => topicsOf(s)?.length === 1,
    );
    expect(posted.market!.topics[0]).toMatchObject({ title: "Afternoon topic", convener: "Ben", zone: zA });
    // Two posted at the same moment both land.
    await toldAfter(
      host,
      () => {
        sendCommand(anna, "methods.market.post", { slot: 1, zone: zB, title: "Later topic" });
        sendCommand(ben, "methods.market.post", { slot: 1, zone: zA, title: "Another topic" });
      },
      (s) => topicsOf(s)?.length === 3,
    );

    // A restart: both records read back, the afternoon's grid shown.
    await Promise.all([host.leave(), anna.leave(), ben.leave()]);
    await app.close();
    app = await start(port);
    const ids = (await app.services.store.loadRecords(session.code))
      .filter((r) => r.kind === "methods.market")
      .map((r) => r.id)
      .sort();
    expect(ids).toEqual(["entry-0", "entry-3"]);
    const again = await enterAgain(port, cast);
    host = again.host.room;
    [anna, ben] = again.guests.map((g) => g.room) as [SdkSessionRoom, SdkSessionRoom];
    expect(topicsOf(again.guests[0]!.state)?.sort()).toEqual(["Afternoon topic", "Another topic", "Later topic"]);

    // The export carries both marketplaces in step order, each headed by its step.
    const exported = async (format: string) =>
      (
        await fetchAfterRestart(`http://127.0.0.1:${port}/api/sessions/${session.code}/export.${format}?lang=en`, {
          headers: { authorization: `Bearer ${session.facilitatorSecret}` },
        })
      ).text();
    const json = JSON.parse(await exported("json")) as {
      openSpace: { steps: { n: number; step: string; topics: { title: string; convener: string }[] }[] };
    };
    expect(json.openSpace.steps.map((s) => [s.n, s.step, s.topics.map((t) => t.title)])).toEqual([
      [1, "Morning marketplace", ["Morning topic"]],
      [4, "Afternoon marketplace", ["Afternoon topic", "Another topic", "Later topic"]],
    ]);
    const md = await exported("md");
    const first = md.indexOf("## Open Space: topics · step 1: Morning marketplace");
    const second = md.indexOf("## Open Space: topics · step 4: Afternoon marketplace");
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(md.indexOf("Morning topic")).toBeLessThan(second);
    expect(md.indexOf("Afternoon topic")).toBeGreaterThan(second);
    expect(await exported("csv")).toContain('"Open Space: topics · step 4: Afternoon marketplace","Slot 1 · A"');

    // Back from the afternoon's posting step: its grid goes, the morning's is shown as it was.
    const back = await toldAfter(
      anna,
      () => sendCommand(host, "methods.step.back", { from: 3 }),
      (s) => s.step === 2,
    );
    expect(back.market).toEqual(closed.market);
    expect(back.market!.topics.map((t) => [t.title, t.convener, t.slot, t.zone])).toEqual([
      ["Morning topic", "Anna", 0, zA],
    ]);
    // Next again opens the afternoon's grid afresh (Back before a step drops what it opened).
    const reopened = await toldAfter(
      anna,
      () => sendCommand(host, "methods.step.next", { from: 2 }),
      (s) => s.step === 3,
    );
    expect(reopened.market).toMatchObject({ slot: -1, topics: [] });

    await Promise.all([host.leave(), anna.leave(), ben.leave()]);
    await app.close();
  }, 60_000);
});
