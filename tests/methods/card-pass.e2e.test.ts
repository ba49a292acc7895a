import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { templatePlan } from "../../shared/methods/templates";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { facilitatorAndGuests, importPlanAndStart, MIXED_GUESTS } from "../support/methods-pages";
import type { TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

const IDEAS = ["Open the city data", "Ilmainen joukkoliikenne", "A four-day week"];

describe("25/10 Crowd Sourcing through the UI", () => {
  it("a facilitator and three participants write, pass and score two rounds, and all see the top ten", async () => {
    const title = "Bold ideas";
    const { host, guests } = await facilitatorAndGuests(browser, server, title, MIXED_GUESTS, 768);

    // A short 25/10, two rounds, imported as a plan file (three people can pass two rounds).
    let n = 0;
    const base = templatePlan("crowdSourcing", "en", () => `s${++n}`);
    const plan = {
      ...base,
      steps: base.steps.map((s) =>
        s.mechanic?.kind === "cardPass" ? { ...s, mechanic: { ...s.mechanic, rounds: 2 } } : s,
      ),
    };
    const page = host.page;
    await importPlanAndStart(host, plan, "2510.json");
    await expect
      .poll(() => page.locator('[aria-current="step"]').getAttribute("data-step"), { timeout: 10_000 })
      .toBe("0");
    await page.getByRole("button", { name: "Next step" }).click();

    // Each writes one card in their own language's panel.
    for (const [i, guest] of guests.entries()) {
      const panel = guest.page.getByTestId("card-pass");
      await panel.waitFor({ timeout: 15_000 });
      await guest.page.getByLabel(guest.t("methods.cardPass.writeLabel")).fill(IDEAS[i]!);
      await guest.page.getByRole("button", { name: guest.t("methods.cardPass.write") }).click();
      await guest.page.getByTestId("card-pass-written").waitFor();
    }
    await screenshot(guests[0]!.page, "cardpass-write-en-390x844");
    await expect
      .poll(() => page.getByTestId("card-pass-progress").textContent(), { timeout: 10_000 })
      .toBe("Cards written: 3");
    await page.getByRole("button", { name: "Start passing" }).click();

    for (let round = 0; round < 2; round++) {
      const held: string[] = [];
      for (const [i, guest] of guests.entries()) {
        const card = guest.page.getByTestId("card-pass-held");
        await expect
          .poll(() => guest.page.getByTestId("card-pass-round").textContent(), { timeout: 15_000 })
          .toBe(guest.t("methods.cardPass.round", { round: round + 1, rounds: 2 }));
        const text = (await card.textContent())!;
        // Never one's own card; never anyone else's text on the page.
        expect(text).not.toBe(IDEAS[i]);
        for (const idea of IDEAS) if (idea !== text) expect(await guest.page.getByText(idea).count()).toBe(0);
        held.push(text);
      }
      expect(new Set(held).size).toBe(3);
      if (round === 0) {
        await screenshot(guests[1]!.page, "cardpass-score-fi-390x844");
        await screenshot(guests[2]!.page, "cardpass-score-fi-1366x768");
      }
      // Scored with the keyboard: focus the button, press Enter.
      for (const [i, guest] of guests.entries()) {
        const button = guest.page.getByRole("button", { name: String(i + 3), exact: true });
        await button.focus();
        await guest.page.keyboard.press("Enter");
        if (i < 2) await guest.page.getByTestId("card-pass-scored").waitFor({ timeout: 10_000 });
        if (i === 0 && round === 0) {
          await expect
            .poll(() => page.getByTestId("card-pass-progress").textContent(), { timeout: 10_000 })
            .toBe("Scored this round: 1 of 3");
          await screenshot(page, "cardpass-facilitator-en-1366x768");
        }
      }
    }

    // Everyone scored the last round: the results are revealed to all, best first, without names.
    for (const visitor of [host, ...guests]) {
      const list = visitor.page.getByTestId("card-pass-results");
      await list.waitFor({ timeout: 15_000 });
      const items = await list.getByRole("listitem").allTextContents();
      expect(items).toHaveLength(3);
      for (const item of items) expect(item).not.toMatch(/Anna|Ben|Cai|Fia/);
    }
    await screenshot(guests[0]!.page, "cardpass-results-en-390x844");
    await screenshot(guests[2]!.page, "cardpass-results-fi-1366x768");
    await screenshot(page, "cardpass-results-en-1366x768");

    const all = [host, ...guests];
    expect(externalRequests(all.flatMap((v) => v.requests))).toEqual([]);
    for (const visitor of all) expect(visitor.errors).toEqual([]);
    await Promise.all(all.map((v) => v.context.close()));
  }, 240_000);
});
