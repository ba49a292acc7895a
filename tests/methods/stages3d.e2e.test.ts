import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { joinIn2d, joinSession, newVisitor, type Visitor } from "../support/pages";
import { nextMessage, type SdkSessionRoom, type TestServer } from "../support/server";
import { decodedNotes, writeNote } from "../support/boards";
import { stepTo } from "../support/methods-server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

/**
 * Stands the person (1.6 m) in front of a note, facing its board (a board's local +z is its front;
 * a person's yaw 0 looks towards -z, so facing the board is the board's own yaw).
 */
async function standBefore(
  room: SdkSessionRoom,
  page: Page,
  code: string,
  person: string,
  noteId: string,
  distance = 1.6,
) {
  const note = decodedNotes(room).find((n) => n.id === noteId)!;
  const board = room.state.boards.get(note.boardId)!;
  const yaw = (board.yaw * Math.PI) / 180;
  const along = (note.x - board.width / 2) / 100;
  const x = board.x / 100 + along * Math.cos(yaw) + distance * Math.sin(yaw);
  const z = board.z / 100 - along * Math.sin(yaw) + distance * Math.cos(yaw);
  const live = server.app.services.rooms.get(code)!;
  const id = [...live.state.people.entries()].find(([, p]) => p.name === person)![0];
  live.placePerson(id, x, z, yaw);
  await expect
    .poll(async () => (await page.evaluate(() => window.yhteistila!.self())).z, { timeout: 10_000 })
    .toBeCloseTo(z, 1);
}

/** Where a named 3D object is on the canvas, once it is in view and has stopped moving. */
async function onScreen(page: Page, name: string): Promise<{ x: number; y: number }> {
  let last: { x: number; y: number } | undefined;
  await expect
    .poll(
      async () => {
        const point = (await page.evaluate((n) => window.yhteistila!.screenPoints(n), name)).find(
          (p) => p.name === name,
        );
        const before = last;
        last = point?.inView ? { x: point.x, y: point.y } : undefined;
        return before !== undefined && last !== undefined && Math.hypot(before.x - last.x, before.y - last.y) < 0.5;
      },
      { timeout: 20_000, interval: 300 },
    )
    .toBe(true);
  return last!;
}

const pointsNamed = (page: Page, prefix: string) =>
  page.evaluate((p) => window.yhteistila!.screenPoints(p).map((point) => point.name), prefix);

describe("TRIZ's note actions in the 3D view", () => {
  for (const locale of ["en-GB", "fi-FI"] as const) {
    it(`in ${locale}: a participant tags a worst-list note and takes an action on with clicks in 3D`, async () => {
      const lang = locale.slice(0, 2) as "en" | "fi";
      const title = `TRIZ 3D ${lang}`;
      const session = await server.createSession(title);
      const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Fia" });
      const ben = await server.join(session.code, { name: "Ben" });
      const anna: Visitor = await newVisitor(browser, locale);
      await anna.page.setViewportSize({ width: 1366, height: 800 });
      await joinSession(anna, `${server.baseUrl}/s/${session.code}`, "Anna");
      const { page, t } = anna;
      await page.getByRole("button", { name: t("panel.hide") }).click();
      // Another person, in the 2D view, sees what Anna marks.
      const cleo = await newVisitor(browser, locale);
      await joinIn2d(cleo, `${server.baseUrl}/s/${session.code}`, "Cleo", title);

      let n = 0;
      const plan = templatePlan("triz", lang, () => `t${++n}`);
      const saved = nextMessage<MethodsState>(host, "methods.state", 10_000, (s) => s.plan !== null);
      sendCommand(host, "methods.plan.save", { plan });
      await saved;
      let state: MethodsState | null = null;
      for (let step = 0; step <= 3; step++) state = await stepTo(host, step);
      const worst = state!.stages!.current[0]!;
      await writeNote(ben, worst, "Ignore what users say");
      await writeNote(ben, worst, "Ship on Fridays");
      const idOf = (text: string) => decodedNotes(ben).find((note) => note.text === text)!.id;
      const ship = idOf("Ship on Fridays");

      // While the worst list is still being written, its notes carry no tag to set.
      await standBefore(ben, page, session.code, "Anna", ship);
      await onScreen(page, `note:${ship}`);
      expect(await pointsNamed(page, "stage-tag:")).toEqual([]);

      // The next stage: the worst list is read-only, and each of its notes has the tag toggle.
      await stepTo(host, 4);
      await standBefore(ben, page, session.code, "Anna", ship);
      const tag = await onScreen(page, `stage-tag:${ship}`);
      expect((await pointsNamed(page, "stage-tag:")).sort()).toEqual(
        [`stage-tag:${idOf("Ignore what users say")}`, `stage-tag:${ship}`].sort(),
      );
      await page.mouse.click(tag.x, tag.y);
      // Anna's own note strip says so, and so does Cleo's 2D board (her tag button is pressed).
      await expect
        .poll(() => page.evaluate((id) => window.yhteistila!.labels(`note:${id}`), ship), { timeout: 10_000 })
        .toContain(`Ben · ${t("stages.tagged")}`);
      // A click on the toggle opened nothing (Anna may not edit Ben's note anyway, and the board is read-only).
      expect(await page.getByRole("dialog").count()).toBe(0);
      await cleo.page.getByLabel(cleo.t("boards.choose")).selectOption(worst);
      const cleoTag = cleo.page
        .locator(`article[data-board-id="${worst}"]`)
        .getByRole("group", { name: cleo.t("boards.noteActions", { text: "Ship on Fridays" }) })
        .getByRole("button", { name: cleo.t("stages.tag") });
      await expect.poll(() => cleoTag.getAttribute("aria-pressed"), { timeout: 10_000 }).toBe("true");
      await screenshot(page, `stages3d-tagged-${lang}-1366x800`);

      // The last step: the first steps' board. Ben has taken one action; Anna takes another.
      for (let step = 5; step <= 11; step++) state = await stepTo(host, step);
      const firstSteps = state!.stages!.current[0]!;
      await writeNote(ben, firstSteps, "Monthly user panel");
      await writeNote(ben, firstSteps, "Read support tickets");
      const panel = idOf("Monthly user panel");
      const tickets = idOf("Read support tickets");
      sendCommand(ben, "boards.ownNote", { noteId: tickets });
      await standBefore(ben, page, session.code, "Anna", panel);
      const own = await onScreen(page, `stage-own:${panel}`);
      // Ben's action is his: Anna is offered only the other one; the worst list's tag is over.
      await expect.poll(() => pointsNamed(page, "stage-own:"), { timeout: 10_000 }).toEqual([`stage-own:${panel}`]);
      expect(await pointsNamed(page, "stage-tag:")).toEqual([]);
      await page.mouse.click(own.x, own.y);
      await expect
        .poll(() => page.evaluate((id) => window.yhteistila!.labels(`note:${id}`), panel), { timeout: 10_000 })
        .toContain(`Ben · ${t("stages.ownedBy", { name: "Anna" })}`);
      await cleo.page.getByLabel(cleo.t("boards.choose")).selectOption(firstSteps);
      await cleo.page
        .locator(`article[data-board-id="${firstSteps}"]`)
        .getByText(cleo.t("stages.ownedBy", { name: "Anna" }))
        .waitFor({ timeout: 10_000 });
      await screenshot(page, `stages3d-owner-${lang}-1366x800`);

      // A second click lets go of it, for everyone.
      const again = await onScreen(page, `stage-own:${panel}`);
      await page.mouse.click(again.x, again.y);
      await cleo.page
        .locator(`article[data-board-id="${firstSteps}"]`)
        .getByText(cleo.t("stages.ownedBy", { name: "Anna" }))
        .waitFor({ state: "detached", timeout: 10_000 });

      for (const visitor of [anna, cleo]) {
        expect(externalRequests(visitor.requests)).toEqual([]);
        expect(visitor.errors).toEqual([]);
        await visitor.context.close();
      }
      await Promise.all([host.leave(), ben.leave()]);
    }, 240_000);
  }
  it("on a phone in Swedish: a tap on the note's toggle tags it", async () => {
    const title = "TRIZ telefon";
    const session = await server.createSession(title);
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Fia" });
    const ben = await server.join(session.code, { name: "Ben" });
    const sara = await newVisitor(browser, "sv-SE", { phone: true });
    const { page, t } = sara;
    await joinSession(sara, `${server.baseUrl}/s/${session.code}`, "Sara");
    // The panel is a bottom sheet on a phone: put away, the view is what is left.
    const hide = page.getByRole("button", { name: t("panel.hide") });
    if (await hide.isVisible()) await hide.tap();

    let n = 0;
    const saved = nextMessage<MethodsState>(host, "methods.state", 10_000, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan: templatePlan("triz", "sv", () => `t${++n}`) });
    await saved;
    let state: MethodsState | null = null;
    for (let step = 0; step <= 3; step++) state = await stepTo(host, step);
    await writeNote(ben, state!.stages!.current[0]!, "Släpp fredagar");
    const note = decodedNotes(ben).find((x) => x.text === "Släpp fredagar")!.id;
    await stepTo(host, 4);
    // A step further back than at a desk: the step's card covers the top of a phone's view.
    await standBefore(ben, page, session.code, "Sara", note, 2.6);
    const tag = await onScreen(page, `stage-tag:${note}`);
    // Nothing lies over the toggle (the step's card at the top is folded, as a person would fold it).
    const covered = () => page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, tag);
    if ((await covered()) !== "CANVAS") await page.getByText(t("methods.now.prompt"), { exact: true }).tap();
    expect(await covered()).toBe("CANVAS");
    await page.touchscreen.tap(tag.x, tag.y);
    await expect
      .poll(() => page.evaluate((id) => window.yhteistila!.labels(`note:${id}`), note), { timeout: 10_000 })
      .toContain(`Ben · ${t("stages.tagged")}`);
    expect(await page.getByRole("dialog").count()).toBe(0);
    await screenshot(page, "stages3d-tagged-sv-390x844");
    expect(externalRequests(sara.requests)).toEqual([]);
    expect(sara.errors).toEqual([]);
    await sara.context.close();
    await Promise.all([host.leave(), ben.leave()]);
  }, 180_000);
});
