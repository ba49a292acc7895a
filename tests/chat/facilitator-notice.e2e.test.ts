import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { sendCommand } from "../../shared/protocol/send";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import { waitForState, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

describe("a facilitator hears of chat in every zone", () => {
  it("gets an unread count and a notice for a participant's line in a zone, and reads it in All channels", async () => {
    const session = await server.createSession("Chat notices");
    const host = await newVisitor(browser);
    await joinSession(host, `${server.baseUrl}/s/${session.code}#host=${session.facilitatorSecret}`, "Fia");
    const page = host.page;

    // A participant (and a second facilitator who sends her out) join without a browser: the
    // software renderer has two cores to share.
    const anna = await server.join(session.code, { name: "Anna" });
    const cohost = await server.join(session.code, { name: "Co", facilitatorSecret: session.facilitatorSecret });
    sendCommand(cohost, "zones.send", { groups: [{ zone: "nw", people: [anna.sessionId] }], seconds: 600 });
    await waitForState(anna, (s) => s.people.get(anna.sessionId)?.zone === "nw");

    // The facilitator is looking at the People tab, not at the chat.
    await page.getByRole("tab", { name: "People" }).click();
    const question = "How long do we have for this task?";
    sendCommand(anna, "chat.send", { channel: "nw", text: question });

    const notice = page.locator(".chat-notice");
    await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toContain(question);
    expect(await notice.textContent()).toContain("Anna in ");
    const tab = page.getByRole("tab", { name: /^Chat/ });
    await expect.poll(() => tab.locator(".unread-badge").getAttribute("data-unread")).toBe("1");
    expect(await tab.textContent()).toContain("1 unread");
    const dockButton = page.getByRole("toolbar").locator('[data-dock="panel"]');
    expect(await dockButton.getAttribute("aria-label")).toContain("1 unread");
    await screenshot(page, "chat-facilitator-notice");

    // A second line in the room-wide chat counts too.
    sendCommand(anna, "chat.send", { channel: "plenary", text: "Hello everyone" });
    await expect.poll(() => tab.locator(".unread-badge").getAttribute("data-unread")).toBe("2");

    // "Open chat" lands in the zone's channel; what is on screen is read.
    await notice.filter({ hasText: question }).getByRole("button", { name: "Open chat" }).click();
    await expect.poll(() => page.getByRole("log").textContent()).toContain(question);
    await expect.poll(() => tab.locator(".unread-badge").getAttribute("data-unread")).toBe("1");
    expect(await notice.filter({ hasText: question }).count()).toBe(0);

    // All channels: both lines, each tagged with its channel, nothing left unread.
    await page.getByLabel("Channel").selectOption({ label: "All channels" });
    const log = page.getByRole("log");
    await expect.poll(() => log.textContent()).toContain("Hello everyone");
    expect(await log.textContent()).toContain(question);
    await expect.poll(() => tab.locator(".unread-badge").count()).toBe(0);
    await expect.poll(() => notice.count()).toBe(0);
    await screenshot(page, "chat-facilitator-all-channels");

    // While the chat is on screen, a new line is read at once and raises no notice.
    sendCommand(anna, "chat.send", { channel: "nw", text: "Thanks!" });
    await expect.poll(() => log.textContent()).toContain("Thanks!");
    expect(await tab.locator(".unread-badge").count()).toBe(0);
    expect(await notice.count()).toBe(0);

    expect(externalRequests(host.requests)).toEqual([]);
    expect(host.errors).toEqual([]);
    await anna.leave();
    await cohost.leave();
    await host.context.close();
  }, 120_000);
});
