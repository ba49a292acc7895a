import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { translate, type TranslationKey } from "../../shared/i18n";
import type { Locale } from "../../shared/protocol";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { newVisitor, type Visitor, joinIn2d } from "../support/pages";
import type { TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

const NAMES = ["Anna", "Ben", "Cai", "Dora"] as const;
/** Two participants on phones, two on laptops: the merged board is looked at on both. */
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 390, height: 844 },
  { width: 1280, height: 720 },
  { width: 1280, height: 720 },
] as const;
const BROWSER_LOCALE: Record<Locale, string> = { fi: "fi-FI", sv: "sv-SE", en: "en-GB" };

/** Note texts of the board the 2D page shows (their zone's board, for someone in a zone). */
function notesIn(page: Page): Promise<string[]> {
  return page
    .locator("article.board-2d .note-item__text")
    .allTextContents()
    .then((texts) => texts.sort());
}

/** The title of the Now card, once it shows one. */
const nowTitle = (page: Page) => page.locator(".now-card h2").textContent();

describe.each(["en", "fi"] as const)(
  "1-2-4-All in the browser (%s): the pairs' notes travel to the four's board",
  (locale) => {
    const t = (key: TranslationKey) => translate(locale, key);

    it("each pair writes on its zone's board; at the fours everyone finds all four notes on one board; Back takes them home", async () => {
      const title = `Merge ${locale}`;
      const session = await server.createSession(title);
      const host = await newVisitor(browser, BROWSER_LOCALE[locale]);
      await host.page.setViewportSize({ width: 1280, height: 720 });
      await joinIn2d(host, `${server.baseUrl}/s/${session.code}#host=${session.facilitatorSecret}`, "Fia", title);
      const guests: Visitor[] = [];
      for (const [i, name] of NAMES.entries()) {
        const guest = await newVisitor(browser, BROWSER_LOCALE[locale]);
        await guest.page.setViewportSize(VIEWPORTS[i]!);
        await joinIn2d(guest, `${server.baseUrl}/s/${session.code}`, name, title);
        guests.push(guest);
      }

      const page = host.page;
      await page.getByRole("tab", { name: t("methods.tab") }).click();
      await page.getByLabel(t("methods.panel.template")).selectOption({ label: t("methods.tpl.oneTwoFourAll.name") });
      await page.getByRole("button", { name: t("methods.panel.use") }).click();
      const at = (step: number) =>
        expect
          .poll(() => page.locator('[aria-current="step"]').getAttribute("data-step"), { timeout: 10_000 })
          .toBe(String(step));
      await page.getByRole("button", { name: t("methods.panel.start") }).click();
      await at(0);
      await page.getByRole("button", { name: t("methods.panel.next") }).click();
      await at(1);

      // Pairs: each person writes one note on the board their 2D page shows, their pair's zone board.
      for (const [i, guest] of guests.entries()) {
        await expect.poll(() => nowTitle(guest.page), { timeout: 15_000 }).toBe(t("methods.step.pairs"));
        await guest.page.locator(".banner__zone").waitFor({ timeout: 15_000 });
        const text = `${NAMES[i]}: ${locale === "fi" ? "idea numero" : "idea number"} ${i + 1}`;
        await guest.page.getByLabel(t("boards.noteText")).fill(text);
        await guest.page.getByRole("button", { name: t("boards.add") }).click();
        await expect.poll(() => notesIn(guest.page), { timeout: 10_000 }).toContain(text);
      }
      const asPairs = new Map<string, string[]>();
      for (const [i, guest] of guests.entries()) {
        await expect.poll(async () => (await notesIn(guest.page)).length, { timeout: 10_000 }).toBe(2);
        asPairs.set(NAMES[i]!, await notesIn(guest.page));
      }
      await screenshot(guests[0]!.page, `method-merge-${locale}-pairs-390x844`);

      // Fours: one zone, and everyone's board holds both pairs' notes.
      await page.getByRole("button", { name: t("methods.panel.next") }).click();
      await at(2);
      const all = [...new Set([...asPairs.values()].flat())].sort();
      expect(all).toHaveLength(4);
      for (const guest of guests) {
        await expect.poll(() => nowTitle(guest.page), { timeout: 15_000 }).toBe(t("methods.step.fours"));
        await expect.poll(() => notesIn(guest.page), { timeout: 15_000 }).toEqual(all);
        // The Now card says where the notes went.
        expect(await guest.page.locator(".now-card__note").textContent()).toBe(t("methods.now.merged"));
      }
      // The pictures show the board's list of notes, where a person scrolls to read them.
      for (const guest of guests)
        await guest.page.locator("article.board-2d .note-item").last().scrollIntoViewIfNeeded();
      await screenshot(guests[0]!.page, `method-merge-${locale}-fours-390x844`);
      await screenshot(guests[2]!.page, `method-merge-${locale}-fours-1280x720`);
      await screenshot(page, `method-merge-${locale}-facilitator-1280x720`);

      // Back: the pairs again, each with its own two notes on its own board.
      await page.getByRole("button", { name: t("methods.panel.back") }).click();
      await at(1);
      for (const [i, guest] of guests.entries()) {
        await expect.poll(() => notesIn(guest.page), { timeout: 15_000 }).toEqual(asPairs.get(NAMES[i]!));
      }
      await guests[2]!.page.locator("article.board-2d .note-item").last().scrollIntoViewIfNeeded();
      await screenshot(guests[2]!.page, `method-merge-${locale}-back-1280x720`);

      const everyone = [host, ...guests];
      expect(externalRequests(everyone.flatMap((v) => v.requests))).toEqual([]);
      for (const visitor of everyone) expect(visitor.errors).toEqual([]);
      await Promise.all(everyone.map((v) => v.context.close()));
    }, 240_000);
  },
);
