import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { joinSession, newVisitor, peopleListed, type Visitor } from "../support/pages";
import type { TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

async function avatarsSeenBy(visitor: Visitor) {
  return visitor.page.evaluate(() => window.yhteistila!.avatars());
}

describe("two people open the same participant link", () => {
  it("see each other in the People panel and in 3D, see each other move, and nothing leaves the host", async () => {
    const session = await server.createSession("Two browsers");
    const link = `${server.baseUrl}/s/${session.code}`;
    const anna = await newVisitor(browser);
    const ben = await newVisitor(browser);

    await joinSession(anna, link, "Anna");
    await joinSession(ben, link, "Ben");

    await expect.poll(() => peopleListed(anna.page), { timeout: 10_000 }).toEqual(["Anna", "Ben"]);
    await expect.poll(() => peopleListed(ben.page), { timeout: 10_000 }).toEqual(["Anna", "Ben"]);

    // The scene itself: one remote avatar body drawn, and a name tag carrying the other's name.
    await expect.poll(async () => (await avatarsSeenBy(anna)).length, { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => anna.page.evaluate(() => window.yhteistila!.nameTags()), { timeout: 10_000 })
      .toEqual(["Ben"]);
    await expect
      .poll(() => ben.page.evaluate(() => window.yhteistila!.nameTags()), { timeout: 10_000 })
      .toEqual(["Anna"]);
    await screenshot(anna.page, "two-browsers-anna-sees-ben");

    // Ben walks forward for a second with the keyboard; Anna sees his avatar move by about that much.
    let before: { x: number; z: number } | undefined;
    await expect.poll(async () => (before = (await avatarsSeenBy(anna))[0]), { timeout: 10_000 }).toBeDefined();
    const benStart = await ben.page.evaluate(() => window.yhteistila!.self());
    await ben.page.locator(".space__canvas").focus();
    // Hold W until he has walked a metre: on a slow software renderer that takes more frames, not a fixed time.
    await ben.page.keyboard.down("KeyW");
    await expect
      .poll(
        async () => {
          const now = await ben.page.evaluate(() => window.yhteistila!.self());
          return Math.hypot(now.x - benStart.x, now.z - benStart.z);
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBeGreaterThan(1);
    await ben.page.keyboard.up("KeyW");
    const benEnd = await ben.page.evaluate(() => window.yhteistila!.self());

    // Read where Anna sees him inside the poll: the view may change its quality tier meanwhile, and a
    // tier with or without multisampling draws on a new canvas, whose avatars appear a frame later.
    let after: { x: number; z: number } | undefined;
    await expect
      .poll(
        async () => {
          after = (await avatarsSeenBy(anna))[0];
          return after ? Math.hypot(after.x - benEnd.x, after.z - benEnd.z) : Infinity;
        },
        { timeout: 10_000 },
      )
      .toBeLessThan(0.1);
    expect(Math.hypot(after!.x - before!.x, after!.z - before!.z)).toBeGreaterThan(1);
    await screenshot(anna.page, "two-browsers-after-ben-walked");

    // Closing the tab takes Ben out of the room for Anna within a few seconds.
    await ben.page.close({ runBeforeUnload: true });
    await expect.poll(() => peopleListed(anna.page), { timeout: 5_000 }).toEqual(["Anna"]);

    expect(externalRequests([...anna.requests, ...ben.requests])).toEqual([]);
    expect(anna.errors).toEqual([]);
    expect(ben.errors).toEqual([]);
    await anna.context.close();
    await ben.context.close();
  });
});
