import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { CreateSessionResponse } from "../../shared/protocol";
import { externalRequests, launchChromium, screenshot } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import { freePort } from "../support/server";
import { startChildServer, type ChildServer } from "../support/child-server";

const dataDir = mkdtempSync(join(tmpdir(), "yhteistila-restart-"));
let child: ChildServer | undefined;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await child?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a page whose server was killed and restarted", () => {
  it("rejoins by itself and shows the same notes, still its own", async () => {
    const port = await freePort();
    child = await startChildServer({ port, dataDir });
    const created = await fetch(`${child.baseUrl}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Restart" }),
    });
    const session = (await created.json()) as CreateSessionResponse;
    const anna = await newVisitor(browser);
    await joinSession(anna, `${child.baseUrl}/s/${session.code}`, "Anna");
    await anna.page.getByRole("button", { name: "2D view" }).click();
    await anna.page.getByLabel("Note text").fill("Survives a power cut");
    await anna.page.getByRole("button", { name: "Add note" }).click();
    const note = anna.page.locator("li.note-item", { hasText: "Survives a power cut" });
    await note.waitFor({ timeout: 10_000 });

    await child.kill();
    await anna.page.getByText("Reconnecting").first().waitFor({ timeout: 10_000 });
    child = await startChildServer({ port, dataDir });

    // No click: the page finds its session again, and knows the note is Anna's (she may edit it).
    await note.getByRole("button", { name: "Edit" }).waitFor({ timeout: 30_000 });
    expect(await note.locator(".note-item__meta").textContent()).toContain("yours");
    await screenshot(anna.page, "restart-anna-rejoined");
    expect(externalRequests(anna.requests)).toEqual([]);
    await anna.context.close();
  });
});
