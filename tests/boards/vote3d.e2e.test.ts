import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { screenshot, withServerAndBrowser } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import { waitForState, type SdkSessionRoom, type TestServer } from "../support/server";
import { act, decodedNotes, wallBoardId } from "../support/boards";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

const self = (page: Page) => page.evaluate(() => window.yhteistila!.self());
const notesOnScreen = (page: Page) => page.evaluate(() => window.yhteistila!.screenPoints("note:"));

/** The dots the server holds for one person in a vote, by note id (its own record, not a client's). */
function dotsOnServer(code: string, sessionId: string, voteId: string): Record<string, number> {
  const mine = server.app.services.rooms.get(code)!.state.boardsMine.get(sessionId);
  const dots: Record<string, number> = {};
  mine?.dots.forEach((count, key) => {
    if (key.startsWith(`${voteId}/`)) dots[key.slice(voteId.length + 1)] = count;
  });
  return dots;
}

function openVoteId(room: SdkSessionRoom, boardId: string): string {
  for (const [id, vote] of room.state.boards.get(boardId)!.votes) if (vote.endedAt === 0) return id;
  throw new Error("no open vote");
}

function sessionIdOf(code: string, name: string): string {
  const room = server.app.services.rooms.get(code)!;
  return [...room.state.people.entries()].find(([, p]) => p.name === name)![0];
}

/** Where a note is drawn on the canvas, once it is in view and has stopped moving (the view may still turn). */
async function noteOnScreen(page: Page, noteId: string): Promise<{ x: number; y: number }> {
  let last: { x: number; y: number } | undefined;
  await expect
    .poll(
      async () => {
        const point = (await notesOnScreen(page)).find((p) => p.name === `note:${noteId}`);
        const before = last;
        last = point?.inView ? { x: point.x, y: point.y } : undefined;
        return before !== undefined && last !== undefined && Math.hypot(before.x - last.x, before.y - last.y) < 0.5;
      },
      { timeout: 20_000, interval: 300 },
    )
    .toBe(true);
  return last!;
}

describe("dot voting in the 3D view", () => {
  it("the vote card brings the board into view, and clicks on notes place and take back dots", async () => {
    const session = await server.createSession("Vote in 3D");
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const wall = wallBoardId(host);
    for (const [text, x] of [
      ["Alpha", 400],
      ["Beta", 480],
      ["Gamma", 560],
    ] as const) {
      await act(host, "boards.addNote", { boardId: wall, text, color: 0, x, y: 105 }, () =>
        decodedNotes(host).some((n) => n.text === text),
      );
    }
    const paula = await newVisitor(browser);
    await paula.page.setViewportSize({ width: 1280, height: 720 });
    await joinSession(paula, `${server.baseUrl}/s/${session.code}`, "Paula");
    await paula.page.getByRole("button", { name: "Hide panels" }).click();
    const paulaId = sessionIdOf(session.code, "Paula");

    // Paula writes a note of her own in 3D before the vote: outside a vote her click on it would edit it.
    const room = server.app.services.rooms.get(session.code)!;
    room.placePerson(paulaId, 0, 12, Math.PI);
    const ids = () => Object.fromEntries(decodedNotes(host).map((n) => [n.text, n.id]));
    await noteOnScreen(paula.page, ids().Alpha!);
    const beta = await noteOnScreen(paula.page, ids().Beta!);
    await paula.page.mouse.click(beta.x, beta.y + 110);
    const dialog = paula.page.getByRole("dialog", { name: /New note/ });
    await dialog.waitFor({ timeout: 10_000 });
    await dialog.getByLabel("Note text").fill("Paulan oma");
    await dialog.getByRole("button", { name: "Add note" }).click();
    await waitForState(host, () => ids()["Paulan oma"] !== undefined, 10_000);

    // The vote starts while Paula stands across the room with her back to the wall.
    await act(
      host,
      "boards.startVote",
      { boardId: wall, perPerson: 2, maxPerNote: 1, anonymous: false, durationSeconds: 0 },
      (r) => r.state.boards.get(wall)!.votes?.size === 1,
    );
    const voteId = openVoteId(host, wall);
    room.placePerson(paulaId, -3, 4, 0);
    await expect.poll(async () => (await self(paula.page)).z, { timeout: 10_000 }).toBeCloseTo(4, 1);
    const card = paula.page.locator(".vote-overlay__card", { hasText: "Dot vote on “Note wall”" });
    await card.waitFor({ timeout: 10_000 });
    expect(await card.textContent()).toContain("click a note to give it a dot");
    expect((await notesOnScreen(paula.page)).some((p) => p.inView)).toBe(false);

    // "Show the board" turns her to the wall and walks her up to it: the notes come into view.
    await card.getByRole("button", { name: "Show the board" }).click();
    await expect.poll(async () => (await self(paula.page)).z, { timeout: 15_000 }).toBeGreaterThan(10);
    const arrived = await self(paula.page);
    expect(Math.abs(Math.atan2(Math.sin(arrived.yaw - Math.PI), Math.cos(arrived.yaw - Math.PI)))).toBeLessThan(0.5);
    // The server followed the walk (it checks every step), so others see her there.
    await expect.poll(() => room.state.people.get(paulaId)!.pose.z, { timeout: 10_000 }).toBeGreaterThan(1000);
    const status = () => paula.page.evaluate((id) => window.yhteistila!.labels(`board-status:${id}`), wall);
    await expect.poll(async () => (await status()).join(), { timeout: 10_000 }).toContain("2 dots left");
    await screenshot(paula.page, "vote3d-facing-board");

    // A click on her own note is a dot, not "Edit note"; a click on another note is the second dot.
    const own = await noteOnScreen(paula.page, ids()["Paulan oma"]!);
    await paula.page.mouse.click(own.x, own.y);
    await expect
      .poll(() => dotsOnServer(session.code, paulaId, voteId), { timeout: 10_000 })
      .toEqual({ [ids()["Paulan oma"]!]: 1 });
    expect(await paula.page.getByRole("dialog").count()).toBe(0);
    const alpha = await noteOnScreen(paula.page, ids().Alpha!);
    await paula.page.mouse.click(alpha.x, alpha.y);
    await expect
      .poll(() => dotsOnServer(session.code, paulaId, voteId), { timeout: 10_000 })
      .toEqual({ [ids()["Paulan oma"]!]: 1, [ids().Alpha!]: 1 });
    await expect.poll(async () => (await status()).join(), { timeout: 10_000 }).toContain("0 dots left");
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain("0 dots left");
    // Each note she gave a dot carries a badge with her dots on it.
    await expect.poll(() => paula.page.evaluate(() => window.yhteistila!.labels("my-dots"))).toEqual(["1", "1"]);

    // A third dot: the server refuses, and says why.
    const gamma = await noteOnScreen(paula.page, ids().Gamma!);
    await paula.page.mouse.click(gamma.x, gamma.y);
    await paula.page.getByText("You have no dots left.").waitFor({ timeout: 10_000 });
    await screenshot(paula.page, "vote3d-no-dots-left");
    expect(dotsOnServer(session.code, paulaId, voteId)).toEqual({ [ids()["Paulan oma"]!]: 1, [ids().Alpha!]: 1 });

    // A second click on Alpha takes its dot back, and the freed dot goes to Gamma.
    await paula.page.mouse.click(alpha.x, alpha.y);
    await expect
      .poll(() => dotsOnServer(session.code, paulaId, voteId), { timeout: 10_000 })
      .toEqual({ [ids()["Paulan oma"]!]: 1 });
    await paula.page.mouse.click(gamma.x, gamma.y);
    await expect
      .poll(() => dotsOnServer(session.code, paulaId, voteId), { timeout: 10_000 })
      .toEqual({ [ids()["Paulan oma"]!]: 1, [ids().Gamma!]: 1 });

    // Empty board space during the vote does not open "New note": it says how to vote.
    // (About a metre to the right of Gamma, where no note is.)
    const right = await noteOnScreen(paula.page, ids().Gamma!);
    await paula.page.mouse.click(right.x + 150, right.y);
    await paula.page.getByText(/A dot vote is running: click a note/).waitFor({ timeout: 10_000 });
    expect(await paula.page.getByRole("dialog").count()).toBe(0);
    expect(dotsOnServer(session.code, paulaId, voteId)).toEqual({ [ids()["Paulan oma"]!]: 1, [ids().Gamma!]: 1 });
    await screenshot(paula.page, "vote3d-board-click-hint");

    // The ranking counts the dots placed from 3D.
    await act(host, "boards.endVote", { voteId }, (r) => r.state.boards.get(wall)!.votes.get(voteId)!.endedAt > 0);
    const results = [...host.state.boards.get(wall)!.votes.get(voteId)!.results].map((r) => [r.text, r.count]);
    expect(results.filter(([, count]) => count === 1).map(([text]) => text)).toEqual(
      expect.arrayContaining(["Paulan oma", "Gamma"]),
    );
    expect(paula.errors).toEqual([]);
    await host.leave();
    await paula.context.close();
  });

  it("a private, anonymous round is announced in 3D, and the note dialog says who will see the note", async () => {
    const session = await server.createSession("Round in 3D");
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const wall = wallBoardId(host);
    const paula = await newVisitor(browser, "fi-FI");
    await paula.page.setViewportSize({ width: 1280, height: 720 });
    await joinSession(paula, `${server.baseUrl}/s/${session.code}`, "Paula");

    await act(host, "boards.round", { action: "start", boardId: wall, anonymous: true }, (r) =>
      Boolean(r.state.boards.get(wall)!.round),
    );
    const card = paula.page.locator(".round-overlay .vote-overlay__card");
    await card.waitFor({ timeout: 10_000 });
    expect(await card.textContent()).toContain("Yksityinen kierros: ”Lappuseinä”");

    // "Show the board" brings the wall into view; a click on it opens the dialog, which says the note is private.
    await card.getByRole("button", { name: "Näytä taulu" }).click();
    const wallOnScreen = async () =>
      (await paula.page.evaluate(() => window.yhteistila!.screenPoints("board:"))).find((b) => b.world.z > 15)!;
    await expect.poll(async () => (await self(paula.page)).z, { timeout: 15_000 }).toBeGreaterThan(10);
    await expect.poll(async () => (await wallOnScreen()).inView, { timeout: 10_000 }).toBe(true);
    await expect
      .poll(async () =>
        (await paula.page.evaluate((id) => window.yhteistila!.labels(`board-status:${id}`), wall)).join(),
      )
      .toContain("Yksityinen ja nimetön kirjoittaminen");
    await screenshot(paula.page, "vote3d-round-card-fi");
    let dialogOpen = false;
    for (let attempt = 0; attempt < 3 && !dialogOpen; attempt++) {
      // The view may still be settling after the walk: click again until the dialog opens.
      const centre = await wallOnScreen();
      await paula.page.mouse.click(centre.x, centre.y);
      dialogOpen = await paula.page
        .getByRole("dialog", { name: /Uusi lappu/ })
        .waitFor({ timeout: 3_000 })
        .then(() => true)
        .catch(() => false);
    }
    const dialog = paula.page.getByRole("dialog", { name: /Uusi lappu/ });
    expect(await dialog.textContent()).toContain("Yksityinen ja nimetön: vain sinä näet tämän lapun");
    await screenshot(paula.page, "vote3d-round-dialog-fi");
    expect(paula.errors).toEqual([]);
    await host.leave();
    await paula.context.close();
  });
  it("on a phone in Swedish: the card's button brings the board, and taps on notes place dots", async () => {
    const session = await server.createSession("Röstning");
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const wall = wallBoardId(host);
    for (const [text, x] of [
      ["Alfa", 420],
      ["Beta", 540],
    ] as const) {
      await act(host, "boards.addNote", { boardId: wall, text, color: 0, x, y: 105 }, () =>
        decodedNotes(host).some((n) => n.text === text),
      );
    }
    const sara = await newVisitor(browser, "sv-SE", { phone: true });
    const { page, t } = sara;
    await joinSession(sara, `${server.baseUrl}/s/${session.code}`, "Sara");
    const saraId = sessionIdOf(session.code, "Sara");
    const ids = () => Object.fromEntries(decodedNotes(host).map((n) => [n.text, n.id]));
    await act(
      host,
      "boards.startVote",
      { boardId: wall, perPerson: 2, maxPerNote: 1, anonymous: false, durationSeconds: 0 },
      (r) => r.state.boards.get(wall)!.votes?.size === 1,
    );
    const voteId = openVoteId(host, wall);

    // The panel is a bottom sheet on a phone: put away, the card and the view are what is left.
    const hide = page.getByRole("button", { name: t("panel.hide") });
    if (await hide.isVisible()) await hide.tap();
    const card = page.locator(".vote-overlay__card").first();
    await card.waitFor({ timeout: 10_000 });
    const show = card.getByRole("button", { name: t("boards.vote.showBoard") });
    // The whole button is on the screen and nothing lies over its centre.
    const box = (await show.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    expect(
      await show.evaluate((button) => {
        const r = button.getBoundingClientRect();
        return button.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
      }),
    ).toBe(true);
    await screenshot(page, "vote3d-phone-sv-card");
    await show.tap();

    const alfa = await noteOnScreen(page, ids().Alfa!);
    await page.touchscreen.tap(alfa.x, alfa.y);
    await expect
      .poll(() => dotsOnServer(session.code, saraId, voteId), { timeout: 10_000 })
      .toEqual({ [ids().Alfa!]: 1 });
    const left = t("boards.vote.left", { count: 1 });
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain(left);
    expect(await page.getByRole("dialog").count()).toBe(0);
    await screenshot(page, "vote3d-phone-sv-dot");
    expect(sara.errors).toEqual([]);
    await host.leave();
    await sara.context.close();
  });
});
