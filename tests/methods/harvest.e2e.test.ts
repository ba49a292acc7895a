import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { Browser } from "playwright-core";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import { waitForState, type SdkSessionRoom, type TestServer } from "../support/server";
import { act, decodedNotes, textsSeenBy, zoneBoardId } from "../support/boards";
import { where } from "../support/rooms";
import { toldAfter } from "../support/methods-server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

const notesOnScreen = (page: Page) => page.evaluate(() => window.yhteistila!.screenPoints("note:"));

describe("World Café's harvest wall in the 3D view", () => {
  it("stands in the plenary with every table's notes in a titled column, readable from the circle", async () => {
    const session = await server.createSession("Café");
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const names = ["Anna", "Ben", "Cai", "Dora", "Eino", "Fanni", "Gus"];
    const guests: SdkSessionRoom[] = [];
    for (const name of names) guests.push(await server.join(session.code, { name }));
    const paula = await newVisitor(browser);
    await paula.page.setViewportSize({ width: 1280, height: 720 });
    await joinSession(paula, `${server.baseUrl}/s/${session.code}`, "Paula");
    await paula.page.getByRole("button", { name: "Hide panels" }).click();
    await waitForState(host, (s) => s.people.size === names.length + 2);
    for (const room of [host, ...guests]) room.onMessage("methods.state", () => {});

    let n = 0;
    const plan = templatePlan("worldCafe", "en", () => `h${++n}`);
    // Three tables of about three for eight people.
    plan.steps = plan.steps.map((s) =>
      s.grouping.kind === "tables" ? { ...s, grouping: { ...s.grouping, size: 3 } } : s,
    );
    await toldAfter(
      host,
      () => sendCommand(host, "methods.plan.save", { plan }),
      (s) => s.plan !== null,
    );
    const stamps = () => [...host.state.zones.values()].map((z) => z.work.timer.stampedAt).join();
    for (let from = -1; from < 2; from++) {
      // The step has moved everyone when the zones' clocks are started again (the next rounds share a prompt).
      const before = stamps();
      await toldAfter(
        host,
        () => sendCommand(host, "methods.step.next", { from }),
        (s) => s.step === from + 1,
      );
      await waitForState(host, () => stamps() !== before);
      for (const guest of guests) {
        await waitForState(
          guest,
          () => where(guest).zone !== "" && where(guest).zone === where(host, guest.sessionId).zone,
        );
      }
      // Each guest writes one note per round on the tablecloth where they sit.
      for (const [i, guest] of guests.entries()) {
        const text = `${names[i]}, round ${from + 2}: ${["less paper", "one front desk", "open data", "a shared calendar"][(i + from + 1) % 4]}`;
        await act(
          guest,
          "boards.addNote",
          { boardId: zoneBoardId(guest, where(guest).zone), text, color: (i + from + 1) % 6 },
          (r) => textsSeenBy(r).includes(text),
        );
      }
    }
    await toldAfter(
      host,
      () => sendCommand(host, "methods.step.next", { from: 2 }),
      (s) => s.step === 3,
    );
    const wallId = async () => [...host.state.boards.entries()].find(([, b]) => b.title === plan.steps[3]!.title)?.[0];
    await expect.poll(wallId, { timeout: 10_000 }).toBeDefined();
    const wall = (await wallId())!;
    await waitForState(host, () => decodedNotes(host).filter((d) => d.boardId === wall).length === 21);

    // Paula stands at the plenary circle's far side, facing the wall.
    const room = server.app.services.rooms.get(session.code)!;
    const paulaId = [...room.state.people.entries()].find(([, p]) => p.name === "Paula")![0];
    room.placePerson(paulaId, 0, 2, Math.PI);
    await expect
      .poll(async () => (await notesOnScreen(paula.page)).filter((p) => p.inView).length, { timeout: 30_000 })
      .toBeGreaterThan(10);
    await screenshot(paula.page, "method-harvest-wall-1280x720");
    room.placePerson(paulaId, -2.5, 6.2, Math.PI);
    await expect
      .poll(async () => (await notesOnScreen(paula.page)).filter((p) => p.inView).length, { timeout: 30_000 })
      .toBeGreaterThan(3);
    await screenshot(paula.page, "method-harvest-wall-near-1280x720");
    await paula.page.setViewportSize({ width: 390, height: 844 });
    room.placePerson(paulaId, 0, 1, Math.PI);
    await expect
      .poll(async () => (await notesOnScreen(paula.page)).filter((p) => p.inView).length, { timeout: 30_000 })
      .toBeGreaterThan(3);
    await screenshot(paula.page, "method-harvest-wall-390x844");
    expect(externalRequests(paula.requests)).toEqual([]);
    expect(paula.errors).toEqual([]);
    await Promise.all([host.leave(), ...guests.map((g) => g.leave()), paula.context.close()]);
  }, 180_000);
});
