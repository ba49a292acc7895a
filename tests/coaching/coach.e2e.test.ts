import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import type { TestServer } from "../support/server";
import { sendCommand } from "../../shared/protocol/send";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

describe("a coach shadows a facilitator", () => {
  it("whispers to the facilitator, whose page shows it; a participant's page shows a coach observing and nothing of the whisper", async () => {
    const session = await server.createSession("Coached workshop");
    const host = await newVisitor(browser);
    const anna = await newVisitor(browser);
    const coach = await newVisitor(browser);

    await joinSession(host, `${server.baseUrl}/s/${session.code}#host=${session.facilitatorSecret}`, "Host");
    await joinSession(anna, `${server.baseUrl}/s/${session.code}`, "Anna");

    // The facilitator makes the coach link from the session menu.
    await host.page.getByRole("button", { name: /Session/ }).click();
    await host.page.getByRole("menuitem", { name: "Coach link…" }).click();
    await host.page.getByRole("button", { name: "Create coach link" }).click();
    const linkField = host.page.getByRole("textbox", { name: "Coach link" });
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`/s/${session.code}#coach=[A-Za-z0-9_-]{43}$`));
    await host.page.getByRole("button", { name: "Close" }).click();

    // The coach is told what they join as, and enters without an avatar.
    await coach.page.goto(link);
    await coach.page.getByTestId("joining-as-coach").waitFor();
    await joinSession(coach, link, "Coach Kaisa");

    // Anna is told a coach is observing, and the coach is not among the people.
    await anna.page.getByRole("tab", { name: "People" }).click();
    await expect
      .poll(() => anna.page.getByTestId("coaches-observing").textContent(), { timeout: 10_000 })
      .toContain("1 coach observing");
    await expect.poll(() => anna.page.evaluate(() => window.yhteistila!.avatars().length)).toBe(1);

    // The coach whispers from the Coaching panel.
    await coach.page.getByRole("tab", { name: "Coaching" }).click();
    await coach.page.getByLabel("Whisper to the facilitators").fill("Group B has been silent for 4 min");
    await coach.page.getByRole("button", { name: "Whisper", exact: true }).click();
    await coach.page.getByTestId("whisper-list").getByText("Group B has been silent for 4 min").waitFor();

    // The facilitator's page shows it as a notice.
    const notice = host.page.getByTestId("whisper-notice");
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain("Coach Coach Kaisa whispers: Group B has been silent for 4 min");
    await screenshot(host.page, "coaching-facilitator-whisper");

    // Anna's page still says a coach is observing, and holds nothing of the whisper (the server sends
    // it to each recipient in the same turn, so it would be here by now): no text of it, no notice and
    // no Coaching tab. tests/coaching/coach.room.test.ts proves she receives no message at all.
    expect(await anna.page.getByRole("tab", { name: "Coaching" }).count()).toBe(0);
    expect(await anna.page.getByTestId("whisper-notice").count()).toBe(0);
    expect(await anna.page.content()).not.toContain("silent for 4 min");
    expect(await anna.page.getByTestId("coaches-observing").textContent()).toContain("1 coach observing");
    await screenshot(anna.page, "coaching-participant-sees-coach-observing");

    // The balcony shows the coach every group at a glance: Anna in the plenary, raising her hand.
    await anna.page.getByRole("button", { name: "Raise hand" }).click();
    await coach.page.getByRole("tab", { name: "Balcony" }).click();
    const plenary = coach.page.locator(".balcony__zone", { hasText: "Plenary" });
    await plenary
      .locator(".balcony__people")
      .getByRole("listitem")
      .filter({ hasText: "Anna" })
      .waitFor({ timeout: 10_000 });
    await plenary.getByText("1 hand raised").waitFor({ timeout: 10_000 });
    await screenshot(coach.page, "coaching-balcony");

    // From above: the coach sees every group's card written on the floor of its zone, then comes back.
    await coach.page.getByRole("button", { name: "View from above" }).click();
    await expect
      .poll(() => coach.page.evaluate(() => window.yhteistila!.labels("overhead-card:plenary").join(" | ")), {
        timeout: 10_000,
      })
      .toMatch(/Plenary[\s\S]*1 hand raised/);
    const [card] = await coach.page.evaluate(() => window.yhteistila!.screenPoints("overhead-card:plenary"));
    expect(card?.inView).toBe(true);
    await screenshot(coach.page, "coaching-balcony-from-above");
    await coach.page.getByRole("status").getByRole("button", { name: "Back to eye level" }).click();
    await expect.poll(() => coach.page.evaluate(() => window.yhteistila!.labels("overhead-card:").length)).toBe(0);

    // The coach listens to a zone; when the facilitator removes it, the coach listens to the plenary
    // (where its people went) and is told so, rather than keeping a choice that no longer exists.
    await coach.page.getByRole("tab", { name: "Coaching" }).click();
    const listenTo = coach.page.getByLabel("Listen to");
    const zoneOption = listenTo.locator("option", { hasText: /^Zone / }).first();
    const zoneId = (await zoneOption.getAttribute("value"))!;
    const zoneName = (await zoneOption.textContent())!.replace(/^Zone /, "");
    await listenTo.selectOption(zoneId);
    const cohost = await server.join(session.code, { name: "Co-host", facilitatorSecret: session.facilitatorSecret });
    sendCommand(cohost, "zones.remove", { id: zoneId });
    await expect.poll(() => listenTo.inputValue(), { timeout: 10_000 }).toBe("");
    await coach.page.getByText(`Zone ${zoneName} was removed: you now listen to the plenary.`).waitFor();
    await screenshot(coach.page, "coaching-listened-zone-removed");
    await cohost.leave();

    // The facilitator withdraws the link: the coach's page says why it is over, with no way back in,
    // and Anna is told no coach is observing any more.
    await host.page.getByRole("button", { name: /Session/ }).click();
    await host.page.getByRole("menuitem", { name: "Coach link…" }).click();
    await host.page.getByRole("button", { name: "Withdraw the link" }).click();
    await host.page.getByText("Coach link withdrawn").waitFor({ timeout: 10_000 });
    await host.page.getByRole("dialog", { name: "Coach link" }).getByRole("button", { name: "Close" }).click();
    const over = coach.page.getByRole("alertdialog");
    await over.getByText("The facilitator withdrew the coach link").waitFor({ timeout: 10_000 });
    expect(await over.getByRole("button", { name: "Join again" }).count()).toBe(0);
    await screenshot(coach.page, "coaching-link-withdrawn");
    await expect.poll(() => anna.page.getByTestId("coaches-observing").count(), { timeout: 10_000 }).toBe(0);

    for (const visitor of [host, anna, coach]) {
      expect(externalRequests(visitor.requests)).toEqual([]);
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    }
  });
});
