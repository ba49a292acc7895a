import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { templatePlan } from "../../shared/methods/templates";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { type Visitor } from "../support/pages";
import { facilitatorAndGuests, importPlanAndStart } from "../support/methods-pages";
import type { TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

const zoneA = (visitor: Visitor) => visitor.t("zones.defaultName", { letter: "A" });
const zoneB = (visitor: Visitor) => visitor.t("zones.defaultName", { letter: "B" });

/** Laptop and phone, English and Finnish. */
const SHAPES = [
  { name: "Anna", locale: "en-GB", phone: true },
  { name: "Ben", locale: "fi-FI", phone: false },
  { name: "Cai", locale: "fi-FI", phone: true },
];

describe("Open Space through the UI", () => {
  it("participants post topics on the grid by pointer and keyboard, everyone sees them, slots run and close", async () => {
    const title = "Workshop day";
    const { host, guests } = await facilitatorAndGuests(browser, server, title, SHAPES);
    const [anna, ben, cai] = guests as [Visitor, Visitor, Visitor];

    let n = 0;
    const plan = templatePlan("openSpace", "en", () => `s${++n}`);
    const page = host.page;
    await importPlanAndStart(host, plan, "openspace.json");
    await expect
      .poll(() => page.locator('[aria-current="step"]').getAttribute("data-step"), { timeout: 10_000 })
      .toBe("0");
    await page.getByRole("button", { name: "Next step" }).click();
    for (const visitor of [host, ...guests]) await visitor.page.getByTestId("market").waitFor({ timeout: 15_000 });

    // Anna (phone, English) taps a free cell and posts into it.
    await anna.page
      .getByRole("button", { name: anna.t("methods.market.postHereLabel", { slot: 1, zone: zoneA(anna) }) })
      .click();
    await anna.page.getByLabel(anna.t("methods.market.topicLabel")).fill("Open city data");
    await anna.page.getByRole("button", { name: anna.t("methods.market.post") }).click();

    // Ben (laptop, Finnish) uses only the keyboard: the topic field, the cell list, then Enter.
    await ben.page.getByText("Open city data", { exact: true }).waitFor({ timeout: 10_000 });
    const benTitle = ben.page.getByLabel(ben.t("methods.market.topicLabel"));
    await benTitle.focus();
    await ben.page.keyboard.type("Joukkoliikenne ilmaiseksi");
    await ben.page
      .getByLabel(ben.t("methods.market.cellLabel"))
      .selectOption({ label: ben.t("methods.market.cellName", { n: 1, zone: zoneB(ben) }) });
    await benTitle.focus();
    await ben.page.keyboard.press("Enter");

    // Everyone sees both topics with their conveners; the cell Anna took is no longer offered.
    for (const visitor of [host, ...guests]) {
      await visitor.page.getByText("Joukkoliikenne ilmaiseksi", { exact: true }).waitFor({ timeout: 10_000 });
      await visitor.page.getByText("Open city data", { exact: true }).waitFor();
      await visitor.page
        .getByText(visitor.t("methods.market.convener", { name: "Ben" }))
        .first()
        .waitFor();
    }
    const offered = await cai.page.getByLabel(cai.t("methods.market.cellLabel")).locator("option").allTextContents();
    expect(offered).not.toContain(cai.t("methods.market.cellName", { n: 1, zone: zoneA(cai) }));
    expect(offered).not.toContain(cai.t("methods.market.cellName", { n: 1, zone: zoneB(cai) }));
    // Cai convenes nothing: no Move or Withdraw on the others' topics.
    expect(await cai.page.getByRole("button", { name: cai.t("methods.market.withdraw") }).count()).toBe(0);
    await screenshot(anna.page, "market-post-en-390x844");
    await screenshot(cai.page, "market-post-fi-390x844");
    await screenshot(ben.page, "market-post-fi-1366x800");
    await screenshot(page, "market-post-en-1366x800");

    // The facilitator names Cai as note-taker of Anna's topic; Cai's page says so.
    const annaTopic = page.getByTestId(/^market-topic-/).filter({ hasText: "Open city data" });
    await annaTopic.getByRole("combobox").selectOption({ label: "Cai" });
    await cai.page.getByText(cai.t("methods.market.noteTaker", { name: "Cai" })).waitFor({ timeout: 10_000 });

    // Ben moves his topic to slot 2 with the keyboard: Move, the cell list, Enter.
    const benTopic = ben.page.getByTestId(/^market-topic-/).filter({ hasText: "Joukkoliikenne ilmaiseksi" });
    await benTopic.getByRole("button", { name: ben.t("methods.market.move") }).focus();
    await ben.page.keyboard.press("Enter");
    await ben.page
      .getByLabel(ben.t("methods.market.cellLabel"))
      .selectOption({ label: ben.t("methods.market.cellName", { n: 2, zone: zoneB(ben) }) });
    await ben.page.getByRole("button", { name: ben.t("methods.market.moveSubmit") }).press("Enter");
    await expect
      .poll(
        async () =>
          (await cai.page.getByLabel(cai.t("methods.market.cellLabel")).locator("option").allTextContents()).includes(
            cai.t("methods.market.cellName", { n: 1, zone: zoneB(cai) }),
          ),
        { timeout: 10_000 },
      )
      .toBe(true);

    // Slot 1 runs: everyone is told, nobody is recalled or grouped.
    await page.getByRole("button", { name: "Next step" }).click();
    for (const visitor of [host, ...guests]) {
      await expect
        .poll(() => visitor.page.getByTestId("market-status").textContent(), { timeout: 10_000 })
        .toBe(visitor.t("methods.market.runningNote", { n: 1 }));
    }
    await screenshot(anna.page, "market-slot-en-390x844");
    await screenshot(ben.page, "market-slot-fi-1366x800");

    // Through slots 2 and 3 to the closing: the grid stays, read-only, and says where the notes went.
    for (const step of [3, 4, 5]) {
      await page.getByRole("button", { name: "Next step" }).click();
      await expect
        .poll(() => page.locator('[aria-current="step"]').getAttribute("data-step"), { timeout: 10_000 })
        .toBe(String(step));
    }
    for (const visitor of [host, ...guests]) {
      await expect
        .poll(() => visitor.page.getByTestId("market-status").textContent(), { timeout: 10_000 })
        .toBe(visitor.t("methods.market.closedNote"));
      expect(await visitor.page.getByLabel(visitor.t("methods.market.topicLabel")).count()).toBe(0);
    }
    await screenshot(cai.page, "market-closed-fi-390x844");

    const all = [host, ...guests];
    expect(externalRequests(all.flatMap((v) => v.requests))).toEqual([]);
    for (const visitor of all) expect(visitor.errors).toEqual([]);
    await Promise.all(all.map((v) => v.context.close()));
  }, 240_000);
});
