import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { sendCommand } from "../../shared/protocol/send";
import { screenshot, withServerAndBrowser } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import type { TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

describe("the plenary countdown's end", () => {
  it("shows Time is up, and the card can be put away", async () => {
    const session = await server.createSession("Ended timer");
    const anna = await newVisitor(browser);
    await joinSession(anna, `${server.baseUrl}/s/${session.code}`, "Anna");
    const host = await server.join(session.code, { name: "Fia", facilitatorSecret: session.facilitatorSecret });
    sendCommand(host, "timers.control", { op: "start", target: "plenary", seconds: 10 });

    const banner = anna.page.locator(".banner");
    await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toContain("Time is up");
    await screenshot(anna.page, "timer-ended-card");
    await banner.getByRole("button", { name: "Hide the ended timer" }).click();
    await expect.poll(() => banner.count(), { timeout: 5_000 }).toBe(0);

    // A new countdown shows again.
    sendCommand(host, "timers.control", { op: "start", target: "plenary", seconds: 60 });
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(1);
    expect(anna.errors).toEqual([]);
    await host.leave();
    await anna.context.close();
  }, 120_000);
});
