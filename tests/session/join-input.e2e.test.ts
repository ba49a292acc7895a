import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { newVisitor } from "../support/pages";
import type { TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

/** The reason a field shows beside it (Field's error, tied to the input by aria-describedby). */
async function reasonFor(page: Page, label: string): Promise<string> {
  const input = page.getByLabel(label, { exact: true });
  const ids = ((await input.getAttribute("aria-describedby")) ?? "").split(" ").filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"].field__error`).allTextContents()));
  return texts.flat().join(" ");
}

describe("the pages before the space say why they refuse", () => {
  it("explains a bad code, takes a pasted link, and explains an empty or over-long name", async () => {
    const session = await server.createSession("Reasons");
    const visitor = await newVisitor(browser);
    const page = visitor.page;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.baseUrl);

    const code = page.getByLabel("Session code", { exact: true });
    const go = page.getByRole("button", { name: "Go to session" });
    await code.fill("KOM-4PQ");
    await go.click();
    expect(await reasonFor(page, "Session code")).toContain("Codes never contain O");
    await code.fill("K7M-4PQ");
    await expect.poll(() => reasonFor(page, "Session code")).toContain("this has 6");
    await code.fill("https://example.org/about");
    await expect.poll(() => reasonFor(page, "Session code")).toContain("does not lead to a session");
    expect(await code.getAttribute("aria-invalid")).toBe("true");
    await screenshot(page, "join-input-code-reason");

    // A whole link pasted in is fine: its code is taken out of it.
    await code.fill(`${server.baseUrl}/s/${session.code.toLowerCase()}`);
    expect(await reasonFor(page, "Session code")).toBe("");
    await go.click();
    await page.waitForURL(`**/s/${session.code}`);

    const name = page.getByLabel("Your name", { exact: true });
    const enter = page.getByRole("button", { name: "Enter the space" });
    await name.fill("    ");
    await enter.click();
    await expect.poll(() => reasonFor(page, "Your name")).toContain("Write your name");
    await name.fill("A".repeat(200));
    await expect.poll(() => reasonFor(page, "Your name")).toContain("at most 40 characters, this has 200");
    // Nothing was cut: the whole name is still in the field for the person to shorten.
    expect((await name.inputValue()).length).toBe(200);
    await screenshot(page, "join-input-name-reason");
    await enter.click();
    expect(page.url()).toContain(`/s/${session.code}`);
    expect(await page.evaluate(() => window.yhteistila === undefined)).toBe(true);

    expect(externalRequests(visitor.requests)).toEqual([]);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it("says a link's facilitator key is wrong and lets the person join as a participant", async () => {
    const session = await server.createSession("Wrong key");
    const visitor = await newVisitor(browser);
    const page = visitor.page;
    const wrong = `${session.facilitatorSecret.slice(0, -6)}ZZZZZZ`;
    await page.goto(`${server.baseUrl}/s/${session.code}#host=${wrong}`);
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toContain("facilitator key is not valid");
    expect(await alert.textContent()).toContain("join as a participant");
    expect(await page.locator("body").textContent()).not.toContain("You are joining as a facilitator");
    // The key is no longer held, so the join that follows is a participant's, without a refusal.
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("yhteistila.host."))),
    ).toEqual([]);
    await screenshot(page, "join-wrong-facilitator-key");

    // The right key still says so.
    const right = await newVisitor(browser);
    await right.page.goto(`${server.baseUrl}/s/${session.code}#host=${session.facilitatorSecret}`);
    await expect
      .poll(() => right.page.locator("form").textContent(), { timeout: 10_000 })
      .toContain("You are joining as a facilitator");
    expect(await right.page.getByRole("alert").count()).toBe(0);

    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
    await right.context.close();
  });
});
