import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { templatePlan } from "../../shared/methods/templates";
import type { MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { LAB } from "../../shared/space/layout";
import { marketOf } from "../../server/methods/marketplace";
import { externalRequests, recordErrors, recordRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { joinSession, type Visitor } from "../support/pages";
import { nextMessage, type SdkSessionRoom, type TestServer } from "../support/server";
import { click, enterVR, installEmulatedQuest, pointController, setHeadset, xrFrames } from "../xr/support/iwer";
import { pressMenuButton } from "../xr/support/menu";
import { toHeadsetSpace } from "../xr/support/space";
import { translate } from "../../shared/i18n";
import type { Locale } from "../../shared/protocol/common";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

/** The headset's place in the test's room, looking straight ahead. */
const HEAD = { x: 0, y: 1.6, z: 0 };
const WALL = LAB.marketWall;
/** `distance` metres in front of the marketplace wall, `aside` to its side, facing its middle (yaw 0 looks along -z). */
function beforeWall(distance: number, aside = 0): { x: number; z: number; yaw: number } {
  const x = WALL.x + distance * Math.sin(WALL.yaw) + aside * Math.cos(WALL.yaw);
  const z = WALL.z + distance * Math.cos(WALL.yaw) - aside * Math.sin(WALL.yaw);
  return { x, z, yaw: Math.atan2(-(WALL.x - x), -(WALL.z - z)) };
}

/** A laptop-sized page (the size the screenshots are looked at), in its own browser profile. */
async function laptop(locale: string): Promise<Visitor> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale });
  const requests = recordRequests(context);
  const page = await context.newPage();
  const errors = recordErrors(page);
  const language = locale.slice(0, 2) as Locale;
  return { context, page, requests, errors, t: (key, params) => translate(language, key, params) };
}

/** Waits for the methods state this client is told next that satisfies `test`, after asking for it. */
function told(room: SdkSessionRoom, test: (state: MethodsState) => boolean): Promise<MethodsState> {
  const next = nextMessage<MethodsState>(room, "methods.state", 10_000, test);
  sendCommand(room, "methods.sync", {});
  return next;
}

/** A screenshot of the 3D view alone: the HTML cards over it hidden for that moment, to look at the wall. */
async function wallOnly(page: Page, name: string): Promise<void> {
  const style = await page.addStyleTag({ content: ".overlay, aside.panel { visibility: hidden !important; }" });
  await screenshot(page, name);
  await style.evaluate((node) => (node as HTMLStyleElement).remove());
}

const labels = (page: Page, prefix: string) => page.evaluate((p) => window.yhteistila!.labels(p), prefix);

/** Turns the headset at `head` towards the object `name`; returns where it is in the headset's space. */
async function lookAt(page: Page, name: string, head = HEAD): Promise<{ x: number; y: number; z: number }> {
  // Head straight ahead first: where things are in the headset's space is worked out from there.
  await setHeadset(page, head);
  await xrFrames(page, 3);
  const point = (await page.evaluate((n) => window.yhteistila!.screenPoints(n), name)).find((p) => p.name === name);
  expect(point, name).toBeDefined();
  const target = await toHeadsetSpace(page, point!.world, head);
  const yaw = Math.atan2(-(target.x - head.x), -(target.z - head.z));
  const pitch = Math.atan2(target.y - head.y, Math.hypot(target.x - head.x, target.z - head.z));
  await setHeadset(page, head, yaw, pitch);
  return target;
}

/**
 * Aims the right controller at the object `name` and pulls the trigger until `done` holds (a loaded
 * machine can stretch one emulated frame past the click window: a person would pull again).
 */
async function pullAtIn(page: Page, name: string, done: () => boolean | Promise<boolean>, shot?: string) {
  for (let attempt = 1; ; attempt++) {
    const target = await lookAt(page, name);
    await pointController(page, "right", { x: 0.2, y: 1.3, z: -0.3 }, target);
    await xrFrames(page, 3);
    if (shot && attempt === 1) await screenshot(page, shot);
    await click(page, "right", "trigger");
    try {
      await expect.poll(done, { timeout: 4_000 }).toBe(true);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Presses a button of an in-VR panel until `done` holds (as pullAtIn, for the same reason). */
async function pressUntil(page: Page, id: string, done: () => Promise<boolean>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await pressMenuButton(page, HEAD, id, { screenshot: false });
    try {
      await expect.poll(done, { timeout: 4_000 }).toBe(true);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

const xrState = (page: Page) => page.evaluate(() => window.yhteistila!.xr!.state());

describe("Open Space's marketplace wall in the room", () => {
  it("a person in a headset reads the grid, goes to a topic's zone and takes its notes; a laptop sees it", async () => {
    const session = await server.createSession("Open Space wall");
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const room = server.app.services.rooms.get(session.code)!;
    const anna = await server.join(session.code, { name: "Anna" });
    let n = 0;
    const saved = told(host, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan: templatePlan("openSpace", "en", () => `s${++n}`) });
    await saved;
    sendCommand(host, "methods.step.next", { from: -1 });
    await told(host, (s) => s.step === 0);
    sendCommand(host, "methods.step.next", { from: 0 });
    const grid = (await told(anna, (s) => s.market !== null)).market!;
    // The zone north-east of the plenary: one hop from in front of the wall.
    const states = room.state.zones;
    const east = grid.zones.find((z) => {
      const zone = states.get(z.id)!;
      return zone.x > 0 && zone.z < 0;
    })!;
    const west = grid.zones.find((z) => states.get(z.id)!.x < 0)!;
    sendCommand(anna, "methods.market.post", { slot: 0, zone: east.id, title: "Open city data" });
    const posted = await told(anna, (s) => s.market?.topics.length === 1);
    sendCommand(host, "methods.market.post", { slot: 1, zone: west.id, title: "Yhteinen kaupunkipuutarha" });
    await told(host, (s) => s.market?.topics.length === 2);
    const topic = posted.market!.topics[0]!.id;
    // Slot 1 runs: Anna's topic is on now.
    sendCommand(host, "methods.step.next", { from: 1 });
    await told(host, (s) => s.market?.slot === 0);

    // Ben watches on a laptop in Finnish, standing in front of the wall too.
    const ben = await laptop("fi-FI");
    await joinSession(ben, `${server.baseUrl}/s/${session.code}`, "Ben").catch(async (e) => {
      console.log("DEBUG errors", ben.errors);
      await screenshot(ben.page, "debug-ben");
      throw e;
    });
    const vera = await laptop("en-GB");
    await installEmulatedQuest(vera.page);
    await joinSession(vera, `${server.baseUrl}/s/${session.code}`, "Vera");
    const idOf = (name: string) => [...room.state.people.entries()].find(([, p]) => p.name === name)![0];
    const veraId = idOf("Vera");
    const place = (id: string, at: { x: number; z: number; yaw: number }) => room.placePerson(id, at.x, at.z, at.yaw);
    place(idOf("Ben"), beforeWall(3.5, 1.2));
    place(veraId, beforeWall(3, -0.6));
    for (const page of [ben.page, vera.page]) {
      await expect.poll(() => labels(page, "market-topic:"), { timeout: 20_000 }).toContain("Open city data");
    }
    // The wall says in each one's language who convenes what, and what runs now.
    expect(await labels(ben.page, "market-wall")).toEqual(
      expect.arrayContaining([ben.t("methods.market.title"), ben.t("methods.market.slotNow", { n: 1 })]),
    );
    expect((await labels(vera.page, `market-topic:${topic}`)).join("\n")).toContain(
      vera.t("methods.market.convener", { name: "Anna" }),
    );
    for (const [visitor, name] of [
      [ben, "market-wall-fi-1366x800"],
      [vera, "market-wall-en-1366x800"],
    ] as const) {
      await screenshot(visitor.page, name);
      await wallOnly(visitor.page, `${name}-wall-only`);
    }

    // Vera puts her headset on: no HTML any more, the wall is all there is.
    await enterVR(vera.page, HEAD);

    const pullAt = (name: string, done: () => boolean | Promise<boolean>, shot?: string) =>
      pullAtIn(vera.page, name, done, shot);

    // "Go there" under Anna's topic hops her into its zone (the server checks the hop).
    await pullAt(`market-go:${topic}`, () => room.state.people.get(veraId)!.zone === east.id, "market-wall-vr");
    // By the zone's own sign she takes over the topic's notes.
    await expect
      .poll(async () => (await vera.page.evaluate(() => window.yhteistila!.screenPoints("market-zone-take:"))).length, {
        timeout: 10_000,
      })
      .toBe(1);
    await pullAt(
      `market-zone-take:${topic}`,
      () => marketOf(room)?.topics.find((t) => t.id === topic)?.noteTakerName === "Vera",
      "market-zone-sign-vr",
    );
    await screenshot(vera.page, "market-zone-sign-vr-taken");

    // Ben's card and Ben's wall both name her; Anna is told too.
    await ben.page.getByText(ben.t("methods.market.noteTaker", { name: "Vera" })).waitFor({ timeout: 10_000 });
    await expect
      .poll(async () => (await labels(ben.page, `market-topic:${topic}`)).join("\n"), { timeout: 10_000 })
      .toContain(ben.t("methods.market.noteTaker", { name: "Vera" }));
    const annaView = await told(anna, (s) => s.market?.topics[0]?.noteTaker === "Vera");
    expect(annaView.market!.topics[0]!.taking).toBe(false);
    await screenshot(ben.page, "market-wall-fi-1366x800-taken");

    // What the wall costs from in front of it, against from far off (below).
    const calls = async () => {
      await ben.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      return (await ben.page.evaluate(() => window.yhteistila!.renderInfo())).calls;
    };
    const near = await calls();

    // On the laptop the same wall is pointed at with the mouse: turned a little to the left (so the
    // wall stands between the cards and the side panel), Ben clicks Go there and walks into the zone.
    const benId = idOf("Ben");
    const turned = beforeWall(3.5, 1.2);
    place(benId, { ...turned, yaw: turned.yaw + 0.6 });
    const go = async () =>
      (await ben.page.evaluate((n) => window.yhteistila!.screenPoints(n), `market-go:${topic}`))[0] ?? null;
    await expect
      .poll(async () => {
        const point = await go();
        return point !== null && point.inView && point.x > 640 && point.x < 920;
      })
      .toBe(true);
    await screenshot(ben.page, "market-wall-fi-1366x800-go");
    const point = (await go())!;
    await ben.page.mouse.click(point.x, point.y);
    await expect.poll(() => room.state.people.get(benId)!.zone, { timeout: 20_000 }).toBe(east.id);

    // Far off, the wall keeps its heading and drops the grid's texts: fewer draw calls.
    place(benId, beforeWall(16));
    await expect
      .poll(async () => {
        const self = await ben.page.evaluate(() => window.yhteistila!.self());
        return Math.hypot(self.x - WALL.x, self.z - WALL.z);
      })
      .toBeGreaterThan(15);
    await expect.poll(calls, { timeout: 10_000 }).toBeLessThan(near);
    console.log(`market wall: ${near} draw calls from 3.5 m, ${await calls()} from 16 m`);
    await wallOnly(ben.page, "market-wall-fi-1366x800-far");

    for (const visitor of [ben, vera]) {
      expect(externalRequests(visitor.requests)).toEqual([]);
      expect(visitor.errors).toEqual([]);
    }
    await host.leave();
    await anna.leave();
    await Promise.all([ben.context.close(), vera.context.close()]);
  }, 240_000);

  it("a facilitator in a headset posts a topic through the wall's keyboard, moves it, names its note-taker, and reads a refusal on the wall", async () => {
    const session = await server.createSession("Open Space wall in VR");
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const room = server.app.services.rooms.get(session.code)!;
    const anna = await server.join(session.code, { name: "Anna" });
    let n = 0;
    const saved = told(host, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan: templatePlan("openSpace", "en", () => `s${++n}`) });
    await saved;
    sendCommand(host, "methods.step.next", { from: -1 });
    await told(host, (s) => s.step === 0);
    sendCommand(host, "methods.step.next", { from: 0 });
    const grid = (await told(anna, (s) => s.market !== null)).market!;
    const [first, second] = grid.zones;
    sendCommand(anna, "methods.market.post", { slot: 0, zone: second!.id, title: "Open city data" });
    await told(anna, (s) => s.market?.topics.length === 1);

    // Vera co-facilitates from a headset, in front of the wall: the posting step, no keyboard at hand.
    const vera = await laptop("en-GB");
    await installEmulatedQuest(vera.page);
    await joinSession(vera, `${server.baseUrl}/s/${session.code}#host=${session.facilitatorSecret}`, "Vera");
    const veraId = [...room.state.people.entries()].find(([, p]) => p.name === "Vera")![0];
    const at = beforeWall(3, -0.6);
    room.placePerson(veraId, at.x, at.z, at.yaw);
    await expect.poll(() => labels(vera.page, "market-topic:"), { timeout: 20_000 }).toContain("Open city data");
    await enterVR(vera.page, HEAD);
    const pullAt = (name: string, done: () => boolean | Promise<boolean>, shot?: string) =>
      pullAtIn(vera.page, name, done, shot);
    const topicDraft = async () => (await xrState(vera.page)).topicDraft;
    const typeOn = async (keys: [string, string][]) => {
      for (const [key, text] of keys)
        await pressUntil(vera.page, `market.key.${key}`, async () => (await topicDraft()) === text);
    };
    const market = () => marketOf(room)!;

    // A free cell's "Post here" opens the keyboard; "K o t a" and Post the topic.
    await expect
      .poll(async () => (await vera.page.evaluate(() => window.yhteistila!.screenPoints("market-cell:"))).length, {
        timeout: 10_000,
      })
      .toBe(grid.slots * grid.zones.length - 1);
    await pullAt(`market-cell:0:${first!.id}`, async () => (await topicDraft()) === "", "vrmarket-wall-free-cells");
    await typeOn([
      ["k", "K"],
      ["o", "Ko"],
      ["t", "Kot"],
      ["a", "Kota"],
    ]);
    // Both controllers lowered out of the way, still aiming at the keyboard, for the picture.
    const submitAt = (await vera.page.evaluate(() => window.yhteistila!.xr!.menuButton("market.submit")))!;
    await pointController(
      vera.page,
      "right",
      { x: submitAt.x + 0.25, y: submitAt.y - 0.3, z: submitAt.z + 0.2 },
      submitAt,
    );
    await pointController(
      vera.page,
      "left",
      { x: submitAt.x - 0.6, y: submitAt.y - 0.3, z: submitAt.z + 0.2 },
      submitAt,
    );
    await xrFrames(vera.page, 3);
    await screenshot(vera.page, "vrmarket-keyboard");
    await pressUntil(vera.page, "market.submit", async () => (await topicDraft()) === null);
    await expect
      .poll(() => market().topics.find((t) => t.title === "Kota")?.convenerName, { timeout: 10_000 })
      .toBe("Vera");
    const kota = market().topics.find((t) => t.title === "Kota")!;
    expect({ slot: kota.slot, zone: kota.zone }).toEqual({ slot: 0, zone: first!.id });
    await expect.poll(() => labels(vera.page, `market-topic:${kota.id}`), { timeout: 10_000 }).toContain("Kota");

    // "Move", then another free cell's "Move here": the topic goes to slot 3.
    await pullAt(`market-move:${kota.id}`, async () =>
      (await labels(vera.page, "market-cell:")).includes(vera.t("methods.market.moveHere")),
    );
    await screenshot(vera.page, "vrmarket-moving");
    await pullAt(`market-cell:2:${first!.id}`, () => market().topics.find((t) => t.id === kota.id)?.slot === 2);

    // "Note-taker…" lists the participants here; Anna takes the notes.
    await pullAt(
      `market-taker:${kota.id}`,
      async () => (await vera.page.evaluate(() => window.yhteistila!.xr!.menuButton("market.cancel"))) !== null,
    );
    await xrFrames(vera.page, 3);
    await screenshot(vera.page, "vrmarket-taker-list");
    const annaId = [...room.state.people.entries()].find(([, p]) => p.name === "Anna")![0];
    await pressUntil(
      vera.page,
      `market.taker.${annaId}`,
      async () => market().topics.find((t) => t.id === kota.id)?.noteTakerName === "Anna",
    );

    // Vera starts a topic in slot 2, B; Anna posts there first. The post is refused, and the wall says why.
    await pullAt(`market-cell:1:${second!.id}`, async () => (await topicDraft()) === "");
    await typeOn([
      ["o", "O"],
      ["k", "Ok"],
    ]);
    sendCommand(anna, "methods.market.post", { slot: 1, zone: second!.id, title: "Kahvi" });
    await told(anna, (s) => s.market?.topics.some((t) => t.title === "Kahvi") === true);
    await pressUntil(vera.page, "market.submit", async () => (await topicDraft()) === null);
    const reason = vera.t("methods.market.taken");
    await expect.poll(() => labels(vera.page, "market-wall-refused"), { timeout: 5_000 }).toEqual([reason]);
    expect(market().topics.filter((t) => t.title === "Ok")).toEqual([]);
    await lookAt(vera.page, "market-wall-refused");
    await xrFrames(vera.page, 3);
    await screenshot(vera.page, "vrmarket-refused");
    // A few seconds later the line has gone; the next keyboard starts with the refused title.
    await expect.poll(() => labels(vera.page, "market-wall-refused"), { timeout: 15_000 }).toEqual([]);
    await pullAt(`market-cell:1:${first!.id}`, async () => (await topicDraft()) === "Ok");
    await pressUntil(vera.page, "market.cancel", async () => (await topicDraft()) === null);

    expect(externalRequests(vera.requests)).toEqual([]);
    expect(vera.errors).toEqual([]);
    await host.leave();
    await anna.leave();
    await vera.context.close();
  }, 300_000);
});
