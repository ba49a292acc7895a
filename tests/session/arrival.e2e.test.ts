import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { screenshot, withServerAndBrowser } from "../support/browser";
import { newVisitor } from "../support/pages";
import type { TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

describe("arriving in the space asks one thing at a time", () => {
  for (const [width, height, touch] of [
    [390, 844, true],
    [1280, 720, false],
  ] as const) {
    it(`shows the microphone dialog first, then how to move (${width}x${height})`, async () => {
      const session = await server.createSession("Arrival");
      const visitor = await newVisitor(browser);
      const page = visitor.page;
      await page.setViewportSize({ width, height });
      await page.goto(`${server.baseUrl}/s/${session.code}`);
      await page.getByLabel("Your name").fill("Anna");
      await page.getByRole("button", { name: "Enter the space" }).click();
      const dialog = page.getByRole("dialog", { name: "Your microphone" });
      await dialog.waitFor({ timeout: 60_000 });
      const hint = page.locator('section[aria-labelledby="move-hint-heading"]');
      expect(await hint.count()).toBe(0);
      await screenshot(page, `arrival-microphone-${width}x${height}`);

      await dialog.getByRole("button", { name: "Listen only" }).click();
      await hint.waitFor({ timeout: 5_000 });
      const text = (await hint.textContent()) ?? "";
      if (touch) {
        expect(text).toContain("Tap the floor");
        expect(text).not.toMatch(/W A S D|arrow keys|mouse/);
      } else {
        expect(text).toContain("W A S D");
        expect(text).not.toContain("finger");
      }
      await screenshot(page, `arrival-hint-${width}x${height}`);
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    }, 90_000);
  }
});
