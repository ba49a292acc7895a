import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { sendCommand } from "../../shared/protocol/send";
import { externalRequests, recordErrors, recordRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { audit, describeViolations, type Violation } from "../accessibility/axe";
import { translate } from "../../shared/i18n";
import { wallBoardId } from "../support/boards";
import { joinSession, type Visitor } from "../support/pages";
import { waitForState, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

/** A visitor whose page may run axe (an inline script: the context bypasses the Content-Security-Policy). */
async function auditableVisitor(width: number, height: number): Promise<Visitor> {
  const context = await browser.newContext({ viewport: { width, height }, locale: "en-GB", bypassCSP: true });
  const requests = recordRequests(context);
  const page = await context.newPage();
  return { context, page, requests, errors: recordErrors(page), t: (key, params) => translate("en", key, params) };
}

describe("the hybrid room in the browser", () => {
  it("a facilitator adds a meeting room; a phone joins in the room, writes and votes; a remote page sees its table", async () => {
    const session = await server.createSession("Hybrid workshop");
    const link = `${server.baseUrl}/s/${session.code}`;

    // 1. The facilitator adds the room in the Rooms tab, at 1280x720.
    const found: Violation[] = [];
    const host = await auditableVisitor(1280, 720);
    await joinSession(host, `${link}#host=${session.facilitatorSecret}`, "Helena");
    // A phone has the join page open already, its name typed, before there is any meeting room.
    const phone = await auditableVisitor(390, 844);
    await phone.page.goto(link);
    await phone.page.getByLabel("Your name").fill("Aino");
    await host.page.getByRole("tab", { name: "Rooms" }).click();
    const add = host.page.getByTestId("physical-room-add");
    await add.getByLabel("Meeting room").fill("Meeting room Kuusi");
    await add.getByLabel("Seats").fill("8");
    await add.getByRole("button", { name: "Add meeting room" }).click();
    await host.page.getByText("0 of 8 seats taken").waitFor({ timeout: 10_000 });
    found.push(...(await audit(host.page, "Rooms tab with a room")));
    await screenshot(host.page, "hybrid-facilitator-rooms");

    // 2. A phone joins in the room: no microphone question, a seat at the table, its notice. Its join
    // page, open since before the room existed, offers the room once it is looked at again, and keeps
    // the name typed.
    await phone.page.evaluate(() => window.dispatchEvent(new Event("focus")));
    await phone.page.getByLabel("I'm in Meeting room Kuusi").check({ timeout: 10_000 });
    expect(await phone.page.getByLabel("Your name").inputValue()).toBe("Aino");
    await phone.page.getByText("Your voice stays off so the room does not echo").waitFor();
    await screenshot(phone.page, "hybrid-phone-join");
    found.push(...(await audit(phone.page, "join page with a meeting room")));
    await phone.page.getByRole("button", { name: "Enter the space" }).click();
    await phone.page.getByTestId("hybrid-notice").waitFor({ timeout: 60_000 });
    expect(await phone.page.getByTestId("hybrid-notice").textContent()).toBe(
      "You are in Meeting room Kuusi, seat 1. Your voice is off: the room device carries the room's voice.",
    );
    expect(await phone.page.getByRole("dialog", { name: "Your microphone" }).isVisible()).toBe(false);
    // No voice connection at all from a phone in the room: nothing to echo, nothing to hear.
    expect(await phone.page.evaluate(() => window.yhteistilaVoice?.status())).toBe("idle");
    expect(await phone.page.getByRole("button", { name: "Use my microphone" }).count()).toBe(0);
    found.push(...(await audit(phone.page, "seated in the room @phone")));
    const hint = phone.page.getByRole("button", { name: "Got it" });
    expect(await hint.isVisible()).toBe(false);

    // 3. It writes a note and votes, in the 2D view a phone is made for.
    await phone.page.getByRole("button", { name: "2D view" }).click();
    await phone.page.getByRole("heading", { name: "Note wall", level: 2 }).waitFor({ timeout: 10_000 });
    await phone.page.getByLabel("Note text").fill("Projector cable is missing");
    await phone.page.getByRole("button", { name: "Add note" }).click();
    await phone.page.locator("article.board-2d .note-item__text", { hasText: "Projector cable is missing" }).waitFor();
    const observer = await server.join(session.code, { name: "Checker", observer: true });
    const board = wallBoardId(observer);
    await waitForState(observer, (s) => (s.boards.get(board)?.notes?.size ?? 0) === 1);
    const facilitator = await server.join(session.code, {
      name: "Co-host",
      facilitatorSecret: session.facilitatorSecret,
    });
    sendCommand(facilitator, "boards.startVote", {
      boardId: board,
      perPerson: 2,
      maxPerNote: 2,
      anonymous: false,
      durationSeconds: 0,
    });
    await phone.page.getByRole("button", { name: "Add a dot to “Projector cable is missing”" }).click();
    await phone.page.getByText("1 dot left").first().waitFor({ timeout: 10_000 });
    await screenshot(phone.page, "hybrid-phone-voted");

    // 4. A remote page sees the room's table with its eight seats and Aino at one, not walking about.
    const remote = await auditableVisitor(640, 360);
    await joinSession(remote, link, "Remote Rita");
    await expect
      .poll(() => remote.page.evaluate(() => window.yhteistila!.labels("table:")), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(["Meeting room Kuusi · 1/8", "Aino"]));
    expect(await remote.page.evaluate(() => window.yhteistila!.screenPoints("seat:").length)).toBe(8);
    expect(await remote.page.evaluate(() => window.yhteistila!.nameTags())).not.toContain("Aino");
    // The People panel says who is where.
    await remote.page.getByRole("tab", { name: "People" }).click();
    await remote.page.getByTestId("hybrid-count").waitFor({ timeout: 10_000 });
    expect(await remote.page.getByTestId("hybrid-count").textContent()).toBe("1 in the room · 3 remote");
    const aino = remote.page.getByRole("list", { name: "People" }).getByRole("listitem").filter({ hasText: "Aino" });
    expect(await aino.getByTestId("in-room-badge").textContent()).toBe("In the room");
    await screenshot(remote.page, "hybrid-remote-people");
    found.push(...(await audit(remote.page, "People panel with people in the room")));

    // 5. The facilitator forms breakout groups: Aino's table is her group, so only Rita is grouped,
    // and the panel says why Aino is not in the list.
    await host.page.getByRole("tab", { name: "Facilitate" }).click();
    await host.page
      .getByText("People at meeting room tables (1) stay at their table: each table is a group of its own.")
      .waitFor();
    await host.page.getByRole("button", { name: "Form groups" }).click();
    await expect
      .poll(() => host.page.locator(".group[data-group] .chip__name").allTextContents())
      .toEqual(["Remote Rita"]);
    await screenshot(host.page, "hybrid-facilitator-groups");
    found.push(...(await audit(host.page, "Facilitate tab with people at a table")));
    expect(found, describeViolations(found)).toEqual([]);

    for (const visitor of [host, phone, remote]) {
      expect(externalRequests(visitor.requests)).toEqual([]);
      expect(visitor.errors).toEqual([]);
    }
    await Promise.all([observer.leave(), facilitator.leave()]);
    await Promise.all([host.context.close(), phone.context.close(), remote.context.close()]);
  });

  it("a phone that loses the last seat to another is told so, sees the room full, and enters remote", async () => {
    const session = await server.createSession("Hybrid seats");
    const link = `${server.baseUrl}/s/${session.code}`;
    const host = await server.join(session.code, { name: "Helena", facilitatorSecret: session.facilitatorSecret });
    sendCommand(host, "hybrid.add", { name: "Meeting room Koivu", seats: 1 });
    await waitForState(host, (s) => s.physicalRooms.size === 1);

    // A phone has the join page open while the seat is free, and chooses it; meanwhile someone else
    // sits down in the last seat (an SDK client: quick, so the page's half-minute refresh cannot help).
    const second = await auditableVisitor(390, 844);
    await second.page.goto(link);
    await second.page.getByLabel("Your name").fill("Eero");
    await second.page.getByLabel("I'm in Meeting room Koivu").check({ timeout: 10_000 });
    const [physicalId] = [...host.state.physicalRooms.keys()];
    const first = await server.join(session.code, { name: "Aino", hybrid: { room: physicalId!, as: "seat" } });
    await waitForState(host, (s) => s.physicalRooms.get(physicalId!)?.seated.has(first.sessionId) === true);

    // The second presses Enter on a page that still shows the seat free: refused with the reason, and
    // the page asks again at once, so the room shows as full and remote is the way in.
    await second.page.getByRole("button", { name: "Enter the space" }).click();
    await second.page
      .getByText("Every seat of that meeting room is taken. Ask the facilitator to add seats.")
      .waitFor({ timeout: 20_000 });
    const full = second.page.getByLabel("I'm in Meeting room Koivu (full)");
    // Well before the half-minute refresh: the refusal itself has the page ask again.
    await full.waitFor({ timeout: 5_000 });
    expect(await full.isDisabled()).toBe(true);
    // The shut option is no longer the choice: remote is, so Enter now lets them in.
    expect(await full.isChecked()).toBe(false);
    expect(await second.page.getByLabel("From my own computer or phone (remote)").isChecked()).toBe(true);
    await screenshot(second.page, "hybrid-phone-room-full");
    await second.page.getByRole("button", { name: "Enter the space" }).click();
    await waitForState(host, (s) => [...s.people.values()].some((p) => p.name === "Eero"));
    expect(host.state.physicalRooms.get(physicalId!)!.seated.size).toBe(1);

    expect(externalRequests(second.requests)).toEqual([]);
    expect(second.errors).toEqual([]);
    await Promise.all([host.leave(), first.leave()]);
    await second.context.close();
  });
});
