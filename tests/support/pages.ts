import type { Browser, BrowserContext, Page } from "playwright-core";
import { recordErrors, recordRequests } from "./browser";

export interface Visitor {
  context: BrowserContext;
  page: Page;
  requests: string[];
  errors: string[];
}

/** A fresh browser profile (own storage), English interface, small viewport for software rendering. */
export async function newVisitor(browser: Browser, locale = "en-GB"): Promise<Visitor> {
  const context = await browser.newContext({ viewport: { width: 640, height: 360 }, locale });
  const requests = recordRequests(context);
  const page = await context.newPage();
  const errors = recordErrors(page);
  return { context, page, requests, errors };
}

/** Opens a session link, joins with a name and waits until the 3D space is running. */
export async function joinSession(visitor: Visitor, url: string, name: string): Promise<void> {
  const { page } = visitor;
  await page.goto(url);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Enter the space" }).click();
  await page.waitForFunction(() => window.yhteistila !== undefined, undefined, { timeout: 60_000 });
  // Entering asks about the microphone first; tests that are not about voice just listen.
  const voice = page.getByRole("dialog", { name: "Your microphone" });
  const hint = page.getByRole("button", { name: "Got it" });
  if (await voice.isVisible()) {
    await voice.getByRole("button", { name: "Listen only" }).click();
    // The first-visit move hint waits for the microphone dialog to close (one thing at a time).
    await hint.waitFor({ timeout: 2_000 }).catch(() => undefined);
  }
  // The first-visit hint covers part of the view in small viewports; dismiss it like a person would.
  if (await hint.isVisible()) await hint.click();
}

/** Names listed in the People panel, read through the accessibility tree like a screen reader would. */
export async function peopleListed(page: Page): Promise<string[]> {
  const items = page.getByRole("list", { name: "People" }).getByRole("listitem");
  return items.evaluateAll((nodes) =>
    nodes.map((n) => n.querySelector(".person__name")?.firstChild?.textContent ?? ""),
  );
}
