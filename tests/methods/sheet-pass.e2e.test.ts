import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { templatePlan } from "../../shared/methods/templates";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { type Visitor } from "../support/pages";
import { facilitatorAndGuests, importPlanAndStart, MIXED_GUESTS } from "../support/methods-pages";
import type { TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

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

const NAMES = ["Anna", "Ben", "Cai"];
const ideasOf = (name: string, pass: number) => [
  `${name} ${pass} yksi`,
  `${name} ${pass} två`,
  `${name} ${pass} three`,
];

describe("Brainwriting 6-3-5 through the UI", () => {
  it("a facilitator and three participants write rows, pass the sheets and read them full", async () => {
    const title = "Aivokirjoitus";
    const { host, guests } = await facilitatorAndGuests(browser, server, title, MIXED_GUESTS);

    // Brainwriting in one group of three (three sheets, three passes), imported as a plan file.
    let n = 0;
    const base = templatePlan("brainwriting", "en", () => `s${++n}`);
    const plan = {
      ...base,
      steps: base.steps.map((s, i) =>
        i === 0 ? { ...s, grouping: { kind: "groupsOf" as const, size: 3, mix: false } } : s,
      ),
    };
    const page = host.page;
    await importPlanAndStart(host, plan, "635.json");

    // Pass 1: each writes the first row of their own sheet, in their own language's panel; silent.
    for (const [i, guest] of guests.entries()) {
      await guest.page.getByTestId("sheet-pass-held").waitFor({ timeout: 15_000 });
      await expect
        .poll(() => guest.page.getByTestId("sheet-pass-voice").textContent())
        .toBe(guest.t("methods.sheetPass.silent"));
      expect(await guest.page.getByTestId("sheet-pass-above").count()).toBe(0);
      await writeRow(guest, ideasOf(NAMES[i]!, 1));
      if (i < 2) await guest.page.getByTestId("sheet-pass-written").waitFor({ timeout: 10_000 });
      if (i === 0) {
        await screenshot(guest.page, "sheetpass-written-en-390x844");
        await expect
          .poll(() => page.getByTestId("sheet-pass-progress").textContent(), { timeout: 10_000 })
          .toContain("Group 1: pass 1 of 3, rows 1 of 3");
        await screenshot(page, "sheetpass-facilitator-en-1366x800");
      }
    }

    // Everyone wrote: the sheets moved on; each holds another's sheet, whose first row is read-only text.
    for (const [i, guest] of guests.entries()) {
      await expect
        .poll(() => guest.page.getByTestId("sheet-pass-round").textContent(), { timeout: 15_000 })
        .toBe(guest.t("methods.sheetPass.pass", { pass: 2, passes: 3 }));
      const above = guest.page.getByTestId("sheet-pass-above");
      const text = (await above.textContent())!;
      expect(text).not.toContain(NAMES[i]!);
      expect(text).toMatch(/(Anna|Ben|Cai) 1 yksi/);
      expect(await above.locator("input, textarea").count()).toBe(0);
      expect(await guest.page.getByTestId("sheet-pass-idea-1").inputValue()).toBe("");
    }
    await screenshot(guests[0]!.page, "sheetpass-pass2-en-390x844");
    await screenshot(guests[1]!.page, "sheetpass-pass2-fi-390x844");
    await screenshot(guests[2]!.page, "sheetpass-pass2-fi-1366x800");

    // The facilitator opens the voice, then passes the group's sheets now (nobody wrote pass 2).
    await page.getByRole("button", { name: "Open voice" }).click();
    for (const guest of guests) {
      await expect
        .poll(() => guest.page.getByTestId("sheet-pass-voice").textContent(), { timeout: 10_000 })
        .toBe(guest.t("methods.sheetPass.voiceOpen"));
    }
    await page.getByRole("button", { name: "Pass group 1's sheets now" }).click();

    // Pass 3, the last: each writes, and then reads the group's three sheets in full.
    for (const [i, guest] of guests.entries()) {
      await expect
        .poll(() => guest.page.getByTestId("sheet-pass-round").textContent(), { timeout: 15_000 })
        .toBe(guest.t("methods.sheetPass.pass", { pass: 3, passes: 3 }));
      await writeRow(guest, ideasOf(NAMES[i]!, 3));
    }
    for (const guest of guests) {
      const sheets = guest.page.getByTestId("sheet-pass-sheets");
      await sheets.waitFor({ timeout: 15_000 });
      expect(await sheets.locator("details").count()).toBe(3);
      expect(await guest.page.getByTestId("sheet-pass-idea-1").count()).toBe(0);
    }
    await expect
      .poll(() => page.getByTestId("sheet-pass-progress").textContent(), { timeout: 10_000 })
      .toContain("Group 1: done");
    await screenshot(guests[0]!.page, "sheetpass-done-en-390x844");
    await screenshot(guests[2]!.page, "sheetpass-done-fi-1366x800");
    await screenshot(page, "sheetpass-done-en-1366x800");

    // Next, to cluster: each finds every idea of the group's sheets on its board, ready to move about.
    await page.getByRole("button", { name: "Next step" }).click();
    // (The second pass was passed on unwritten.)
    const everyIdea = NAMES.flatMap((name) => [1, 3].flatMap((pass) => ideasOf(name, pass))).sort();
    for (const guest of guests) {
      await expect
        .poll(() => guest.page.locator("article.board-2d .note-item__text").allTextContents(), { timeout: 15_000 })
        .toEqual(expect.arrayContaining(everyIdea));
    }
    await screenshot(guests[1]!.page, "sheetpass-cluster-fi-390x844");
    await screenshot(guests[2]!.page, "sheetpass-cluster-fi-1366x800");

    const all = [host, ...guests];
    expect(externalRequests(all.flatMap((v) => v.requests))).toEqual([]);
    for (const visitor of all) expect(visitor.errors).toEqual([]);
    await Promise.all(all.map((v) => v.context.close()));
  }, 240_000);
});
