import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { sendCommand } from "../../shared/protocol/send";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import { handled } from "../support/rooms";
import { coachSecretFor, joinAsCoach } from "../support/coaches";
import { waitForState, type TestServer } from "../support/server";
import { decodedNotes, wallBoardId } from "../support/boards";
import { audit, describeViolations, type Violation } from "../accessibility/axe";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

describe("the debrief", () => {
  it("a facilitator keeps a timeline, everyone is told, and the debrief scrubs to a moment and shows the boards as they were", async () => {
    const session = await server.createSession("Debriefed workshop");
    const host = await newVisitor(browser);
    const anna = await newVisitor(browser);
    await joinSession(host, `${server.baseUrl}/s/${session.code}#host=${session.facilitatorSecret}`, "Host");
    await joinSession(anna, `${server.baseUrl}/s/${session.code}`, "Anna");

    // The facilitator switches the timeline on from the session menu; Anna's top bar says so.
    await host.page.getByRole("button", { name: /Session/ }).click();
    await host.page.getByRole("menuitemcheckbox", { name: /Keep a timeline for the debrief/ }).click();
    await anna.page.getByTestId("timeline-on").waitFor({ timeout: 10_000 });
    expect(await anna.page.getByTestId("timeline-on").textContent()).toContain("Timeline on");
    // Someone arriving now reads it on the join page before entering.
    const ben = await newVisitor(browser);
    await ben.page.goto(`${server.baseUrl}/s/${session.code}`);
    await ben.page.getByTestId("timeline-kept").waitFor();

    // A note, then a coach's observation (a marker), then the note goes and another comes.
    const writer = await server.join(session.code, { name: "Vilja" });
    const coach = await joinAsCoach(
      server,
      session.code,
      await coachSecretFor(server, session.code, session.facilitatorSecret),
      "Kaisa",
    );
    // A co-facilitator starts the plenary's five minutes: the debrief shows the clock as it stood.
    const cohost = await server.join(session.code, { name: "Co-host", facilitatorSecret: session.facilitatorSecret });
    sendCommand(cohost, "timers.control", { op: "start", target: "plenary", seconds: 300 });
    await waitForState(cohost, (s) => s.plenaryTimer.status === "running");
    sendCommand(writer, "boards.addNote", { boardId: wallBoardId(writer), text: "First idea", color: 1 });
    await waitForState(writer, () => decodedNotes(writer).some((n) => n.text === "First idea"));
    sendCommand(coach, "coaching.observe", { text: "Vilja wrote first" });
    await handled(coach);
    const first = decodedNotes(writer).find((n) => n.text === "First idea")!;
    sendCommand(writer, "boards.removeNote", { noteId: first.id });
    sendCommand(writer, "boards.addNote", { boardId: wallBoardId(writer), text: "Second idea", color: 2 });
    await handled(writer);

    // A participant is refused the debrief, with the reason.
    await anna.page.goto(`${server.baseUrl}/s/${session.code}/debrief`);
    await anna.page.getByRole("alert").waitFor();
    expect(await anna.page.getByRole("alert").textContent()).toContain(
      "Only the facilitators and the coach of this session can open its debrief.",
    );

    // The facilitator opens it (their key is kept in this browser) and scrubs with the keyboard to the end.
    const debrief = await host.context.newPage();
    await debrief.goto(`${server.baseUrl}/s/${session.code}/debrief`);
    const slider = debrief.getByRole("slider", { name: "Moment in the session" });
    await slider.waitFor();
    const boards = debrief.getByTestId("debrief-boards");
    await slider.focus();
    await debrief.keyboard.press("End");
    await expect.poll(() => boards.textContent()).toContain("Second idea");
    expect(await boards.textContent()).not.toContain("First idea");

    // The observation's marker takes the debrief to that moment: the first note, not yet the second.
    await debrief.getByRole("button", { name: /Observation by Kaisa: Vilja wrote first/ }).click();
    await expect.poll(() => boards.textContent()).toContain("First idea");
    expect(await boards.textContent()).not.toContain("Second idea");
    expect(await debrief.getByTestId("debrief-rooms").textContent()).toContain("Anna");
    expect(await debrief.getByTestId("debrief-rooms").textContent()).toMatch(
      /Plenary \(\d+\) · (5:00|4:[0-5]\d) left:/,
    );
    await screenshot(debrief, "timeline-debrief-at-observation");

    // Play runs the picture forward (at 16x) until the end, where the second note is.
    await debrief.getByTestId("debrief-speed").selectOption("16");
    await debrief.getByTestId("debrief-play").click();
    await expect.poll(() => boards.textContent(), { timeout: 15_000 }).toContain("Second idea");

    // The session goes on: standing at the end, the debrief follows the log as it grows.
    sendCommand(writer, "boards.addNote", { boardId: wallBoardId(writer), text: "Third idea", color: 3 });
    await handled(writer);
    await expect.poll(() => boards.textContent(), { timeout: 25_000 }).toContain("Third idea");

    await Promise.all([writer.leave(), coach.leave(), cohost.leave()]);
    for (const visitor of [host, anna, ben]) {
      expect(externalRequests(visitor.requests)).toEqual([]);
      await visitor.context.close();
    }
  });

  it("has no serious or critical axe violation in fi, sv and en at 1280x720 and 390x844, refused or not", async () => {
    const session = await server.createSession("Saavutettava jälkipuinti");
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const anna = await server.join(session.code, { name: "Anna" });
    sendCommand(host, "timeline.set", { on: true });
    await waitForState(host, (s) => s.timeline.on === true);
    sendCommand(anna, "boards.addNote", { boardId: wallBoardId(anna), text: "Yhteinen kahvinurkka", color: 2 });
    await handled(anna);
    const coach = await joinAsCoach(
      server,
      session.code,
      await coachSecretFor(server, session.code, session.facilitatorSecret),
      "Kaisa",
    );
    sendCommand(coach, "coaching.observe", { text: "Anna kirjoitti ensin" });
    await handled(coach);
    const found: Violation[] = [];
    for (const locale of ["fi", "sv", "en"] as const) {
      // axe is injected as an inline script, which the product's CSP rightly refuses.
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
      await context.addInitScript((l) => localStorage.setItem("yhteistila.locale", l), locale);
      let page = await context.newPage();
      await page.goto(`${server.baseUrl}/s/${session.code}/debrief`);
      await page.getByRole("alert").waitFor();
      found.push(...(await audit(page, `${locale} refused`)));
      await page.close();
      // The facilitator's link opened afresh (a fragment change alone does not load a page).
      page = await context.newPage();
      await page.goto(`${server.baseUrl}/s/${session.code}/debrief#host=${session.facilitatorSecret}`);
      await page.getByTestId("debrief-slider").waitFor();
      await page.locator(".debrief__marker--observation button").click();
      for (const [width, height] of [
        [1280, 720],
        [390, 844],
      ] as const) {
        await page.setViewportSize({ width, height });
        found.push(...(await audit(page, `${locale} debrief @${width}x${height}`)));
        await screenshot(page, `timeline-debrief-${locale}-${width}x${height}`);
      }
      await context.close();
    }
    expect(found, describeViolations(found)).toEqual([]);
    await Promise.all([host.leave(), anna.leave(), coach.leave()]);
  });
});
