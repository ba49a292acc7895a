import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { screenshot, withServerAndBrowser } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import type { TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

describe("settings a person needs, remembered in their browser", () => {
  it("turns on larger text, high contrast, reduced motion and mono voices from the session menu, and keeps them", async () => {
    const session = await server.createSession("Settings");
    const visitor = await newVisitor(browser);
    const { page } = visitor;
    await joinSession(visitor, `${server.baseUrl}/s/${session.code}`, "Sami");
    const rootFontSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    const ink = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--ink").trim());
    expect(await rootFontSize()).toBe("16px");

    const choose = async (name: string) => {
      await page.getByRole("button", { name: /^Session/ }).click();
      const item = page.getByRole("menuitemcheckbox", { name: new RegExp(name) });
      expect(await item.getAttribute("aria-checked")).toBe("false");
      await item.click();
    };
    await choose("Larger text");
    expect(await rootFontSize()).toBe("20px");
    await choose("High contrast");
    expect(await ink()).toMatch(/^#000(000)?$/);
    await choose("Reduce motion");
    await choose("Voices in mono");
    await screenshot(page, "settings-larger-contrast");

    // A new visit in the same browser keeps them, before anything is drawn.
    await page.goto(`${server.baseUrl}/s/${session.code}`);
    expect(await rootFontSize()).toBe("20px");
    expect(await ink()).toMatch(/^#000(000)?$/);
    const attributes = await page.evaluate(() =>
      ["data-larger-text", "data-high-contrast", "data-reduced-motion"].map((a) =>
        document.documentElement.hasAttribute(a),
      ),
    );
    expect(attributes).toEqual([true, true, true]);
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("yhteistila.accessibility") ?? "{}"));
    expect(saved).toMatchObject({ largerText: true, highContrast: true, reducedMotion: true, monoVoices: true });

    // And the menu shows them on, so they can be turned off the same way.
    await page.getByRole("button", { name: /^Enter the space/ }).click();
    await page.waitForFunction(() => window.yhteistila !== undefined, undefined, { timeout: 60_000 });
    const listen = page.getByRole("button", { name: "Listen only" });
    if (await listen.isVisible()) await listen.click();
    await page.getByRole("button", { name: /^Session/ }).click();
    expect(await page.getByRole("menuitemcheckbox", { name: /Larger text/ }).getAttribute("aria-checked")).toBe("true");
    // On a phone with larger text the menu stays on the screen (it touched the left edge), its items
    // start in one line, and leaving is the last item.
    await page.setViewportSize({ width: 390, height: 844 });
    const menu = (await page.getByRole("menu").boundingBox())!;
    expect(menu.x).toBeGreaterThanOrEqual(4);
    expect(menu.x + menu.width).toBeLessThanOrEqual(390 - 4);
    const starts = await page
      .getByRole("menu")
      .locator("[role^=menuitem]")
      .evaluateAll((items) =>
        items.map((item) => item.getBoundingClientRect().left + parseFloat(getComputedStyle(item).paddingLeft)),
      );
    expect(new Set(starts).size).toBe(1);
    expect(await page.getByRole("menu").locator("[role^=menuitem]").last().textContent()).toBe("Leave");
    await screenshot(page, "settings-larger-menu-phone");
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole("menuitemcheckbox", { name: /Larger text/ }).click();
    expect(await rootFontSize()).toBe("16px");
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});
