import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { translate, type TranslationKey } from "../../shared/i18n";
import type { Locale } from "../../shared/protocol/common";
import { sendCommand } from "../../shared/protocol/send";
import { screenshot, withServerAndBrowser } from "../support/browser";
import { wallBoardId } from "../support/boards";
import { waitForState, type TestServer } from "../support/server";
import { audit, describeViolations, type Violation } from "./axe";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

const SIZES = [
  { name: "desktop", width: 1280, height: 720 },
  { name: "phone", width: 390, height: 844 },
] as const;

/**
 * Audits the screen as it is at both sizes (phone last, so the page is left at phone size);
 * `prepare` runs after each resize, for screens whose content depends on the width.
 */
async function auditBothSizes(
  page: Page,
  state: string,
  found: Violation[],
  prepare?: () => Promise<void>,
): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await prepare?.();
    found.push(...(await audit(page, `${state} @${size.name}`)));
  }
}

describe("axe-core finds no serious or critical violation on any 2D screen", () => {
  for (const locale of ["fi", "sv", "en"] as const) {
    it(`in ${locale}: start page, error pages, join, arrival, overlay, every tab, the 2D boards, dialogs`, async () => {
      const t = (key: TranslationKey, params?: Record<string, string | number>) => translate(locale, key, params);
      const found: Violation[] = [];
      // axe is injected as an inline script, which the product's CSP rightly refuses.
      const context = await browser.newContext({
        viewport: { width: 1280, height: 720 },
        locale: { fi: "fi-FI", sv: "sv-SE", en: "en-GB" }[locale satisfies Locale],
        bypassCSP: true,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));

      // Error pages: a code that cannot exist, and a session that has ended.
      await page.goto(`${server.baseUrl}/s/ZZZ-ZZZ-ZZZ`);
      await page.getByRole("heading", { name: t("notFound.heading") }).waitFor();
      await auditBothSizes(page, "session not found", found);
      const ended = await server.createSession("Ended");
      const closer = await server.join(ended.code, { facilitatorSecret: ended.facilitatorSecret });
      sendCommand(closer, "session.end", {});
      await page.goto(`${server.baseUrl}/s/${ended.code}`);
      await page.getByRole("heading", { name: t("join.ended") }).waitFor();
      await auditBothSizes(page, "session ended", found);

      // The accessibility statement, linked from the start page, and its feedback form.
      await page.goto(server.baseUrl);
      await page.getByRole("link", { name: t("a11y.link") }).click();
      await page.getByRole("heading", { level: 1, name: t("a11y.heading") }).waitFor();
      await auditBothSizes(page, "accessibility statement", found);
      await page.getByRole("button", { name: t("a11y.form.send") }).click();
      await page.getByText(t("a11y.form.messageEmpty")).waitFor();
      found.push(...(await audit(page, "statement, empty feedback @phone")));
      await page.getByLabel(t("a11y.form.message")).fill("Äänestyksen tila ei kuulu ruudunlukijalla.");
      await page.getByLabel(t("a11y.form.contact")).fill("anna@example.fi");
      await page.getByRole("button", { name: t("a11y.form.send") }).click();
      await page.locator(".statement [role=status]").waitFor();
      found.push(...(await audit(page, "statement, feedback sent @phone")));
      await screenshot(page, `a11y-statement-${locale}-phone`);
      expect((await server.app.services.store.listFeedback()).map((f) => f.locale)).toContain(locale);

      // The start page, its validation messages, and the created session's links.
      await page.goto(server.baseUrl);
      await page.getByRole("heading", { level: 1, name: t("home.createHeading") }).waitFor();
      await auditBothSizes(page, "start page", found);
      await page.getByRole("button", { name: t("home.create") }).click();
      await page.getByRole("button", { name: t("home.join") }).click();
      await auditBothSizes(page, "start page with errors", found);
      await page.getByLabel(t("home.titleLabel")).fill(`Työpaja ${locale}`);
      await page.getByRole("button", { name: t("home.create") }).click();
      await page.getByRole("heading", { name: t("home.createdHeading") }).waitFor();
      await auditBothSizes(page, "session created", found);

      // The join form, as the facilitator who created the session.
      const open = page.getByRole("link", { name: t("home.openAsFacilitator") });
      const { pathname, hash } = new URL((await open.getAttribute("href"))!, server.baseUrl);
      await open.click();
      await page.getByLabel(t("join.nameLabel")).waitFor();
      const code = decodeURIComponent(pathname.split("/").pop()!);
      const secret = new URLSearchParams(hash.slice(1)).get("host")!;
      await auditBothSizes(page, "join form", found);
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.getByLabel(t("join.nameLabel")).fill("Helena");
      await page.getByRole("button", { name: t("join.submit") }).click();

      // First visit: the microphone dialog, then the move hint.
      const voice = page.getByRole("dialog", { name: t("voice.setup.heading") });
      await voice.waitFor({ timeout: 60_000 });
      await auditBothSizes(page, "microphone dialog", found);
      await voice.getByRole("button", { name: t("voice.setup.listenOnly") }).click();
      const hint = page.getByRole("button", { name: t("hint.dismiss") });
      await hint.waitFor({ timeout: 5_000 });
      found.push(...(await audit(page, "move hint @phone")));
      await page.setViewportSize({ width: 1280, height: 720 });
      found.push(...(await audit(page, "move hint @desktop")));
      await hint.click();

      // A workshop in progress, brought by a second facilitator without a browser: notes, a cluster,
      // a running dot vote, a zone with a task and a countdown, a chat line and a raised hand.
      const host = await server.join(code, { name: "Fia", facilitatorSecret: secret });
      const board = wallBoardId(host);
      for (const text of ["Yksi palvelupiste", "Selkokieliset kirjeet", "Yhteinen kalenteri"]) {
        sendCommand(host, "boards.addNote", { boardId: board, text, color: 1 });
      }
      await waitForState(host, (s) => (s.boards.get(board)?.notes?.size ?? 0) === 3);
      const noteIds = [...host.state.boards.get(board)!.notes!.keys()];
      sendCommand(host, "boards.addCluster", { boardId: board, title: "Asiointi", noteIds: noteIds.slice(0, 2) });
      sendCommand(host, "zones.task", { target: "nw", text: "Listatkaa kolme tärkeintä odotusta." });
      sendCommand(host, "timers.control", { op: "start", target: "plenary", seconds: 1200 });
      sendCommand(host, "chat.send", { channel: "plenary", text: "Tervetuloa!" });
      sendCommand(host, "hands.raise", { raised: true });
      sendCommand(host, "boards.startVote", {
        boardId: board,
        perPerson: 3,
        maxPerNote: 2,
        anonymous: false,
        durationSeconds: 0,
      });
      await waitForState(host, (s) => (s.boards.get(board)?.votes?.size ?? 0) > 0);

      // The 3D view's overlay and dock (the canvas itself is not audited), with the panel open.
      await page.locator(".control-dock, [role=toolbar]").first().waitFor();
      await auditBothSizes(page, "overlay and dock", found);

      // The 2D view with notes, the cluster and the running vote, then every tab of the side panel.
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.getByRole("button", { name: t("boards.view2d") }).click();
      await page.locator(".vote-overlay").first().waitFor({ timeout: 15_000 });
      await auditBothSizes(page, "2D boards", found);
      for (const size of SIZES) {
        await page.setViewportSize({ width: size.width, height: size.height });
        const show = page.getByRole("button", { name: t("panel.show") });
        if (await show.isVisible()) await show.click();
        const tabs = page.getByRole("tab");
        await tabs.first().waitFor();
        const count = await tabs.count();
        for (let i = 0; i < count; i++) {
          const tab = tabs.nth(i);
          await tab.click();
          const name = (await tab.getAttribute("id"))?.replace(/^.*-tab-/, "") ?? String(i);
          found.push(...(await audit(page, `tab ${name} @${size.name}`)));
        }
        await screenshot(page, `a11y-${locale}-${size.name}`);
      }

      // The session menu, then the end of the session as a person sees it.
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.getByRole("button", { name: t("session.menu") }).click();
      expect(await page.getByRole("menuitem", { name: t("a11y.link") }).getAttribute("href")).toBe("/accessibility");
      found.push(...(await audit(page, "session menu @desktop")));
      await page.getByRole("menuitem", { name: t("session.rename") }).click();
      await page.getByRole("dialog").waitFor();
      found.push(...(await audit(page, "rename dialog @desktop")));
      await page.keyboard.press("Escape");

      // The vote's results, on the 2D board.
      const vote = [...host.state.boards.get(board)!.votes!.keys()][0]!;
      sendCommand(host, "boards.endVote", { voteId: vote });
      await page.locator("ol.vote-results").first().waitFor({ timeout: 10_000 });
      await auditBothSizes(page, "2D boards with vote results", found);
      await page.setViewportSize({ width: 1280, height: 720 });
      await page
        .locator(".note-item")
        .getByRole("button", { name: t("boards.edit") })
        .first()
        .click();
      found.push(...(await audit(page, "2D note being edited @desktop")));
      await page
        .getByRole("button", { name: t("boards.cancel") })
        .first()
        .click();

      // A participant's screens: in a zone, with its task and countdown on the zone's card.
      const participant = await browser.newContext({
        viewport: { width: 1280, height: 720 },
        locale: { fi: "fi-FI", sv: "sv-SE", en: "en-GB" }[locale],
        bypassCSP: true,
      });
      const anna = await participant.newPage();
      anna.setDefaultTimeout(20_000);
      anna.on("pageerror", (error) => errors.push(error.message));
      await anna.goto(`${server.baseUrl}/s/${code}`);
      await anna.getByLabel(t("join.nameLabel")).fill("Anna");
      await anna.getByRole("button", { name: t("join.submit") }).click();
      await anna.getByRole("button", { name: t("voice.setup.listenOnly") }).click({ timeout: 60_000 });
      await anna.getByRole("button", { name: t("hint.dismiss") }).click();
      await anna.getByRole("button", { name: t("boards.view2d") }).click();
      await waitForState(host, (s) => [...s.people.values()].some((p) => p.name === "Anna"));
      const annaId = [...host.state.people.entries()].find(([, p]) => p.name === "Anna")![0];
      sendCommand(host, "zones.send", { groups: [{ zone: "nw", people: [annaId] }], seconds: 900 });
      await anna.locator(".task-text").waitFor({ timeout: 10_000 });
      await auditBothSizes(anna, "participant in a zone, 2D", found);
      await participant.close();

      sendCommand(host, "session.end", {});
      await page.getByText(t("status.ended")).waitFor({ timeout: 10_000 });
      await auditBothSizes(page, "session ended overlay", found);

      await context.close();
      expect(errors).toEqual([]);
      expect(found, describeViolations(found)).toEqual([]);
    }, 240_000);
  }
});
