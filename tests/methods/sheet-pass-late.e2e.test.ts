import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { joinIn2d, newVisitor, type Visitor } from "../support/pages";
import { toldWhere } from "../support/methods-server";
import type { SdkSessionRoom, TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

const TITLE = "Myöhästyneet";

/** Writes this pass's row with the keyboard only: type, Tab to the next idea, Enter to save. */
async function writeRow(guest: Visitor, ideas: string[]): Promise<void> {
  const { page } = guest;
  await page.getByTestId("sheet-pass-idea-1").focus();
  for (const [i, idea] of ideas.entries()) {
    await page.keyboard.type(idea);
    if (i < ideas.length - 1) await page.keyboard.press("Tab");
  }
  await page.keyboard.press("Enter");
}

/** Someone connected without a page writes the row of the sheet they hold now. */
async function writeOver(room: SdkSessionRoom, who: string): Promise<void> {
  const state = await (() => {
    const told = toldWhere(room, (s) => s.sheetPass?.held !== null && s.sheetPass?.held !== undefined);
    sendCommand(room, "methods.sync", {});
    return told;
  })();
  const held = state.sheetPass!.held!;
  // Saved, or (the last row of the pass) the sheets moved on.
  const written = toldWhere(
    room,
    (s: MethodsState) => s.sheetPass?.held?.mine !== null || s.sheetPass?.pass !== held.row,
  );
  sendCommand(room, "methods.sheet.write", {
    sheet: held.sheet - 1,
    row: held.row,
    ideas: [`${who} ${held.row}`, "", ""],
  });
  await written;
}

/** A late joiner's page in 2D, on a phone (390x844) or a laptop (1366x800). */
async function arrive(code: string, name: string, locale: string, phone: boolean): Promise<Visitor> {
  const visitor = await newVisitor(browser, locale, { phone });
  if (!phone) await visitor.page.setViewportSize({ width: 1366, height: 800 });
  await joinIn2d(visitor, `${server.baseUrl}/s/${code}`, name, TITLE);
  return visitor;
}

/** Screenshots the page at both sizes, its own first. */
async function bothSizes(visitor: Visitor, name: string, lang: string, phone: boolean): Promise<void> {
  const sizes = phone
    ? [
        { width: 390, height: 844 },
        { width: 1366, height: 800 },
      ]
    : [
        { width: 1366, height: 800 },
        { width: 390, height: 844 },
      ];
  for (const size of sizes) {
    await visitor.page.setViewportSize(size);
    await screenshot(visitor.page, `${name}-${lang}-${size.width}x${size.height}`);
  }
}

describe("Brainwriting's late joiners through the UI", () => {
  it("someone arriving mid-writing writes on a blank sheet; someone arriving after the last pass is told there is none", async () => {
    const session = await server.createSession(TITLE);
    const host = await server.join(session.code, { name: "Fia", facilitatorSecret: session.facilitatorSecret });
    const anna = await server.join(session.code, { name: "Anna", personKey: "late-e2e-anna-0123456789" });
    const ben = await server.join(session.code, { name: "Ben", personKey: "late-e2e-ben-0123456789" });
    let n = 0;
    const base = templatePlan("brainwriting", "en", () => `s${++n}`);
    const plan = {
      ...base,
      steps: base.steps.map((s, i) =>
        i === 0 ? { ...s, grouping: { kind: "groupsOf" as const, size: 2, mix: false } } : s,
      ),
    };
    const saved = toldWhere(host, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan });
    await saved;
    const started = toldWhere(host, (s) => s.step === 0);
    sendCommand(host, "methods.step.next", { from: -1 });
    await started;
    const passed = toldWhere(host, (s) => s.sheetPass?.progress?.[0]?.pass === 1);
    await writeOver(anna, "Anna");
    await writeOver(ben, "Ben");
    await passed;

    // Two people arrive during the second pass: each holds a blank sheet at its second row.
    const cai = await arrive(session.code, "Cai", "fi-FI", true);
    const dana = await arrive(session.code, "Dana", "en-GB", false);
    for (const late of [cai, dana]) {
      const held = late.page.getByTestId("sheet-pass-held");
      await held.waitFor({ timeout: 15_000 });
      expect(await held.getAttribute("data-row")).toBe("1");
      await late.page.getByText(late.t("methods.sheetPass.firstRow")).waitFor();
      expect(await late.page.getByTestId("sheet-pass-none").count()).toBe(0);
    }
    await bothSizes(cai, "sheetpass-late", "fi", true);
    await bothSizes(dana, "sheetpass-late", "en", false);
    await cai.page.setViewportSize({ width: 390, height: 844 });
    await dana.page.setViewportSize({ width: 1366, height: 800 });

    // They write with the keyboard like everyone; the last pass ends and the group reads four sheets.
    await writeRow(cai, ["Cai yksi", "Cai kaksi", ""]);
    await cai.page.getByTestId("sheet-pass-written").waitFor({ timeout: 10_000 });
    await writeRow(dana, ["Dana one", "", ""]);
    const done = toldWhere(host, (s) => s.sheetPass?.progress?.[0]?.pass === 2);
    await writeOver(anna, "Anna");
    await writeOver(ben, "Ben");
    await done;
    await expect.poll(() => dana.page.getByText("Cai kaksi").count(), { timeout: 10_000 }).toBe(1);

    // Arriving after the last pass: there is no sheet to give, and the card says so in her language.
    const eve = await arrive(session.code, "Eve", "fi-FI", true);
    const finn = await arrive(session.code, "Finn", "en-GB", false);
    for (const late of [eve, finn]) {
      const none = late.page.getByTestId("sheet-pass-none");
      await none.waitFor({ timeout: 15_000 });
      expect(await none.textContent()).toBe(late.t("methods.sheetPass.noSheet"));
      const width = await late.page.getByTestId("sheet-pass").evaluate((el) => [el.scrollWidth, el.clientWidth]);
      expect(width[0]).toBeLessThanOrEqual(width[1]!);
    }
    await bothSizes(eve, "sheetpass-nosheet", "fi", true);
    await bothSizes(finn, "sheetpass-nosheet", "en", false);

    for (const visitor of [cai, dana, eve, finn]) {
      expect(visitor.errors).toEqual([]);
      expect(externalRequests(visitor.requests)).toEqual([]);
    }
    await Promise.all([host.leave(), anna.leave(), ben.leave()]);
    await Promise.all([cai, dana, eve, finn].map((v) => v.context.close()));
  });
});
