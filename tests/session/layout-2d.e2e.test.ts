import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { sendCommand } from "../../shared/protocol/send";
import { screenshot, withServerAndBrowser } from "../support/browser";
import { zoneBoardId } from "../support/boards";
import { clippedOrCovered, overlayBoxes, overlayProblems } from "../support/layout";
import { joinSession, newVisitor } from "../support/pages";
import { waitForState, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

const TASK =
  "Walk through the service path of a new customer from the first call to the first invoice, " +
  "mark every place where they have to wait, and agree on the three waits that hurt most.";

describe("the 2D view keeps its cards whole", () => {
  it("shows the task, the countdowns and the vote card uncut at 390x844 and 1280x720, with nothing overlapping", async () => {
    const session = await server.createSession("Two-dimensional");
    const anna = await newVisitor(browser);
    await joinSession(anna, `${server.baseUrl}/s/${session.code}`, "Anna");
    const page = anna.page;

    // A facilitator without a browser sends Anna to a zone with a long task, runs both countdowns
    // and opens a dot vote on her zone's board: every card the top of the view can hold.
    const host = await server.join(session.code, { name: "Fia", facilitatorSecret: session.facilitatorSecret });
    const annaId = [...host.state.people.entries()].find(([, p]) => p.name === "Anna")![0];
    sendCommand(host, "zones.task", { target: "nw", text: TASK });
    sendCommand(host, "zones.send", { groups: [{ zone: "nw", people: [annaId] }], seconds: 900 });
    sendCommand(host, "timers.control", { op: "start", target: "plenary", seconds: 1800 });
    await waitForState(host, (s) => s.people.get(annaId)?.zone === "nw");
    const board = zoneBoardId(host, "nw");
    sendCommand(host, "boards.addNote", { boardId: board, text: "Waiting for the first invoice", color: 0 });
    await waitForState(host, (s) => (s.boards.get(board)?.notes?.size ?? 0) > 0);
    sendCommand(host, "boards.startVote", {
      boardId: board,
      perPerson: 3,
      maxPerNote: 2,
      anonymous: false,
      durationSeconds: 0,
    });

    await page.getByRole("button", { name: "2D view" }).click();
    for (const [width, height] of [
      [390, 844],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expect.poll(() => page.locator(".task-text").textContent(), { timeout: 15_000 }).toBe(TASK);
      await expect.poll(() => page.locator(".vote-overlay").count(), { timeout: 15_000 }).toBe(1);
      await screenshot(page, `layout-2d-${width}x${height}`);
      await expect.poll(() => overlayProblems(page), { timeout: 5_000 }).toEqual([]);
      await expect.poll(() => clippedOrCovered(page), { timeout: 5_000 }).toEqual([]);
      const { blocks } = await overlayBoxes(page);
      const names = blocks.map((b) => b.name);
      expect(names).toContain("Your zone: Breakout A");
      expect(names).toContain("Dot voting");
    }
    expect(anna.errors).toEqual([]);
    await host.leave();
    await anna.context.close();
  }, 120_000);
});
