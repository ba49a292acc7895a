import { describe, expect, it } from "vitest";
import type { MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { fetchAfterRestart, killableMethodsSession, toldAfter } from "../support/methods-server";
import { twoMarketplaces } from "../support/market-plans";

/**
 * A plan with two Open Space marketplaces keeps each in a record of its own: a server killed with
 * SIGKILL during the afternoon's posting comes back with both, the afternoon's shown, the morning's as
 * it was after Back, and the export carries both.
 */

const cut = killableMethodsSession("market-steps-kill");
const topicsOf = (s: MethodsState) => s.market?.topics.map((t) => t.title) ?? null;

describe("a server killed with SIGKILL during a plan's second Open Space marketplace", () => {
  it("comes back with both marketplaces: the afternoon's shown, the morning's as it was after Back, both exported", async () => {
    const { session, host, anna, ben } = await cut.start("Two marketplaces cut");
    await toldAfter(
      host,
      () => sendCommand(host, "methods.plan.save", { plan: twoMarketplaces() }),
      (s) => s.plan !== null,
    );
    const next = (from: number) =>
      toldAfter(
        ben,
        () => sendCommand(host, "methods.step.next", { from }),
        (s) => s.step === from + 1,
      );

    const morning = (await next(-1)).market!;
    const zA = morning.zones[0]!.id;
    await toldAfter(
      ben,
      () => sendCommand(anna, "methods.market.post", { slot: 0, zone: zA, title: "Morning topic" }),
      (s) => topicsOf(s)?.length === 1,
    );
    await next(0);
    const closed = await next(1);
    expect(topicsOf(closed)).toEqual(["Morning topic"]);
    expect(closed.market).toMatchObject({ slot: 0, closed: true });

    // The afternoon's own grid; Ben's topic acknowledged before the power cut.
    expect((await next(2)).market).toMatchObject({ slot: -1, closed: false, topics: [] });
    const posted = await toldAfter(
      ben,
      () => sendCommand(ben, "methods.market.post", { slot: 0, zone: zA, title: "Afternoon topic" }),
      (s) => topicsOf(s)?.length === 1,
    );

    const { ben: ben2, host: host2, state } = await cut.cut(session);
    expect(state.step).toBe(3);
    expect(state.market).toEqual(posted.market);

    const json = JSON.parse(
      await (
        await fetchAfterRestart(`${cut.baseUrl()}/api/sessions/${session.code}/export.json?lang=en`, {
          headers: { authorization: `Bearer ${session.facilitatorSecret}` },
        })
      ).text(),
    ) as { openSpace: { steps: { n: number; step: string; topics: { title: string; convener: string }[] }[] } };
    expect(json.openSpace.steps.map((s) => [s.n, s.step, s.topics.map((t) => `${t.title} (${t.convener})`)])).toEqual([
      [1, "Morning marketplace", ["Morning topic (Anna)"]],
      [4, "Afternoon marketplace", ["Afternoon topic (Ben)"]],
    ]);

    // Back from the afternoon's posting step: the morning's grid as it was when its closing began.
    const back = await toldAfter(
      ben2,
      () => sendCommand(host2, "methods.step.back", { from: 3 }),
      (s) => s.step === 2,
    );
    expect(back.market).toEqual(closed.market);
    await Promise.all([ben2.leave(), host2.leave()]);
  }, 120_000);
});
