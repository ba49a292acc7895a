import { describe, expect, it } from "vitest";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { freePort, type SdkSessionRoom } from "../support/server";
import { refusal } from "../support/rooms";
import { enterAgain, methodsSession, restartableServer, toldWhere } from "../support/methods-server";

/** 25/10 on the real server: hostile scores refused, privacy kept, scores kept across a restart, Back drops the pass. */

const start = restartableServer("cardpass");

const NAMES = ["Anna", "Ben", "Cai"];

describe("25/10 Crowd Sourcing on the server", () => {
  it("passes cards privately, refuses hostile scores, keeps scores across a restart and reveals totals", async () => {
    const port = await freePort();
    let app = await start(port);
    const cast = await methodsSession(port, "25/10", NAMES, "card");
    const { session } = cast;
    let host = cast.host.room;
    let guests = cast.guests.map((g) => g.room);
    let n = 0;
    const base = templatePlan("crowdSourcing", "en", () => `s${++n}`);
    // A short 25/10: two rounds, so three people can pass.
    const plan = {
      ...base,
      steps: base.steps.map((s) =>
        s.mechanic?.kind === "cardPass" ? { ...s, mechanic: { ...s.mechanic, rounds: 2 } } : s,
      ),
    };
    let told = toldWhere(host, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan });
    await told;
    told = toldWhere(host, (s) => s.step === 0);
    sendCommand(host, "methods.step.next", { from: -1 });
    await told;
    let everyone = guests.map((g) => toldWhere(g, (s) => s.cardPass?.phase === "writing"));
    sendCommand(host, "methods.step.next", { from: 0 });
    for (const state of await Promise.all(everyone))
      expect(state.cardPass).toMatchObject({ round: -1, rounds: 2, held: null });

    // Facilitators run the pass, they write no card; participants cannot move it on.
    expect(await refusal(host, "methods.card.write", { text: "mine" })).toMatchObject({ code: "forbidden" });
    expect(await refusal(guests[0]!, "methods.card.advance", { from: -1 })).toMatchObject({ code: "forbidden" });
    expect(await refusal(host, "methods.card.advance", { from: -1 })).toMatchObject({
      detail: "methods.cardPass.tooFewCards",
    });

    const texts = ["Bridges for all", "Free lunches", "A four-day week"];
    for (const [i, guest] of guests.entries()) {
      const mine = toldWhere(guest, (s) => s.cardPass?.mine === texts[i]);
      sendCommand(guest, "methods.card.write", { text: texts[i]! });
      await mine;
    }
    everyone = guests.map((g) => toldWhere(g, (s) => s.cardPass?.phase === "passing"));
    sendCommand(host, "methods.card.advance", { from: -1 });
    let views = await Promise.all(everyone);

    // Privacy: each participant is told the one card they hold (never their own), no other text, no scores.
    views.forEach((state, i) => {
      const held = state.cardPass!.held!;
      expect(held.text).not.toBe(texts[i]);
      expect(held.score).toBeNull();
      const wire = JSON.stringify(state);
      for (const text of texts) if (text !== held.text) expect(wire).not.toContain(text);
      expect(state.cardPass!.progress).toBeNull();
      expect(state.cardPass!.results).toBeNull();
    });
    const [anna] = guests as [SdkSessionRoom, SdkSessionRoom, SdkSessionRoom];
    const annaCard = views[0]!.cardPass!.held!.id;
    const benCard = views[1]!.cardPass!.held!.id;

    // Hostile: a card not held, a round not current, out of the scale (by rule and by shape).
    expect(await refusal(anna, "methods.card.score", { round: 0, card: benCard, score: 3 })).toMatchObject({
      code: "invalid_payload",
      detail: "methods.cardPass.notHeld",
    });
    expect(await refusal(anna, "methods.card.score", { round: 1, card: annaCard, score: 3 })).toMatchObject({
      detail: "methods.cardPass.notThisRound",
    });
    expect(await refusal(anna, "methods.card.score", { round: 0, card: annaCard, score: 6 })).toMatchObject({
      detail: "methods.cardPass.outOfRange",
    });
    expect(await refusal(anna, "methods.card.score", { round: 0, card: annaCard, score: 99 })).toMatchObject({
      code: "invalid_payload",
    });
    expect(await refusal(host, "methods.card.score", { round: 0, card: annaCard, score: 3 })).toMatchObject({
      detail: "methods.cardPass.notHeld",
    });

    const hostSees = toldWhere(host, (s) => s.cardPass?.progress?.scored === 1);
    const annaScored = toldWhere(anna, (s) => s.cardPass?.held?.score === 4);
    sendCommand(anna, "methods.card.score", { round: 0, card: annaCard, score: 4 });
    expect((await hostSees).cardPass!.progress).toEqual({ cards: 3, scored: 1, holders: 3 });
    // Ben is not told Anna's score.
    expect(JSON.stringify((await annaScored).cardPass)).toContain('"score":4');
    expect(await refusal(anna, "methods.card.score", { round: 0, card: annaCard, score: 5 })).toMatchObject({
      detail: "methods.cardPass.already",
    });

    // A restart loses no acknowledged score.
    await Promise.all([host.leave(), ...guests.map((g) => g.leave())]);
    await app.close();
    app = await start(port);
    const again = await enterAgain(port, cast);
    host = again.host.room;
    const back = again.guests;
    guests = back.map((g) => g.room);
    expect(back[0]!.state.cardPass!.held).toMatchObject({ id: annaCard, score: 4 });
    expect(back[1]!.state.cardPass!.held).toMatchObject({ id: benCard, score: null });
    expect(JSON.stringify(back[1]!.state)).not.toContain('"score":4');

    // Everyone has scored: the next round starts by itself; after the last, the results for all.
    const scores = [4, 2, 5];
    for (const [i, guest] of guests.entries()) {
      if (i === 0) continue;
      sendCommand(guest, "methods.card.score", {
        round: 0,
        card: back[i]!.state.cardPass!.held!.id,
        score: scores[i]!,
      });
    }
    views = await Promise.all(guests.map((g) => toldWhere(g, (s) => s.cardPass?.round === 1)));
    views.forEach((state, i) => {
      expect(state.cardPass!.held!.id).not.toBe(back[i]!.state.cardPass!.held!.id);
      expect(state.cardPass!.held!.text).not.toBe(texts[i]);
    });
    everyone = [host, ...guests].map((g) => toldWhere(g, (s) => s.cardPass?.phase === "done"));
    for (const [i, guest] of guests.entries()) {
      sendCommand(guest, "methods.card.score", { round: 1, card: views[i]!.cardPass!.held!.id, score: scores[i]! });
    }
    for (const state of await Promise.all(everyone)) {
      const results = state.cardPass!.results!;
      expect(results).toHaveLength(3);
      expect(results.reduce((sum, r) => sum + r.total, 0)).toBe(2 * (4 + 2 + 5));
      expect(JSON.stringify(results)).not.toMatch(/Anna|Ben|Cai|card-guest/);
    }

    // The export carries the results: text, total, rank; no authors, no per-round scores.
    const exported = async (format: string) =>
      (
        await fetch(`http://127.0.0.1:${port}/api/sessions/${session.code}/export.${format}?lang=en`, {
          headers: { authorization: `Bearer ${session.facilitatorSecret}` },
        })
      ).text();
    const json = JSON.parse(await exported("json")) as {
      crowdSourcing: { results: { text: string; total: number }[] };
    };
    expect(json.crowdSourcing.results.map((r) => r.text).sort()).toEqual([...texts].sort());
    const md = await exported("md");
    expect(md).toContain("## 25/10: bold ideas");
    expect(md).toMatch(/1\. .+ \(\d+ points\)/);
    // Organised by step: the two steps run so far, in order, the second still running.
    expect(md).toContain("## Steps of the plan");
    const stepRows = md.split("\n").filter((line) => /^\| [12]\\\. /.test(line));
    expect(stepRows.map((row) => row.split(" | ")[0])).toEqual([
      `| 1\\. ${plan.steps[0]!.title}`,
      `| 2\\. ${plan.steps[1]!.title}`,
    ]);
    expect(stepRows[1]).toContain("still running");
    expect((JSON.parse(await exported("json")) as { steps: unknown[] }).steps).toHaveLength(2);
    const csv = await exported("csv");
    for (const text of texts) expect(csv).toContain(text);
    for (const doc of [JSON.stringify(json), md, csv]) expect(doc).not.toMatch(/Anna|Ben|Cai|card-guest/);

    // Back from the step drops the pass; the step before is as it was.
    everyone = [host, ...guests].map((g) => toldWhere(g, (s) => s.step === 0));
    sendCommand(host, "methods.step.back", { from: 1 });
    for (const state of await Promise.all(everyone)) expect(state.cardPass).toBeNull();
    expect(await refusal(guests[0]!, "methods.card.write", { text: "again" })).toMatchObject({
      code: "not_found",
      detail: "methods.cardPass.none",
    });
    // Next again starts a fresh pass.
    everyone = guests.map((g) => toldWhere(g, (s) => s.cardPass?.phase === "writing"));
    sendCommand(host, "methods.step.next", { from: 0 });
    for (const state of await Promise.all(everyone)) expect(state.cardPass!.mine).toBeNull();
    for (const [i, guest] of guests.entries()) {
      const mine = toldWhere(guest, (s) => s.cardPass?.mine === texts[i]);
      sendCommand(guest, "methods.card.write", { text: texts[i]! });
      await mine;
    }
    everyone = guests.map((g) => toldWhere(g, (s) => s.cardPass?.phase === "passing"));
    sendCommand(host, "methods.card.advance", { from: -1 });
    const [first] = await Promise.all(everyone);
    const scored = toldWhere(guests[0]!, (s) => s.cardPass?.held?.score === 5);
    sendCommand(guests[0]!, "methods.card.score", { round: 0, card: first!.cardPass!.held!.id, score: 5 });
    await scored;
    // The facilitator moves on mid-pass: what was scored is revealed to all, and no more scores are taken.
    everyone = [host, ...guests].map((g) => toldWhere(g, (s) => s.step === 2));
    sendCommand(host, "methods.step.next", { from: 1 });
    for (const state of await Promise.all(everyone)) {
      expect(state.cardPass!.phase).toBe("done");
      expect(state.cardPass!.results!.map((r) => r.total).sort()).toEqual([0, 0, 5]);
    }
    expect(await refusal(guests[1]!, "methods.card.score", { round: 0, card: "c1", score: 3 })).toMatchObject({
      code: "not_found",
    });

    await Promise.all([host.leave(), ...guests.map((g) => g.leave())]);
    await app.close();
  });
});
