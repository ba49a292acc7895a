import type { Browser, BrowserContext, Page } from "playwright-core";
import { recordErrors, recordRequests } from "./browser";
import { translate, type TranslationKey } from "../../shared/i18n";
import type { Locale } from "../../shared/protocol/common";

export interface Visitor {
  context: BrowserContext;
  page: Page;
  requests: string[];
  errors: string[];
  /** The interface's words in the visitor's language, to find controls as a person reads them. */
  t(key: TranslationKey, params?: Record<string, string | number>): string;
}

/**
 * A fresh browser profile (own storage), English interface unless told, small viewport for software
 * rendering; `phone` makes it a touch phone of 390x844.
 */
export async function newVisitor(
  browser: Browser,
  locale = "en-GB",
  options: { phone?: boolean } = {},
): Promise<Visitor> {
  const context = await browser.newContext({
    viewport: options.phone ? { width: 390, height: 844 } : { width: 640, height: 360 },
    locale,
    ...(options.phone ? { hasTouch: true, isMobile: true } : {}),
  });
  const requests = recordRequests(context);
  const page = await context.newPage();
  const errors = recordErrors(page);
  const language = locale.slice(0, 2) as Locale;
  return { context, page, requests, errors, t: (key, params) => translate(language, key, params) };
}

/** Opens a session link, joins with a name and waits until the 3D space is running. */
export async function joinSession(visitor: Visitor, url: string, name: string): Promise<void> {
  const { page, t } = visitor;
  await page.goto(url);
  await page.getByLabel(t("join.nameLabel")).fill(name);
  await page.getByRole("button", { name: t("join.submit") }).click();
  await page.waitForFunction(() => window.yhteistila !== undefined, undefined, { timeout: 60_000 });
  // Entering asks about the microphone first; tests that are not about voice just listen.
  const voice = page.getByRole("dialog", { name: t("voice.setup.heading") });
  const hint = page.getByRole("button", { name: t("hint.dismiss") });
  if (await voice.isVisible()) {
    await voice.getByRole("button", { name: t("voice.setup.listenOnly") }).click();
    // The first-visit move hint waits for the microphone dialog to close (one thing at a time).
    await hint.waitFor({ timeout: 2_000 }).catch(() => undefined);
  }
  // The first-visit hint covers part of the view in small viewports; dismiss it like a person would.
  if (await hint.isVisible()) await hint.click();
}

/**
 * Joins in the 2D view and listens only: several pages share two cores without a GPU, so the tests of
 * the panels leave WebGL out. `window.yhteistila` belongs to the 3D view, so the page is ready when its
 * top bar names the session.
 */
export async function joinIn2d(visitor: Visitor, url: string, name: string, title: string): Promise<void> {
  const { page, t } = visitor;
  await visitor.context.addInitScript(() => localStorage.setItem("yhteistila.view", "2d"));
  await page.goto(url);
  await page.getByLabel(t("join.nameLabel")).fill(name);
  await page.getByRole("button", { name: t("join.submit") }).click();
  await page.getByRole("heading", { name: title, level: 1 }).waitFor({ timeout: 60_000 });
  const voice = page.getByRole("dialog", { name: t("voice.setup.heading") });
  await voice.waitFor({ timeout: 10_000 });
  await voice.getByRole("button", { name: t("voice.setup.listenOnly") }).click();
  await voice.waitFor({ state: "hidden" });
}

/** Names listed in the People panel, read through the accessibility tree like a screen reader would. */
export async function peopleListed(page: Page): Promise<string[]> {
  const items = page.getByRole("list", { name: "People" }).getByRole("listitem");
  return items.evaluateAll((nodes) =>
    nodes.map((n) => n.querySelector(".person__name")?.firstChild?.textContent ?? ""),
  );
}
