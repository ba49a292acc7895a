import { describe, expect, it } from "vitest";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { freePort, type SdkSessionRoom } from "../support/server";
import { refusal } from "../support/rooms";
import { enterAgain, methodsSession, restartableServer, toldWhere } from "../support/methods-server";

/** Open Space on the real server: hostile posts refused, topics kept across a restart, exported, Back drops the grid. */

const start = restartableServer("market");

const NAMES = ["Anna", "Ben", "Cai"];

describe("Open Space marketplace on the server", () => {
  it("refuses hostile posts, keeps topics across a restart, exports them and drops them on Back", async () => {
    const port = await freePort();
    let app = await start(port);
    const cast = await methodsSession(port, "Open Space", NAMES, "market");
    const { session } = cast;
    let host = cast.host.room;
    let guests = cast.guests.map((g) => g.room);
    let n = 0;
    const plan = templatePlan("openSpace", "en", () => `s${++n}`);
    let told = toldWhere(host, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan });
    await told;
    // Before the marketplace step there is no grid to post on.
    told = toldWhere(host, (s) => s.step === 0);
    sendCommand(host, "methods.step.next", { from: -1 });
    expect((await told).market).toBeNull();
    expect(await refusal(guests[0]!, "methods.market.post", { slot: 0, zone: "x", title: "Early" })).toMatchObject({
      code: "not_found",
      detail: "methods.market.none",
    });
    let everyone = [host, ...guests].map((g) => toldWhere(g, (s) => s.market !== null));
    sendCommand(host, "methods.step.next", { from: 0 });
    const views = await Promise.all(everyone);
    const grid = views[0]!.market!;
    expect(grid).toMatchObject({ slots: 3, slot: -1, closed: false, topics: [] });
    expect(grid.zones.map((z) => z.letter)).toEqual(["A", "B", "C", "D"]);
    const [zA, zB] = grid.zones.map((z) => z.id) as [string, string];
    const [anna, ben, cai] = guests as [SdkSessionRoom, SdkSessionRoom, SdkSessionRoom];

    let posted = toldWhere(ben, (s) => s.market?.topics.length === 1);
    sendCommand(anna, "methods.market.post", { slot: 0, zone: zA, title: "Open data" });
    const seen = (await posted).market!.topics[0]!;
    expect(seen).toMatchObject({ title: "Open data", convener: "Anna", noteTaker: "Anna", mine: false });
    expect(JSON.stringify((await posted).market)).not.toContain("market-guest");

    // Hostile: an occupied cell, off the grid (by rule and by shape), too long, someone else's topic.
    expect(await refusal(ben, "methods.market.post", { slot: 0, zone: zA, title: "Mine" })).toMatchObject({
      code: "invalid_payload",
      detail: "methods.market.taken",
    });
    expect(await refusal(ben, "methods.market.post", { slot: 3, zone: zA, title: "Later" })).toMatchObject({
      detail: "methods.market.noCell",
    });
    expect(await refusal(ben, "methods.market.post", { slot: 0, zone: "nowhere", title: "X" })).toMatchObject({
      detail: "methods.market.noCell",
    });
    expect(await refusal(ben, "methods.market.post", { slot: 9, zone: zA, title: "X" })).toMatchObject({
      code: "invalid_payload",
    });
    expect(await refusal(ben, "methods.market.post", { slot: 1, zone: zA, title: "x".repeat(81) })).toMatchObject({
      code: "invalid_payload",
    });
    expect(await refusal(ben, "methods.market.move", { topic: seen.id, slot: 1, zone: zB })).toMatchObject({
      detail: "methods.market.notYours",
    });
    expect(await refusal(ben, "methods.market.withdraw", { topic: seen.id })).toMatchObject({
      detail: "methods.market.notYours",
    });
    expect(await refusal(ben, "methods.market.noteTaker", { topic: seen.id })).toMatchObject({
      detail: "methods.market.notInZone",
    });
    expect(await refusal(ben, "methods.market.noteTaker", { topic: seen.id, person: cai.sessionId })).toMatchObject({
      detail: "methods.market.notYours",
    });
    expect(await refusal(anna, "methods.market.post", { slot: 0, zone: zB, title: "Second" })).toMatchObject({
      detail: "methods.market.busy",
    });

    posted = toldWhere(anna, (s) => s.market?.topics.length === 2);
    sendCommand(ben, "methods.market.post", { slot: 0, zone: zB, title: "Rails" });
    await posted;
    // A facilitator moves anyone's topic and names a note-taker.
    const rails = (await posted).market!.topics.find((t) => t.title === "Rails")!;
    let moved = toldWhere(ben, (s) => s.market?.topics.some((t) => t.id === rails.id && t.slot === 1) === true);
    sendCommand(host, "methods.market.move", { topic: rails.id, slot: 1, zone: zB });
    await moved;
    moved = toldWhere(cai, (s) => s.market?.topics.some((t) => t.id === seen.id && t.taking) === true);
    sendCommand(host, "methods.market.noteTaker", { topic: seen.id, person: cai.sessionId });
    await moved;

    // A restart loses no acknowledged topic.
    await Promise.all([host.leave(), ...guests.map((g) => g.leave())]);
    await app.close();
    app = await start(port);
    const again = await enterAgain(port, cast);
    host = again.host.room;
    const back = again.guests;
    guests = back.map((g) => g.room);
    expect(back[0]!.state.market!.topics.map((t) => [t.title, t.slot, t.mine, t.noteTaker])).toEqual([
      ["Open data", 0, true, "Cai"],
      ["Rails", 1, false, "Ben"],
    ]);

    // Slot 1 runs: slot 1's cells stay open, posting into a slot over is refused once slot 2 is on.
    everyone = [host, ...guests].map((g) => toldWhere(g, (s) => s.market?.slot === 0));
    sendCommand(host, "methods.step.next", { from: 1 });
    await Promise.all(everyone);
    everyone = [host, ...guests].map((g) => toldWhere(g, (s) => s.market?.slot === 1));
    sendCommand(host, "methods.step.next", { from: 2 });
    await Promise.all(everyone);
    expect(await refusal(guests[2]!, "methods.market.post", { slot: 0, zone: zB, title: "Late" })).toMatchObject({
      detail: "methods.market.pastSlot",
    });

    // The export carries the topics with their convener and note-taker.
    const exported = async (format: string) =>
      (
        await fetch(`http://127.0.0.1:${port}/api/sessions/${session.code}/export.${format}?lang=en`, {
          headers: { authorization: `Bearer ${session.facilitatorSecret}` },
        })
      ).text();
    const json = JSON.parse(await exported("json")) as {
      openSpace: {
        steps: {
          n: number;
          topics: { title: string; slot: number; zone: string; convener: string; noteTaker: string }[];
        }[];
      };
    };
    // One marketplace: one step in the same shape as several.
    expect(json.openSpace.steps).toHaveLength(1);
    expect(json.openSpace.steps[0]!.n).toBe(2);
    expect(json.openSpace.steps[0]!.topics).toMatchObject([
      { title: "Open data", slot: 1, zone: "A", convener: "Anna", noteTaker: "Cai" },
      { title: "Rails", slot: 2, zone: "B", convener: "Ben", noteTaker: "Ben" },
    ]);
    expect(await exported("md")).toContain("### Slot 1 · A: Open data");
    expect(await exported("csv")).toContain("Notes: Cai");

    // Back to before the marketplace step drops the grid; Next opens an empty one.
    for (const from of [3, 2, 1]) {
      told = toldWhere(host, (s) => s.step === from - 1);
      sendCommand(host, "methods.step.back", { from });
      const state = await told;
      // Slots gone back over keep the grid; only going back before the marketplace step drops it.
      if (from > 1) expect(state.market).not.toBeNull();
      else expect(state.market).toBeNull();
    }
    expect(await refusal(guests[0]!, "methods.market.post", { slot: 0, zone: zA, title: "Gone" })).toMatchObject({
      detail: "methods.market.none",
    });
    everyone = guests.map((g) => toldWhere(g, (s) => s.market !== null));
    sendCommand(host, "methods.step.next", { from: 0 });
    for (const state of await Promise.all(everyone)) expect(state.market!.topics).toEqual([]);

    await Promise.all([host.leave(), ...guests.map((g) => g.leave())]);
    await app.close();
  });
});
