import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { translate, type TranslationKey } from "../../shared/i18n";
import type { Locale } from "../../shared/protocol/common";
import { screenshot, withServerAndBrowser } from "../support/browser";
import { waitForState, type TestServer } from "../support/server";
import { focusWithKeys, typeInto } from "./keys";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

type T = (key: TranslationKey, params?: Record<string, string | number>) => string;

/** A person with a keyboard and nothing else: no click, no mouse move, no fill(). */
async function keyboardUser(locale: Locale): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: { fi: "fi-FI", sv: "sv-SE", en: "en-GB" }[locale],
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors, close: () => context.close() };
}

/** Joins with the name field and Enter, then answers the first-visit questions with the keyboard. */
async function joinWithKeys(page: Page, t: T, url: string, name: string): Promise<void> {
  await page.goto(url);
  await typeInto(page, page.getByLabel(t("join.nameLabel")), name);
  await page.keyboard.press("Enter");
  const voice = page.getByRole("dialog", { name: t("voice.setup.heading") });
  await voice.waitFor({ timeout: 60_000 });
  await focusWithKeys(page, voice.getByRole("button", { name: t("voice.setup.listenOnly") }));
  await page.keyboard.press("Enter");
  // The move hint comes next and takes the focus; dismissed, it hands it to the dock's button for it.
  const hint = page.getByRole("button", { name: t("hint.dismiss") });
  await hint.waitFor();
  await expect.poll(() => hint.evaluate((b) => b === document.activeElement)).toBe(true);
  await page.keyboard.press("Enter");
  await hint.waitFor({ state: "detached" });
  const back = page.getByRole("button", { name: t("hint.show") });
  await expect.poll(() => back.evaluate((b) => b === document.activeElement)).toBe(true);
  // Straight to the 2D view: the keyboard's and screen reader's way through the boards.
  await focusWithKeys(page, page.getByRole("button", { name: t("boards.view2d") }));
  await page.keyboard.press("Enter");
  await page.locator(".boards-page").waitFor();
}

/** Opens a side-panel tab with the keyboard: to the tab list, then the arrows. */
async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole("tab", { name });
  if ((await tab.count()) === 0) {
    await focusWithKeys(page, page.getByRole("button", { name: /./ }).and(page.locator('[data-dock="panel"]')));
    await page.keyboard.press("Enter");
  }
  await focusWithKeys(page, tab);
  await expect.poll(() => tab.getAttribute("aria-selected")).toBe("true");
}

describe("a small workshop with the keyboard alone", () => {
  for (const locale of ["fi", "sv", "en"] as const) {
    it(`in ${locale}: join, write, vote, raise a hand, chat, read the task; form groups, send them out, recall`, async () => {
      const t: T = (key, params) => translate(locale, key, params);
      const session = await server.createSession(`Näppäimistö ${locale}`);
      const link = `${server.baseUrl}/s/${session.code}`;
      // Watches the server's state (what everyone is shown), never acts.
      const watcher = await server.join(session.code, { name: "Watcher", observer: true });
      const helena = await keyboardUser(locale);
      const anna = await keyboardUser(locale);
      await joinWithKeys(helena.page, t, `${link}#host=${session.facilitatorSecret}`, "Helena");
      await joinWithKeys(anna.page, t, link, "Anna");
      const annaId = () => [...watcher.state.people.entries()].find(([, p]) => p.name === "Anna")?.[0] ?? "";

      // Anna writes a note on the note wall.
      const note = "Yksi yhteinen asiointipiste";
      await typeInto(anna.page, anna.page.getByLabel(t("boards.noteText")).first(), note);
      await anna.page.keyboard.press("Enter");
      await anna.page.locator(".note-item__text", { hasText: note }).waitFor();

      // Helena starts a dot vote; Anna gives the note a dot with Space.
      await focusWithKeys(helena.page, helena.page.getByRole("button", { name: t("boards.vote.start") }).first());
      await helena.page.keyboard.press("Enter");
      const dot = anna.page.getByRole("button", { name: t("boards.vote.addDot", { text: note }) });
      await focusWithKeys(anna.page, dot);
      await anna.page.keyboard.press("Space");
      await anna.page
        .getByText(t("boards.vote.left", { count: 2 }))
        .first()
        .waitFor();

      // Anna raises her hand from the dock, and writes in the chat.
      await focusWithKeys(anna.page, anna.page.getByRole("button", { name: t("hands.raise") }));
      await anna.page.keyboard.press("Space");
      await waitForState(watcher, (s) => s.people.get(annaId())?.handRaisedAt !== 0, 10_000);
      await openTab(anna.page, t("chat.tab"));
      await typeInto(
        anna.page,
        anna.page.getByRole("textbox", { name: t("chat.message"), exact: true }),
        "Kysymys tehtävästä",
      );
      await anna.page.keyboard.press("Enter");
      await helena.page.getByText("Kysymys tehtävästä").first().waitFor();

      // Helena forms groups, gives them a task and sends them out.
      const task = "Listatkaa kolme tärkeintä odotusta.";
      await openTab(helena.page, t("breakout.tab"));
      await focusWithKeys(helena.page, helena.page.getByRole("button", { name: t("breakout.form") }));
      await helena.page.keyboard.press("Enter");
      await typeInto(helena.page, helena.page.getByLabel(t("breakout.task")), task);
      await focusWithKeys(helena.page, helena.page.getByRole("button", { name: t("breakout.send") }));
      await helena.page.keyboard.press("Enter");
      await waitForState(watcher, (s) => (s.people.get(annaId())?.zone ?? "") !== "", 10_000);

      // Anna reads the task where the banner of her zone shows it.
      await anna.page.locator(".task-text", { hasText: task }).waitFor();
      await screenshot(anna.page, `keyboard-${locale}-anna-task`);

      // Helena recalls everyone at once.
      await focusWithKeys(helena.page, helena.page.getByRole("button", { name: t("breakout.recall") }));
      await helena.page.keyboard.press("Enter");
      await waitForState(watcher, (s) => s.people.get(annaId())?.zone === "", 10_000);
      await screenshot(helena.page, `keyboard-${locale}-helena-recalled`);

      // The session menu: arrows move through it, and Escape or a closed dialog gives the focus back.
      const menuButton = helena.page.getByRole("button", { name: t("session.menu") });
      const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? "");
      await focusWithKeys(helena.page, menuButton);
      await helena.page.keyboard.press("Enter");
      await expect.poll(() => focused(helena.page)).toBe(t("session.copyLink"));
      await helena.page.keyboard.press("ArrowDown");
      await expect.poll(() => focused(helena.page)).toBe(t("session.rename"));
      await helena.page.keyboard.press("Enter");
      const rename = helena.page.getByRole("dialog", { name: t("session.rename") });
      await rename.waitFor();
      await expect.poll(() => rename.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      await helena.page.keyboard.press("Escape");
      await rename.waitFor({ state: "detached" });
      await expect.poll(() => menuButton.evaluate((b) => b === document.activeElement)).toBe(true);
      await helena.page.keyboard.press("Enter");
      await helena.page.keyboard.press("End");
      await expect.poll(() => focused(helena.page)).toBe(t("session.leave"));
      await helena.page.keyboard.press("Escape");
      await expect.poll(() => menuButton.evaluate((b) => b === document.activeElement)).toBe(true);

      expect([...helena.errors, ...anna.errors]).toEqual([]);
      await Promise.all([helena.close(), anna.close()]);
      await watcher.leave();
    }, 240_000);
  }
});
