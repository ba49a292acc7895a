import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { withServerAndBrowser } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import type { TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

const framesDrawn = (page: Page) => page.evaluate(() => window.yhteistila!.framesDrawn());

/** Frames drawn over `ms` of the page's own time (a timer inside the page, not the test's clock). */
function framesOver(page: Page, ms: number): Promise<number> {
  return page.evaluate(async (wait) => {
    const before = window.yhteistila!.framesDrawn();
    await new Promise((resolve) => setTimeout(resolve, wait));
    return window.yhteistila!.framesDrawn() - before;
  }, ms);
}

describe("the 3D view draws on demand", () => {
  it("draws nothing while the room is still, and draws again when someone moves, here or there", async () => {
    const session = await server.createSession("Still room");
    const link = `${server.baseUrl}/s/${session.code}`;
    const anna = await newVisitor(browser);
    const ben = await newVisitor(browser);
    await joinSession(anna, link, "Anna");
    await joinSession(ben, link, "Ben");
    await expect.poll(() => anna.page.evaluate(() => window.yhteistila!.avatars().length), { timeout: 10_000 }).toBe(1);

    // Once arrivals have settled, a still room draws nothing for a whole second.
    await expect.poll(() => framesOver(anna.page, 1000), { timeout: 20_000, interval: 0 }).toBe(0);

    // Anna walks: her view draws while she does.
    await anna.page.locator(".space__canvas").focus();
    const walking = framesOver(anna.page, 600);
    await anna.page.keyboard.down("KeyW");
    const whileWalking = await walking;
    await anna.page.keyboard.up("KeyW");
    expect(whileWalking).toBeGreaterThan(5);

    await expect.poll(() => framesOver(anna.page, 1000), { timeout: 20_000, interval: 0 }).toBe(0);

    // Ben walks: Anna's view draws him moving, though she does nothing.
    const before = await framesDrawn(anna.page);
    await ben.page.locator(".space__canvas").focus();
    await ben.page.keyboard.down("KeyD");
    await expect.poll(async () => (await framesDrawn(anna.page)) - before, { timeout: 10_000 }).toBeGreaterThan(5);
    await ben.page.keyboard.up("KeyD");
  });
});
