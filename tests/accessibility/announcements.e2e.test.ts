import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { sendCommand } from "../../shared/protocol/send";
import { screenshot, withServerAndBrowser } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import { wallBoardId } from "../support/boards";
import { waitForState, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

describe("a screen reader hears what a sighted person sees happen in the room", () => {
  it("announces being moved, a vote opening and ending, and one's hand coming next, politely", async () => {
    const session = await server.createSession("Announcements");
    const pia = await newVisitor(browser);
    await joinSession(pia, `${server.baseUrl}/s/${session.code}`, "Pia");
    const region = pia.page.getByTestId("room-announcer");
    expect(await region.getAttribute("aria-live")).toBe("polite");
    expect(await region.getAttribute("role")).toBe("status");

    // The facilitator and another participant act through the SDK: the software renderer has two cores.
    const host = await server.join(session.code, { name: "Host", facilitatorSecret: session.facilitatorSecret });
    const ben = await server.join(session.code, { name: "Ben" });
    await waitForState(host, (s) => [...s.people.values()].some((p) => p.name === "Pia"));
    const piaId = [...host.state.people.entries()].find(([, p]) => p.name === "Pia")![0];

    sendCommand(host, "zones.send", { groups: [{ zone: "nw", people: [piaId] }], seconds: 600 });
    await expect.poll(() => region.textContent(), { timeout: 15_000 }).toMatch(/^You are now in .+\.$/);
    sendCommand(host, "zones.recall", { graceSeconds: 0 });
    await expect.poll(() => region.textContent(), { timeout: 15_000 }).toBe("You are back in the plenary.");

    const wall = wallBoardId(host);
    sendCommand(host, "boards.addNote", { boardId: wall, text: "Idea", color: 0 });
    sendCommand(host, "boards.startVote", {
      boardId: wall,
      perPerson: 3,
      maxPerNote: 3,
      anonymous: false,
      durationSeconds: 0,
    });
    await expect.poll(() => region.textContent(), { timeout: 15_000 }).toMatch(/^A dot vote is open on .+\.$/);
    await waitForState(host, (s) => s.boards.get(wall)!.votes.size === 1);
    const voteId = [...host.state.boards.get(wall)!.votes.keys()][0]!;
    sendCommand(host, "boards.endVote", { voteId });
    await expect.poll(() => region.textContent(), { timeout: 15_000 }).toMatch(/^The dot vote on .+ has ended\.$/);

    // Ben's hand went up first; Pia's is second, and next once his is lowered.
    sendCommand(ben, "hands.raise", { raised: true });
    await waitForState(host, (s) => s.people.get(ben.sessionId)!.handRaisedAt > 0);
    await pia.page.getByRole("button", { name: "Raise hand" }).click();
    await waitForState(host, (s) => s.people.get(piaId)!.handRaisedAt > 0);
    sendCommand(host, "hands.lower", { id: ben.sessionId });
    await expect.poll(() => region.textContent(), { timeout: 15_000 }).toBe("Your hand is next.");
    await screenshot(pia.page, "announcements-hand-next");

    // Nothing took the focus away from where Pia was.
    expect(await pia.page.evaluate(() => document.activeElement?.closest("[data-testid=room-announcer]"))).toBeNull();
    expect(pia.errors).toEqual([]);
    for (const room of [host, ben]) await room.leave();
    await pia.context.close();
  });
});
