import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { screenshot, withServerAndBrowser } from "../support/browser";
import { newVisitor } from "../support/pages";
import type { TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
// A microphone exists, and the browser answers every permission prompt with "Block", as a person who
// refuses would.
withServerAndBrowser(
  (s, b) => ((server = s), (browser = b)),
  ["--use-fake-device-for-media-stream", "--deny-permission-prompts"],
);

describe("entering without a microphone", () => {
  it("explains a blocked microphone, lets the person listen, and offers the microphone again later", async () => {
    const session = await server.createSession("No microphone");
    const visitor = await newVisitor(browser);
    const { page } = visitor;
    await page.goto(`${server.baseUrl}/s/${session.code}`);
    await page.getByLabel("Your name").fill("Dana");
    await page.getByRole("button", { name: "Enter the space" }).click();

    const setup = page.getByRole("dialog", { name: "Your microphone" });
    await setup.getByText("Others hear you through your microphone").waitFor({ timeout: 60_000 });
    await setup.getByRole("button", { name: "Use my microphone" }).click();
    await setup.getByRole("alert").getByText("Your browser blocked the microphone").waitFor({ timeout: 10_000 });
    await screenshot(page, "voice-microphone-blocked");
    await setup.getByRole("button", { name: "Continue, listening only" }).click();
    await setup.waitFor({ state: "hidden" });

    // In the space, listening: the control dock offers the microphone instead of a mute button, and M
    // (with no microphone to mute) brings the explanation back rather than doing nothing.
    const bar = page.getByRole("toolbar", { name: "Control bar" });
    await bar.getByRole("button", { name: "Use my microphone" }).waitFor();
    await page.locator(".space__canvas").focus();
    await page.keyboard.press("KeyM");
    await setup.waitFor();
    await setup.getByRole("button", { name: "Done" }).click();
    await setup.waitFor({ state: "hidden" });
    expect(await page.evaluate(() => window.yhteistilaVoice !== undefined)).toBe(true);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});
