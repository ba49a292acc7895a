import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { NOTE_SIZE_CM } from "../../shared/boards/model";
import { wallBoardPlacement } from "../../shared/boards/geometry";
import { SCALE } from "../../client/export/board-layout";
import { screenshot, withServerAndBrowser } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import { waitForState, type TestServer } from "../support/server";
import { decodedNotes } from "../support/boards";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

/** Clicks the 3D view at a point as a person would, and writes a note in the dialog that opens. */
async function writeAt(page: Page, point: { x: number; y: number }, text: string): Promise<void> {
  await page.mouse.click(point.x, point.y);
  const dialog = page.getByRole("dialog", { name: /New note/ });
  await dialog.waitFor({ timeout: 10_000 });
  await dialog.getByLabel("Note text").fill(text);
  await dialog.getByRole("button", { name: "Add note" }).click();
  await dialog.waitFor({ state: "hidden", timeout: 10_000 });
}

describe("notes written in 3D", () => {
  it("two notes written at nearly the same spot land side by side, and the board picture draws them", async () => {
    const { code, facilitatorSecret } = await server.createSession("Placement");
    const host = await newVisitor(browser);
    await host.page.setViewportSize({ width: 1280, height: 720 });
    await joinSession(host, `${server.baseUrl}/s/${code}#host=${facilitatorSecret}`, "Helena");
    await host.page.getByRole("button", { name: "Hide panels" }).click();
    const watcher = await server.join(code, { name: "Watcher" });

    // Helena stands 2.4 m in front of the note wall, facing it (yaw 0 looks towards -z).
    const room = server.app.services.rooms.get(code)!;
    const helena = [...room.state.people.entries()].find(([, p]) => p.name === "Helena")![0];
    room.placePerson(helena, 0, 13.4, Math.PI);
    const wall = async () =>
      (await host.page.evaluate(() => window.yhteistila!.screenPoints("board:"))).find((b) => b.world.z > 15)!;
    await expect.poll(async () => (await wall()).inView, { timeout: 10_000 }).toBe(true);
    const centre = await wall();

    await writeAt(host.page, centre, "Ensimmäinen");
    await waitForState(watcher, () => decodedNotes(watcher).length === 1, 10_000);
    // The second click lands on the board just beside the first note, well inside the space the
    // first note needs: before, the second note covered most of the first.
    const notePx = async () => (await host.page.evaluate(() => window.yhteistila!.screenPoints("note:")))[0]!;
    await expect.poll(async () => (await notePx()).inView, { timeout: 10_000 }).toBe(true);
    const first = await notePx();
    await writeAt(host.page, { x: first.x + 48, y: first.y + 10 }, "Toinen");
    await waitForState(watcher, () => decodedNotes(watcher).length === 2, 10_000);
    const [a, b] = decodedNotes(watcher);
    expect(Math.abs(a!.x - b!.x) >= NOTE_SIZE_CM || Math.abs(a!.y - b!.y) >= NOTE_SIZE_CM).toBe(true);
    expect(Math.hypot(a!.x - b!.x, a!.y - b!.y)).toBeLessThan(2 * NOTE_SIZE_CM);
    await expect.poll(() => host.page.evaluate(() => window.yhteistila!.boardNotes().length)).toBe(2);
    await screenshot(host.page, "placement-side-by-side");

    // The picture of the board: a PNG the size of the board at the picture's scale.
    await host.page.getByRole("button", { name: "Show panels" }).click();
    await host.page.getByRole("tab", { name: "Export" }).click();
    const download = host.page.waitForEvent("download", { timeout: 30_000 });
    await host.page.getByRole("button", { name: "Note wall (PNG)" }).click();
    const png = await readFile(await (await download).path());
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const placement = wallBoardPlacement();
    expect(png.readUInt32BE(16)).toBe(placement.width * SCALE + 64);
    expect(png.readUInt32BE(20)).toBe(placement.height * SCALE + 64 + 72);
    expect(host.errors).toEqual([]);
    await watcher.leave();
    await host.context.close();
  });
});
