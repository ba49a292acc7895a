import { describe, expect, it } from "vitest";
import type { MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { nextMessage, type SdkSessionRoom } from "../support/server";
import { killableMethodsSession, toldAfter } from "../support/methods-server";

/**
 * A plan with two Brainwriting steps keeps each step's sheets in a record of its own: a server killed
 * with SIGKILL during the second comes back with both, Back from the second step shows the first
 * step's sheets as they were, and the export carries both, each headed by its step.
 */

const cut = killableMethodsSession("sheet-steps-kill");

const row = (who: string, round: number, pass: number) => [`${who} r${round} p${pass}`, "", ""];

/** `room` writes its row on the sheet it holds (as `state` shows it) and waits until it is stored. */
function write(room: SdkSessionRoom, state: MethodsState, who: string, round: number): Promise<MethodsState> {
  const held = state.sheetPass!.held!;
  return toldAfter(
    room,
    () =>
      sendCommand(room, "methods.sheet.write", {
        sheet: held.sheet - 1,
        row: held.row,
        ideas: row(who, round, held.row),
      }),
    (s) => s.sheetPass?.held?.mine !== null || s.sheetPass?.pass !== held.row,
  );
}

describe("a server killed with SIGKILL during a plan's second Brainwriting step", () => {
  it("comes back with both steps' sheets: the second shown, the first as it was after Back, both exported", async () => {
    const { session, host, anna, ben } = await cut.start("Two brainwritings cut");
    let n = 0;
    const round = () => {
      const base = templatePlan("brainwriting", "en", () => `b${++n}`);
      return base.steps.map((s, i) =>
        i === 0 ? { ...s, grouping: { kind: "groupsOf" as const, size: 2, mix: false } } : s,
      );
    };
    const first = templatePlan("brainwriting", "en", () => `b${++n}`);
    const plan = { ...first, steps: [...round(), ...round()] };
    await toldAfter(
      host,
      () => sendCommand(host, "methods.plan.save", { plan }),
      (s) => s.plan !== null,
    );
    const both = async (test: (s: MethodsState) => boolean, send: () => void) => {
      const told = [anna, ben].map((room) => nextMessage<MethodsState>(room, "methods.state", 5000, test));
      send();
      return Promise.all(told);
    };
    const next = async (from: number) =>
      (
        await both(
          (s) => s.step === from + 1,
          () => sendCommand(host, "methods.step.next", { from }),
        )
      )[0]!;

    // Step one: both write the first pass; the sheets move on and Anna writes the second.
    let [a, b] = await both(
      (s) => s.sheetPass?.held !== null && s.sheetPass?.held !== undefined,
      () => sendCommand(host, "methods.step.next", { from: -1 }),
    );
    const passed = both(
      (s) => s.sheetPass?.pass === 1,
      () => {},
    );
    await write(anna, a!, "Anna", 1);
    await write(ben, b!, "Ben", 1);
    [a, b] = await passed;
    await write(anna, a!, "Anna", 1);
    // Moving on, the first step's sheets are only read: each sheet in full.
    const roundOne = await next(0);
    expect(roundOne.sheetPass!.sheets).toHaveLength(2);
    expect(roundOne.sheetPass!.sheets!.flat(2).filter(Boolean).sort()).toEqual(
      ["Anna r1 p0", "Ben r1 p0", "Anna r1 p1"].sort(),
    );
    await next(1);

    // Step four, the second Brainwriting: fresh sheets of its own, a row acknowledged before the power cut.
    [a, b] = await both(
      (s) => s.step === 3 && s.sheetPass?.held !== null && s.sheetPass?.held !== undefined,
      () => sendCommand(host, "methods.step.next", { from: 2 }),
    );
    expect(a!.sheetPass).toMatchObject({ pass: 0, sheets: null, held: { row: 0, above: [], mine: null } });
    const roundTwo = await write(ben, b!, "Ben", 2);
    expect(roundTwo.sheetPass!.held!.mine).toEqual(row("Ben", 2, 0));

    const { ben: ben2, host: host2, state } = await cut.cut(session);
    expect(state.step).toBe(3);
    expect(state.sheetPass).toEqual(roundTwo.sheetPass);

    // The export carries both steps' sheets, each headed by its step.
    const exported = async (format: string) =>
      (
        await fetch(`${cut.baseUrl()}/api/sessions/${session.code}/export.${format}?lang=en`, {
          headers: { authorization: `Bearer ${session.facilitatorSecret}` },
        })
      ).text();
    const json = JSON.parse(await exported("json")) as {
      brainwriting: { steps: { n: number; step: string; groups: { sheets: string[][][] }[] }[] };
    };
    expect(json.brainwriting.steps.map((s) => [s.n, s.step])).toEqual([
      [1, "Write and pass"],
      [4, "Write and pass"],
    ]);
    expect(json.brainwriting.steps[0]!.groups[0]!.sheets).toEqual(roundOne.sheetPass!.sheets);
    expect(json.brainwriting.steps[1]!.groups[0]!.sheets.flat(2).filter(Boolean)).toEqual(["Ben r2 p0"]);
    const md = await exported("md");
    expect(md).toContain("## Brainwriting sheets · step 1: Write and pass");
    expect(md).toContain("## Brainwriting sheets · step 4: Write and pass");
    expect(md.indexOf("Anna r1 p0")).toBeLessThan(md.indexOf("step 4: Write and pass"));
    expect(md.indexOf("Ben r2 p0")).toBeGreaterThan(md.indexOf("step 4: Write and pass"));
    const csv = await exported("csv");
    expect(csv).toContain('"Brainwriting sheets · step 4: Write and pass","Group 1"');

    // Back from the second Brainwriting step: its sheets go, the first step's are shown as they were.
    const back = await toldAfter(
      ben2,
      () => sendCommand(host2, "methods.step.back", { from: 3 }),
      (s) => s.step === 2,
    );
    expect(back.sheetPass!.sheets).toEqual(roundOne.sheetPass!.sheets);
    // Back to the first step itself: its sheets go round again where they were (Anna's row is hers).
    await toldAfter(
      ben2,
      () => sendCommand(host2, "methods.step.back", { from: 2 }),
      (s) => s.step === 1,
    );
    const writing = await toldAfter(
      ben2,
      () => sendCommand(host2, "methods.step.back", { from: 1 }),
      (s) => s.step === 0,
    );
    expect(writing.sheetPass).toMatchObject({ pass: 1, passes: 2, sheets: null });
    expect(writing.sheetPass!.held!.above).toHaveLength(1);
    await Promise.all([ben2.leave(), host2.leave()]);
  }, 120_000);
});
