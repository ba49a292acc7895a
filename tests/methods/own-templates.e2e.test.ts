import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { joinIn2d, newVisitor } from "../support/pages";
import type { TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

const stepTitles = (page: Page) =>
  page.getByRole("list", { name: "Steps" }).locator(".methods__step-title").allTextContents();

describe("a facilitator's own templates", () => {
  it("saves a session's plan as their template and starts the next session from it", async () => {
    const host = await newVisitor(browser);
    await host.context.addInitScript(() => localStorage.setItem("yhteistila.view", "2d"));
    await host.page.setViewportSize({ width: 1280, height: 720 });
    const page = host.page;
    const first = await server.createSession("Monday");
    await joinIn2d(host, `${server.baseUrl}/s/${first.code}#host=${first.facilitatorSecret}`, "Fia", "Monday");
    await page.getByRole("tab", { name: "Method" }).click();
    // The panel loads when first opened: wait for it before saying what it lacks.
    await page.getByLabel("Built-in method").waitFor();
    // Nothing saved yet: no "My templates" section.
    expect(await page.getByRole("heading", { name: "My templates" }).count()).toBe(0);
    await page.getByLabel("Built-in method").selectOption({ label: "World Café" });
    await page.getByRole("button", { name: "Use this method" }).click();
    await expect.poll(async () => (await stepTitles(page)).length, { timeout: 10_000 }).toBe(4);
    const titles = await stepTitles(page);
    await page.getByRole("button", { name: "Save as my template" }).click();
    await page.getByRole("status").filter({ hasText: "Saved to my templates: World Café" }).waitFor();
    await page.getByRole("heading", { name: "My templates" }).waitFor();

    // Another session, the same browser: the template is there and gives the same plan.
    const second = await server.createSession("Tuesday");
    await joinIn2d(host, `${server.baseUrl}/s/${second.code}#host=${second.facilitatorSecret}`, "Fia", "Tuesday");
    await page.getByRole("tab", { name: "Method" }).click();
    const own = page.getByLabel("My template", { exact: true });
    await own.waitFor();
    expect(await own.locator("option").allTextContents()).toEqual(["World Café (4 steps)"]);
    await page.getByRole("button", { name: "Use my template" }).click();
    await expect.poll(() => stepTitles(page), { timeout: 10_000 }).toEqual(titles);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("heading", { name: "My templates" }).scrollIntoViewIfNeeded();
    await screenshot(page, "method-own-template-390x844");
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole("heading", { name: "My templates" }).scrollIntoViewIfNeeded();
    await screenshot(page, "method-own-template-1280x720");

    // Removed, it is gone.
    await page.getByRole("button", { name: "Remove from my templates" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "My templates" }).count(), { timeout: 5_000 }).toBe(0);
    expect(externalRequests(host.requests)).toEqual([]);
    expect(host.errors).toEqual([]);
    await host.context.close();
  }, 120_000);
});
