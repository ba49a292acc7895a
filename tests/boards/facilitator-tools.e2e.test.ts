import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import type { TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

const visibleTools = (page: Page) => page.locator("summary", { hasText: "Facilitator tools" }).locator("visible=true");

// A pilot facilitator saw "Facilitator tools" twice in the Boards tab: one board's tools, shown once,
// wherever the boards are open (the side panel's tab, the 2D view, both sizes).
describe("the facilitator's board tools", () => {
  it("appear once for the chosen board in the Boards tab and in the 2D view, on a laptop and a phone", async () => {
    const session = await server.createSession("Tools");
    const host = await newVisitor(browser);
    await joinSession(host, `${server.baseUrl}/s/${session.code}#host=${session.facilitatorSecret}`, "Fia");
    const page = host.page;
    for (const [width, height] of [
      [1280, 720],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.getByRole("tab", { name: "Boards" }).click();
      await expect.poll(() => visibleTools(page).count(), { timeout: 10_000 }).toBe(1);
      await screenshot(page, `facilitator-tools-tab-${width}x${height}`);
      await page.getByRole("button", { name: "2D view" }).click();
      await expect.poll(() => visibleTools(page).count(), { timeout: 10_000 }).toBe(1);
      await screenshot(page, `facilitator-tools-2d-${width}x${height}`);
      await page.getByRole("button", { name: "3D view" }).click();
    }
    expect(externalRequests(host.requests)).toEqual([]);
    expect(host.errors).toEqual([]);
    await host.context.close();
  });
});
