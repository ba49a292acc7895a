import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { parsePlanFile } from "../../shared/methods/rules";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { newVisitor, type Visitor, joinIn2d } from "../support/pages";
import type { TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

const NAMES = ["Anna", "Ben", "Cai", "Dora"] as const;
const PROMPT = "What opportunities do you see to make progress on this challenge?";

/** The Now card as a person reads it: step label, title, prompt, group line and seconds left. */
async function nowCard(page: Page) {
  const card = page.locator(".now-card");
  if ((await card.count()) === 0) return null;
  return {
    label: await card.locator(".now-card__label").textContent(),
    title: await card.getByRole("heading", { level: 2 }).textContent(),
    prompt: await card.locator(".task-text").textContent(),
    group: await card.locator(".now-card__group").textContent(),
    remainingMs: Number(await card.getByRole("timer").getAttribute("data-remaining-ms")),
  };
}

/** The other names on each participant's card, once every card shows `title`. */
async function groupsSeen(visitors: readonly Visitor[], title: string): Promise<Map<string, string[]>> {
  const seen = new Map<string, string[]>();
  for (const [i, visitor] of visitors.entries()) {
    await expect.poll(async () => (await nowCard(visitor.page))?.title, { timeout: 15_000 }).toBe(title);
    const card = (await nowCard(visitor.page))!;
    expect(card.prompt).toBe(PROMPT);
    const names = card.group!.match(/^Your group: (.*)$/)?.[1]?.split(", ") ?? [];
    seen.set(NAMES[i]!, names.sort());
  }
  return seen;
}

/** The zone each participant's page says they are in, once all are in one ("Your zone: Breakout A"). */
async function zonesSeen(visitors: readonly Visitor[]): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  for (const [i, visitor] of visitors.entries()) {
    const title = visitor.page.locator(".banner__zone .banner__title");
    await title.waitFor({ timeout: 15_000 });
    seen.set(NAMES[i]!, (await title.textContent())!);
  }
  return seen;
}

/** Every person's group as they see it, checked to agree with the others' (if A sees B, B sees A). */
function expectConsistentGroups(seen: Map<string, string[]>, size: number): void {
  for (const [name, others] of seen) {
    expect(others, name).toHaveLength(size - 1);
    expect(others, name).not.toContain(name);
    for (const other of others) expect(seen.get(other), `${other} sees ${name}`).toContain(name);
  }
}

describe("a facilitator runs 1-2-4-All from the Method tab", () => {
  it("picks the method and steps through it with the console; everyone's Now card follows", async () => {
    const title = "Method walk";
    const session = await server.createSession(title);
    const host = await newVisitor(browser);
    await host.page.setViewportSize({ width: 1280, height: 720 });
    await joinIn2d(host, `${server.baseUrl}/s/${session.code}#host=${session.facilitatorSecret}`, "Fia", title);
    const guests: Visitor[] = [];
    for (const name of NAMES) {
      const guest = await newVisitor(browser);
      await guest.page.setViewportSize({ width: 390, height: 844 });
      await joinIn2d(guest, `${server.baseUrl}/s/${session.code}`, name, title);
      guests.push(guest);
    }
    // Participants have no Method tab; the server refuses them anyway (tests/methods/*.room.test.ts).
    await guests[0]!.page.getByRole("button", { name: "Show panels" }).click();
    await expect.poll(() => guests[0]!.page.getByRole("tab").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await guests[0]!.page.getByRole("tab", { name: "Method" }).count()).toBe(0);

    // The facilitator picks 1-2-4-All: four steps, 1 + 2 + 4 + 5 minutes.
    const page = host.page;
    await page.getByRole("tab", { name: "Method" }).click();
    await page.getByLabel("Built-in method").selectOption({ label: "1-2-4-All" });
    await page.getByRole("button", { name: "Use this method" }).click();
    const steps = page.getByRole("list", { name: "Steps" }).getByRole("listitem");
    await expect.poll(() => steps.count(), { timeout: 10_000 }).toBe(4);
    expect(await page.locator(".methods__total").textContent()).toMatch(/^12 min in all, planned end \d?\d:\d\d$/);
    expect(await steps.nth(1).textContent()).toContain("In pairs");
    expect(await steps.nth(1).textContent()).toContain("2 min");
    await screenshot(page, "method-facilitator-plan");
    // Nothing runs yet: nobody has a Now card.
    expect(await nowCard(guests[0]!.page)).toBeNull();

    // Step 1 with the keyboard: alone.
    await page.getByRole("button", { name: "Start step 1" }).focus();
    await page.keyboard.press("Enter");
    // The console's buttons name the step they were pressed at; pressing before it shows the last change
    // would be refused as stale (tests/methods/methods.room.test.ts), so each press waits for it.
    const at = (step: number) =>
      expect
        .poll(() => page.locator('[aria-current="step"]').getAttribute("data-step"), { timeout: 10_000 })
        .toBe(String(step));
    await at(0);
    for (const guest of guests) {
      await expect.poll(async () => (await nowCard(guest.page))?.title, { timeout: 15_000 }).toBe("Alone");
      const card = (await nowCard(guest.page))!;
      expect(card).toMatchObject({ label: "Now · Step 1 of 4", prompt: PROMPT, group: "You work on your own." });
      expect(card.remainingMs).toBeGreaterThan(50_000);
      expect(card.remainingMs).toBeLessThanOrEqual(60_000);
    }
    await screenshot(guests[0]!.page, "method-participant-alone-390x844");

    // +5 min: everyone's time left grows by five minutes.
    await page.getByRole("button", { name: "Extend the current step by 5 min" }).click();
    await expect
      .poll(async () => (await nowCard(guests[1]!.page))?.remainingMs, { timeout: 15_000 })
      .toBeGreaterThan(5 * 60_000);

    // Step 2: pairs. Everyone is in a pair, and the pairs agree.
    await at(0);
    await page.getByRole("button", { name: "Next step" }).click();
    const pairs = await groupsSeen(guests, "In pairs");
    expectConsistentGroups(pairs, 2);
    // The server moved each pair into a breakout zone of its own.
    const pairZones = await zonesSeen(guests);
    for (const [name, [partner]] of pairs) expect(pairZones.get(partner!), name).toBe(pairZones.get(name));
    expect(new Set(pairZones.values()).size).toBe(2);
    // A screen reader hears the new step.
    await expect
      .poll(() => guests[2]!.page.getByRole("status").filter({ hasText: "New step: In pairs" }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await screenshot(guests[0]!.page, "method-participant-pairs-390x844");

    // Step 3: the pairs merge into fours; each keeps their partner.
    await at(1);
    await page.getByRole("button", { name: "Next step" }).click();
    const fours = await groupsSeen(guests, "In fours");
    expectConsistentGroups(fours, 4);
    for (const [name, partner] of pairs) expect(fours.get(name)).toEqual(expect.arrayContaining(partner));
    await expect.poll(async () => new Set((await zonesSeen(guests)).values()).size, { timeout: 15_000 }).toBe(1);

    // Back returns to the pairs, the same pairs as before.
    await at(2);
    await page.getByRole("button", { name: "Back" }).click();
    expect(await groupsSeen(guests, "In pairs")).toEqual(pairs);
    await at(1);
    await page.getByRole("button", { name: "Next step" }).click();
    await groupsSeen(guests, "In fours");

    // Step 4: all together; it is the last one.
    await at(2);
    await page.getByRole("button", { name: "Next step" }).click();
    for (const guest of guests) {
      await expect.poll(async () => (await nowCard(guest.page))?.group, { timeout: 15_000 }).toBe("Everyone together.");
      // Back in the plenary: no zone card any more.
      await expect.poll(() => guest.page.locator(".banner__zone").count(), { timeout: 15_000 }).toBe(0);
    }
    expect(await page.getByRole("button", { name: "Next step" }).isDisabled()).toBe(true);
    expect(await page.getByText("This is the last step.").count()).toBe(1);
    await at(3);
    await screenshot(page, "method-facilitator-last-step");

    const all = [host, ...guests];
    expect(externalRequests(all.flatMap((v) => v.requests))).toEqual([]);
    for (const visitor of all) expect(visitor.errors).toEqual([]);
    await Promise.all(all.map((v) => v.context.close()));
  }, 240_000);

  it("edits a step, exports the plan as JSON, refuses a bad file with reasons and imports a good one", async () => {
    const title = "Plan files";
    const session = await server.createSession(title);
    const host = await newVisitor(browser);
    await host.page.setViewportSize({ width: 1280, height: 720 });
    await joinIn2d(host, `${server.baseUrl}/s/${session.code}#host=${session.facilitatorSecret}`, "Fia", title);
    const page = host.page;
    await page.getByRole("tab", { name: "Method" }).click();
    await page.getByLabel("Built-in method").selectOption({ label: "What / So What / Now What" });
    await page.getByRole("button", { name: "Use this method" }).click();
    const steps = page.getByRole("list", { name: "Steps" }).getByRole("listitem");
    await expect.poll(() => steps.count(), { timeout: 10_000 }).toBe(3);

    // Edit step 2: a new prompt and ten minutes instead of seven.
    await page.getByRole("button", { name: "Edit step 2" }).click();
    const form = page.getByRole("form", { name: "Edit step 2" });
    await form.getByLabel("Prompt").fill("Why does it matter to the people we serve?");
    await form.getByLabel("Duration (minutes)").fill("10");
    await form.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => steps.nth(1).textContent(), { timeout: 10_000 }).toContain("10 min");
    expect(await page.locator(".methods__total").textContent()).toMatch(/^24 min in all/);

    // Export: the file is the stored plan, with the edit.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export plan (JSON)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("What-So-What-Now-What.json");
    const text = readFileSync((await download.path())!, "utf8");
    const parsed = parsePlanFile(text, "en");
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    expect(parsed.plan.steps[1]).toMatchObject({
      prompt: "Why does it matter to the people we serve?",
      durationSeconds: 600,
    });

    // A bad file is refused with reasons a facilitator can act on; the stored plan stays.
    const input = page.getByLabel("Import a plan (JSON)");
    const bad = { ...parsed.plan, steps: [{ ...parsed.plan.steps[0]!, durationSeconds: 5 }] };
    await input.setInputFiles({
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ format: "yhteistila.plan", version: 1, plan: bad })),
    });
    const alert = page.getByRole("alert").filter({ hasText: "broken.json could not be imported:" });
    await alert.waitFor();
    expect(await alert.getByRole("listitem").allTextContents()).toEqual([
      "Step 1, duration: too small or too short (at least 30)",
    ]);
    await input.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await page.getByText("The file is not JSON.", { exact: false }).waitFor();
    expect(await steps.count()).toBe(3);

    // A good file replaces the plan.
    const renamed = { ...parsed.plan, title: "Retro, imported", steps: parsed.plan.steps.slice(0, 2) };
    await input.setInputFiles({
      name: "retro.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ format: "yhteistila.plan", version: 1, plan: renamed })),
    });
    await page.getByRole("heading", { name: "Retro, imported" }).waitFor();
    await expect.poll(() => steps.count(), { timeout: 10_000 }).toBe(2);
    expect(await page.getByText("Plan imported: Retro, imported").count()).toBe(1);
    await screenshot(page, "method-facilitator-imported");
    expect(host.errors).toEqual([]);
    await host.context.close();
  }, 120_000);
});
