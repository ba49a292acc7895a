import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { LAB } from "../../shared/space/layout";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import { waitForState, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

/** Where a name tag is drawn: above the head (client/avatars/name-tags.ts puts it 0.24 m above the eyes). */
const TAG_ABOVE_HEAD_M = 0.3;

describe("summoning from the browser", () => {
  it("brings everyone to the facilitator in an arc that faces them and leaves the screen in view", async () => {
    const session = await server.createSession("Summon");
    const guests = await Promise.all(
      Array.from({ length: 8 }, (_, i) => server.join(session.code, { name: `Guest ${i + 1}` })),
    );
    const host = await newVisitor(browser);
    const anna = await newVisitor(browser);
    await joinSession(host, `${server.baseUrl}/s/${session.code}#host=${session.facilitatorSecret}`, "Fia");
    await joinSession(anna, `${server.baseUrl}/s/${session.code}`, "Anna");
    await waitForState(guests[0]!, (s) => s.people.size === 10, 10_000);

    const page = host.page;
    await page.getByRole("tab", { name: "Facilitate" }).click();
    await page.getByRole("button", { name: "Summon everyone to me" }).click();

    // Anna's own view is moved: away from the facilitator's face, turned towards them.
    const leader = await page.evaluate(() => window.yhteistila!.self());
    await expect
      .poll(
        async () => {
          const me = await anna.page.evaluate(() => window.yhteistila!.self());
          return Math.hypot(me.x - leader.x, me.z - leader.z);
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(1.49);
    await expect
      .poll(
        async () => {
          const me = await anna.page.evaluate(() => window.yhteistila!.self());
          const to = { x: leader.x - me.x, z: leader.z - me.z };
          // Yaw 0 looks towards -z.
          return (-Math.sin(me.yaw) * to.x - Math.cos(me.yaw) * to.z) / Math.hypot(to.x, to.z);
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0.95);

    // From the facilitator's own view, no one's head or name tag is drawn over the presentation screen.
    await expect
      .poll(() => page.evaluate(() => window.yhteistila!.avatarParts().heads.length), { timeout: 15_000 })
      .toBe(9);
    const { screen } = LAB;
    const corners = [
      { x: screen.x - screen.width / 2, y: screen.bottom, z: screen.z },
      { x: screen.x + screen.width / 2, y: screen.bottom + screen.height, z: screen.z },
    ];
    // The facilitator looks at the stage: otherwise an empty screen region would prove nothing.
    const screenSeen = await page.evaluate(
      () => window.yhteistila!.screenPoints("screen").find((p) => p.name === "screen")?.inView,
    );
    expect(screenSeen).toBe(true);
    await expect
      .poll(
        () =>
          page.evaluate(
            ({ corners, above }) => {
              const view = window.yhteistila!;
              const [a, b] = view.project(corners);
              const box = { left: Math.min(a!.x, b!.x), right: Math.max(a!.x, b!.x) };
              const top = Math.min(a!.y, b!.y);
              const bottom = Math.max(a!.y, b!.y);
              const heads = view.avatarParts().heads;
              const marks = view.project(heads.flatMap((h) => [h, { ...h, y: h.y + above }]));
              return marks.filter((m) => m.inView && m.x > box.left && m.x < box.right && m.y > top && m.y < bottom)
                .length;
            },
            { corners, above: TAG_ABOVE_HEAD_M },
          ),
        { timeout: 15_000 },
      )
      .toBe(0);
    for (const visitor of [host, anna]) {
      await visitor.page.getByRole("button", { name: "Hide panels" }).click();
      await visitor.page.setViewportSize({ width: 1280, height: 720 });
    }
    await screenshot(page, "summon-facilitator-view");
    await screenshot(anna.page, "summon-participant-view");

    expect(externalRequests(host.requests)).toEqual([]);
    expect(host.errors).toEqual([]);
    expect(anna.errors).toEqual([]);
    await Promise.all(guests.map((g) => g.leave()));
    await host.context.close();
    await anna.context.close();
  });
});
