import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { LAB } from "../../shared/space/layout";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { overlayBoxes, overlayProblems } from "../support/layout";
import { joinSession, newVisitor, type Visitor } from "../support/pages";
import type { TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

/** The banner's zone section as a participant sees it: zone name, task text, and the countdown's time left. */
async function zoneBanner(page: Page) {
  const zone = page.locator(".banner__zone");
  if ((await zone.count()) === 0) return null;
  return {
    title: await zone.locator(".banner__title").textContent(),
    task: await zone.locator(".task-text").textContent(),
    remainingMs: Number(await zone.getByRole("timer").getAttribute("data-remaining-ms")),
  };
}

/**
 * Three pages rendering WebGL in software share two cores; a page whose turn it is not is frozen like
 * a background tab (its JavaScript and drawing pause, its connection stays open and its messages wait).
 */
async function setFrozen(visitor: Visitor, frozen: boolean): Promise<void> {
  const cdp = await visitor.context.newCDPSession(visitor.page);
  await cdp.send("Page.setWebLifecycleState", { state: frozen ? "frozen" : "active" });
  await cdp.detach();
}

async function distanceFromPlenary(page: Page): Promise<number> {
  const self = await page.evaluate(() => window.yhteistila!.self());
  return Math.hypot(self.x - LAB.plenary.x, self.z - LAB.plenary.z);
}

/**
 * On a phone (390x844) and a small laptop (1280x720), with the move hint open as well, nothing in the
 * overlay overlaps: no two buttons of the control dock, and no button and the side panel, the hint or
 * the zone banner. Every button is a touch target of at least 40 px.
 */
async function expectCalmOverlay(page: Page, label: string): Promise<void> {
  await page.getByRole("button", { name: "How to move" }).click();
  for (const [width, height] of [
    [390, 844],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect.poll(() => overlayProblems(page), { timeout: 5_000 }).toEqual([]);
    const { buttons } = await overlayBoxes(page);
    expect(buttons.length).toBeGreaterThanOrEqual(6);
    for (const button of buttons) expect(Math.min(button.width, button.height), button.name).toBeGreaterThanOrEqual(40);
    await screenshot(page, `overlay-${label}-${width}x${height}`);
  }
  await page.getByRole("button", { name: "Got it" }).click();
  await page.setViewportSize({ width: 640, height: 360 });
}

describe("a facilitator runs a breakout from the browser", () => {
  it("forms two groups of one, sends them out with their own tasks and a countdown, and recalls them", async () => {
    const session = await server.createSession("Breakouts");
    const host = await newVisitor(browser);
    const anna = await newVisitor(browser);
    const ben = await newVisitor(browser);
    await joinSession(host, `${server.baseUrl}/s/${session.code}#host=${session.facilitatorSecret}`, "Fia");
    await setFrozen(host, true);
    await joinSession(anna, `${server.baseUrl}/s/${session.code}`, "Anna");
    await setFrozen(anna, true);
    await joinSession(ben, `${server.baseUrl}/s/${session.code}`, "Ben");
    await setFrozen(ben, true);
    await setFrozen(host, false);

    // Form groups of one person each: two groups.
    const page = host.page;
    await page.getByRole("tab", { name: "Facilitate" }).click();
    await page.getByRole("radio", { name: "Group size" }).check();
    await page.getByLabel("Number", { exact: true }).fill("1");
    await page.getByRole("button", { name: "Form groups" }).click();
    const groups = page.locator(".group[data-group]");
    await expect.poll(() => groups.count()).toBe(2);
    const members: string[] = [];
    for (let i = 0; i < 2; i++) {
      const names = await groups.nth(i).locator(".chip__name").allTextContents();
      expect(names).toHaveLength(1);
      members.push(names[0]!);
    }
    expect([...members].sort()).toEqual(["Anna", "Ben"]);

    // Each group gets its own task; ten minutes on the clock.
    const tasks = new Map<string, string>();
    for (let i = 0; i < 2; i++) {
      const task = `Task for ${members[i]}: list three ideas`;
      tasks.set(members[i]!, task);
      await groups.nth(i).locator("summary").click();
      await groups.nth(i).getByLabel("Own task for this group").fill(task);
    }
    await page.getByLabel("Minutes", { exact: true }).fill("10");
    await screenshot(page, "breakout-facilitator-preview");
    await page.getByRole("button", { name: "Send to zones" }).click();
    await setFrozen(host, true);

    const zonesSeen: string[] = [];
    for (const [visitor, name, other] of [
      [anna, "Anna", "Ben"],
      [ben, "Ben", "Anna"],
    ] as const) {
      await setFrozen(visitor, false);
      await expect.poll(async () => (await zoneBanner(visitor.page))?.task, { timeout: 15_000 }).toBe(tasks.get(name));
      const banner = (await zoneBanner(visitor.page))!;
      zonesSeen.push(banner.title!);
      // Far from the plenary now: the server moved them.
      expect(await distanceFromPlenary(visitor.page)).toBeGreaterThan(LAB.plenary.radius);
      expect(banner.title).toMatch(/^Your zone: Breakout [A-D]$/);
      expect(banner.remainingMs).toBeGreaterThan(9 * 60_000);
      expect(banner.remainingMs).toBeLessThanOrEqual(10 * 60_000);
      const text = await visitor.page.locator("body").textContent();
      expect(text).not.toContain(tasks.get(other));
      // The 3D board in the zone shows the same task and a running clock, and nothing of the other group's.
      await expect
        .poll(() => visitor.page.evaluate(() => window.yhteistila!.labels("zone-board:")), { timeout: 15_000 })
        .toContain(tasks.get(name));
      const labels = await visitor.page.evaluate(() => window.yhteistila!.labels("zone-"));
      expect(labels.join("\n")).not.toContain(tasks.get(other));
      expect(labels.some((label) => /^\d+:\d\d$/.test(label))).toBe(true);
      await screenshot(visitor.page, `breakout-${name.toLowerCase()}-in-zone`);
      await setFrozen(visitor, true);
    }
    expect(zonesSeen[0]).not.toBe(zonesSeen[1]);
    // In a zone the dock has the most a participant can have (ready), and the banner shows the task.
    // Checked after both countdowns were read, so their time left is not eaten by this.
    await setFrozen(anna, false);
    await expectCalmOverlay(anna.page, "participant-in-zone");
    await setFrozen(anna, true);
    // The facilitator sees every zone's work.
    await setFrozen(host, false);
    await expect.poll(() => page.locator(".zone-row [role=timer]").count()).toBe(2);
    await screenshot(page, "breakout-facilitator-zones-now");
    await expectCalmOverlay(page, "facilitator");

    await page.getByRole("button", { name: "Recall everyone" }).click();
    await setFrozen(host, true);
    for (const visitor of [anna, ben]) {
      await setFrozen(visitor, false);
      await expect.poll(() => zoneBanner(visitor.page), { timeout: 15_000 }).toBeNull();
      await expect.poll(() => distanceFromPlenary(visitor.page), { timeout: 15_000 }).toBeLessThan(LAB.plenary.radius);
    }
    await screenshot(anna.page, "breakout-anna-back-in-plenary");
    await setFrozen(host, false);

    const all = [host, anna, ben] as Visitor[];
    expect(externalRequests(all.flatMap((v) => v.requests))).toEqual([]);
    for (const visitor of all) expect(visitor.errors).toEqual([]);
    await Promise.all(all.map((v) => v.context.close()));
  }, 240_000);
});
