import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import { waitForState, type TestServer } from "../support/server";
import { decodedNotes, textsSeenBy } from "../support/boards";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

/** Note texts in the 2D view of the board on screen, as a screen reader reads them. */
function notesIn(page: Page): Promise<string[]> {
  return page
    .locator("article.board-2d .note-item__text")
    .allTextContents()
    .then((texts) => texts.sort());
}

async function writeNote(page: Page, text: string): Promise<void> {
  await page.getByLabel("Note text").fill(text);
  await page.getByRole("button", { name: "Add note" }).click();
  await expect.poll(() => notesIn(page), { timeout: 10_000 }).toContain(text);
}

async function use2D(page: Page): Promise<void> {
  await page.getByRole("button", { name: "2D view" }).click();
  await page.getByRole("heading", { name: "Note wall", level: 2 }).waitFor({ timeout: 10_000 });
}

describe("a facilitated round in the browser", () => {
  it("private writing, reveal, cluster, dot vote, results and the Markdown export", async () => {
    const { code, facilitatorSecret } = await server.createSession("Service day");
    const link = `${server.baseUrl}/s/${code}`;
    const host = await newVisitor(browser);
    const anna = await newVisitor(browser);
    const ben = await newVisitor(browser);
    await joinSession(host, `${link}#host=${facilitatorSecret}`, "Helena");
    await joinSession(anna, link, "Anna");
    await joinSession(ben, link, "Ben");
    // The facilitator and Anna work in the 2D view; Ben stays in 3D with the Boards panel.
    await use2D(host.page);
    await use2D(anna.page);
    await ben.page.getByRole("tab", { name: "Boards" }).click();

    // 1. Private writing: each sees only their own notes.
    await host.page.getByLabel("Keep authors anonymous, also after the reveal").check();
    await host.page.getByRole("button", { name: "Start private writing" }).click();
    await anna.page.getByText("Private, anonymous writing").first().waitFor({ timeout: 10_000 });
    await writeNote(anna.page, "Shared calendar for agencies");
    await writeNote(anna.page, "One front desk");
    await ben.page.getByText("Private, anonymous writing").first().waitFor({ timeout: 10_000 });
    await writeNote(ben.page, "Plain-language letters");
    await host.page.getByText("3 notes written so far").first().waitFor({ timeout: 10_000 });
    expect(await notesIn(anna.page)).toEqual(["One front desk", "Shared calendar for agencies"]);
    expect(await notesIn(ben.page)).toEqual(["Plain-language letters"]);
    expect(await notesIn(host.page)).toEqual([]);
    await screenshot(anna.page, "workshop-anna-private");

    // 2. The reveal: everyone sees all three, with no names.
    await host.page.getByRole("button", { name: "Reveal all notes" }).click();
    const all = ["One front desk", "Plain-language letters", "Shared calendar for agencies"];
    for (const visitor of [host, anna, ben]) {
      await expect.poll(() => notesIn(visitor.page), { timeout: 10_000 }).toEqual(all);
    }
    expect(await anna.page.locator(".note-item__meta").allTextContents()).not.toContain(expect.stringContaining("Ben"));
    // Ben's 3D view draws the same notes.
    await expect.poll(() => ben.page.evaluate(() => window.yhteistila!.boardNotes()), { timeout: 10_000 }).toEqual(all);

    // 3. Clustering: a titled cluster, two notes put into it with the keyboard-friendly picker.
    await host.page.getByLabel("New cluster").fill("Service points");
    await host.page.getByRole("button", { name: "Add cluster" }).click();
    await host.page.getByRole("heading", { name: "Service points" }).waitFor({ timeout: 10_000 });
    for (const text of ["One front desk", "Shared calendar for agencies"]) {
      await host.page
        .locator("li.note-item", { hasText: text })
        .getByLabel("Cluster")
        .selectOption({ label: "Service points" });
      await expect
        .poll(() => anna.page.getByRole("list", { name: "Service points" }).getByText(text).count(), {
          timeout: 10_000,
        })
        .toBe(1);
    }

    // 4. A dot vote: three dots each, at most two on a note, named.
    await host.page.getByLabel("Dots per person").fill("3");
    await host.page.getByLabel("Most dots on one note").fill("2");
    await host.page.getByLabel("Anonymous (nobody sees who voted for what)").uncheck();
    await host.page.getByRole("button", { name: "Start dot vote" }).click();
    const dot = (page: Page, text: string) => page.getByRole("button", { name: `Add a dot to “${text}”` });
    await dot(anna.page, "Plain-language letters").click();
    await anna.page.getByText("2 dots left").first().waitFor({ timeout: 10_000 });
    await dot(anna.page, "Plain-language letters").click();
    await anna.page.getByText("1 dot left").first().waitFor({ timeout: 10_000 });
    // The per-note maximum is reached: the button says no before the server has to.
    expect(await dot(anna.page, "Plain-language letters").isDisabled()).toBe(true);
    await dot(anna.page, "One front desk").click();
    await anna.page.getByText("0 dots left").first().waitFor({ timeout: 10_000 });
    await dot(ben.page, "Plain-language letters").click();
    await ben.page.getByText("2 dots left").first().waitFor({ timeout: 10_000 });
    await host.page.getByText("2 people have voted").first().waitFor({ timeout: 10_000 });
    // No results before the end, for anyone.
    expect(await host.page.locator("ol.vote-results").count()).toBe(0);
    await screenshot(ben.page, "workshop-ben-voting-3d");

    // 5. The end: the ranking, on the board and in the overlay.
    await host.page.getByRole("button", { name: "End the vote and show results" }).click();
    const ranking = anna.page.locator("article.board-2d ol.vote-results li");
    await expect.poll(() => ranking.count(), { timeout: 10_000 }).toBe(3);
    const rows = await ranking.allTextContents();
    expect(rows[0]).toContain("Plain-language letters");
    expect(rows[0]).toContain("3 dots");
    expect(rows[1]).toContain("One front desk");
    expect(rows[2]).toContain("Shared calendar for agencies");
    await ben.page.getByText("Dot vote results: Note wall").waitFor({ timeout: 10_000 });
    await screenshot(anna.page, "workshop-anna-results");

    // 6. The Markdown export, downloaded by the facilitator.
    await host.page.getByRole("button", { name: "Show panels" }).click();
    await host.page.getByRole("tab", { name: "Export" }).click();
    const download = host.page.waitForEvent("download", { timeout: 20_000 });
    await host.page.getByRole("button", { name: "Summary (Markdown)" }).click();
    const file = await (await download).path();
    const markdown = await readFile(file, "utf8");
    expect(markdown).toContain("# Service day");
    const ranked = markdown.split("\n").filter((line) => /^- \*\*\d+\.\*\*/.test(line));
    expect(ranked.map((line) => line.replace(/ — .*/, ""))).toEqual([
      "- **1.** Plain-language letters",
      "- **2.** One front desk",
      "- **3.** Shared calendar for agencies",
    ]);
    expect(markdown).toContain("#### Cluster: Service points");
    // Anonymous writing stays anonymous in the export too.
    expect(markdown).not.toMatch(/by (Anna|Ben)/);

    expect(externalRequests([...host.requests, ...anna.requests, ...ben.requests])).toEqual([]);
    expect([...host.errors, ...anna.errors, ...ben.errors]).toEqual([]);
    await Promise.all([host.context.close(), anna.context.close(), ben.context.close()]);
  });

  it("drags a note on the board in 3D with the mouse, and a click without a drag opens it for editing", async () => {
    const { code } = await server.createSession("Drag in 3D");
    const anna = await newVisitor(browser);
    await joinSession(anna, `${server.baseUrl}/s/${code}`, "Anna");
    await anna.page.getByRole("tab", { name: "Boards" }).click();
    await writeNote(anna.page, "Move me");
    await anna.page.getByRole("button", { name: "Hide panels" }).click();
    const watcher = await server.join(code, { name: "Watcher" });
    await waitForState(watcher, () => textsSeenBy(watcher).includes("Move me"));
    const before = decodedNotes(watcher).find((n) => n.text === "Move me")!;

    // Anna stands in front of her note, facing the note wall (yaw 0 looks towards -z).
    const note = async () => (await anna.page.evaluate(() => window.yhteistila!.screenPoints("note:")))[0]!;
    const room = server.app.services.rooms.get(code)!;
    const annaId = [...room.state.people.entries()].find(([, p]) => p.name === "Anna")![0];
    room.placePerson(annaId, (await note()).world.x, 13.4, Math.PI);
    await expect.poll(async () => (await note()).inView, { timeout: 10_000 }).toBe(true);
    const start = await note();

    await anna.page.mouse.move(start.x, start.y);
    await anna.page.mouse.down();
    await anna.page.mouse.move(start.x + 40, start.y + 20, { steps: 6 });
    await anna.page.mouse.up();
    await waitForState(
      watcher,
      () => {
        const now = decodedNotes(watcher).find((n) => n.id === before.id);
        return now !== undefined && Math.abs(now.x - before.x) > 5 && now.y > before.y;
      },
      10_000,
    );
    // The view did not turn while the note was held.
    expect(await anna.page.evaluate(() => window.yhteistila!.self().yaw)).toBeCloseTo(Math.PI, 1);

    // Once the server's answer has reached Anna (a later move of the watcher behind her has), the note
    // stays where it was dropped (no jump back afterwards).
    const behind = { x: (await note()).world.x, z: 11 };
    watcher.onMessage("movement.corrected", () => undefined);
    room.placePerson(watcher.sessionId, behind.x, behind.z);
    const arrived = () => anna.page.evaluate(() => window.yhteistila!.avatars());
    await expect
      .poll(async () => (await arrived()).some((a) => Math.hypot(a.x - behind.x, a.z - behind.z) < 0.05), {
        timeout: 10_000,
      })
      .toBe(true);
    const moved = await note();
    expect(Math.hypot(moved.x - start.x - 40, moved.y - start.y - 20)).toBeLessThan(6);
    await anna.page.mouse.click(moved.x, moved.y);
    await anna.page.getByRole("dialog", { name: /Edit note/ }).waitFor({ timeout: 10_000 });
    await screenshot(anna.page, "workshop-drag-3d");
    await watcher.leave();
    await anna.context.close();
  });
});
