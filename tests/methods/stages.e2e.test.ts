import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { joinIn2d, newVisitor } from "../support/pages";
import { nextMessage, type TestServer } from "../support/server";
import { writeNote } from "../support/boards";
import { stepTo } from "../support/methods-server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

describe("TRIZ's stages through the UI", () => {
  it("on a phone: the worst list read-only and tagged with the keyboard, then a first action taken on", async () => {
    const title = "TRIZ";
    const session = await server.createSession(title);
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Fia" });
    const ben = await server.join(session.code, { name: "Ben" });
    const anna = await newVisitor(browser, "en-GB", { phone: true });
    await joinIn2d(anna, `${server.baseUrl}/s/${session.code}`, "Anna", title);
    const { page, t } = anna;

    let n = 0;
    const plan = templatePlan("triz", "en", () => `t${++n}`);
    const saved = nextMessage<MethodsState>(host, "methods.state", 10_000, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan });
    await saved;
    let state: MethodsState | null = null;
    for (let step = 0; step <= 3; step++) state = await stepTo(host, step);
    const worst = state!.stages!.current[0]!;
    await writeNote(ben, worst, "Ignore what users say");
    await writeNote(ben, worst, "Ship on Fridays");

    // The next stage: the worst list is read-only, with the tag to set on its notes.
    await stepTo(host, 4);
    await page.getByLabel(t("boards.choose")).selectOption(worst);
    const board = page.locator(`article[data-board-id="${worst}"]`);
    await board.getByText(t("stages.readOnly")).first().waitFor({ timeout: 10_000 });
    expect(await board.getByRole("heading", { name: t("boards.newNote") }).count()).toBe(0);
    const tag = board
      .getByRole("group", { name: t("boards.noteActions", { text: "Ship on Fridays" }) })
      .getByRole("button", { name: t("stages.tag") });
    await tag.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => tag.getAttribute("aria-pressed"), { timeout: 10_000 }).toBe("true");
    await screenshot(page, "stages-triz-tagged-en-390x844");

    // The last step: the first steps' board; Anna takes one action on.
    for (let step = 5; step <= 11; step++) state = await stepTo(host, step);
    const firstSteps = state!.stages!.current[0]!;
    await writeNote(ben, firstSteps, "Monthly user panel");
    await page.getByLabel(t("boards.choose")).selectOption(firstSteps);
    const actions = page.locator(`article[data-board-id="${firstSteps}"]`);
    const own = actions
      .getByRole("group", { name: t("boards.noteActions", { text: "Monthly user panel" }) })
      .getByRole("button", { name: t("stages.own") });
    await own.focus();
    await page.keyboard.press("Enter");
    await actions.getByText(t("stages.ownedBy", { name: "Anna" })).waitFor({ timeout: 10_000 });
    await screenshot(page, "stages-triz-owner-en-390x844");
    // Nothing on the page is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    expect(externalRequests(anna.requests)).toEqual([]);
    expect(anna.errors).toEqual([]);
    await anna.context.close();
    await Promise.all([host.leave(), ben.leave()]);
  }, 180_000);

  it("What / So What / Now What on a phone in Finnish: the group's What board beside So What, read-only", async () => {
    const title = "Mitä, entä sitten";
    const session = await server.createSession(title);
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Fia" });
    const ben = await server.join(session.code, { name: "Ben" });
    const aino = await newVisitor(browser, "fi-FI", { phone: true });
    await joinIn2d(aino, `${server.baseUrl}/s/${session.code}`, "Aino", title);
    const { page, t } = aino;

    let n = 0;
    const plan = templatePlan("whatSoWhat", "fi", () => `w${++n}`);
    const saved = nextMessage<MethodsState>(host, "methods.state", 10_000, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan });
    await saved;
    const what = (await stepTo(host, 0)).stages!.current[0]!;

    // The stage's own board comes up by itself; Aino writes on it with the keyboard.
    const whatBoard = page.locator(`article[data-board-id="${what}"]`);
    await whatBoard.getByText(t("stages.current")).waitFor({ timeout: 15_000 });
    await whatBoard.getByLabel(t("boards.noteText")).fill("Asiakkaat odottivat viikon");
    await page.keyboard.press("Tab");
    await whatBoard.getByRole("button", { name: t("boards.add") }).press("Enter");
    await whatBoard.getByText("Asiakkaat odottivat viikon").waitFor({ timeout: 10_000 });

    // So What: its own board, with What beside it, read-only (no form, no edit or delete).
    const soWhat = (await stepTo(host, 1)).stages!.current[0]!;
    expect(soWhat).not.toBe(what);
    const soWhatBoard = page.locator(`article[data-board-id="${soWhat}"]`);
    await soWhatBoard.getByText(t("stages.current")).waitFor({ timeout: 15_000 });
    const earlier = soWhatBoard.locator(`.stage-earlier__board[data-board-id="${what}"]`);
    await earlier.getByText("Asiakkaat odottivat viikon").waitFor();
    await earlier.getByText(t("stages.readOnly")).waitFor();
    expect(await earlier.getByRole("button").count()).toBe(0);
    expect(await earlier.locator("textarea, input").count()).toBe(0);
    expect(await soWhatBoard.getByLabel(t("boards.noteText")).count()).toBe(1);
    await screenshot(page, "stages-whatsowhat-fi-390x844");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    expect(externalRequests(aino.requests)).toEqual([]);
    expect(aino.errors).toEqual([]);
    await aino.context.close();
    await Promise.all([host.leave(), ben.leave()]);
  }, 180_000);
});
