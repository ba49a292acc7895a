import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { screenshot, withServerAndBrowser } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import { nextMessage, type TestServer } from "../support/server";
import { decodedNotes, writeNote } from "../support/boards";
import { stepTo } from "../support/methods-server";
import { click, enterVR, installEmulatedQuest, pointController, setHeadset, xrFrames } from "./support/iwer";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

type Vec3 = { x: number; y: number; z: number };

/** The headset's place in the test's room, looking straight ahead. */
const HEAD = { x: 0, y: 1.6, z: 0 };

/** A point of the lab in the headset's own coordinates (as in tests/xr/vote.e2e.test.ts). */
async function toHeadsetSpace(page: Page, world: Vec3): Promise<Vec3> {
  const self = await page.evaluate(() => window.yhteistila!.self());
  const cos = Math.cos(self.yaw);
  const sin = Math.sin(self.yaw);
  const origin = { x: self.x - (HEAD.x * cos + HEAD.z * sin), z: self.z - (-HEAD.x * sin + HEAD.z * cos) };
  const dx = world.x - origin.x;
  const dz = world.z - origin.z;
  return { x: dx * cos - dz * sin, y: world.y, z: dx * sin + dz * cos };
}

describe("TRIZ's note actions in VR", () => {
  it("a participant in a headset tags a worst-list note and takes an action on with the controller's ray", async () => {
    const title = "TRIZ in VR";
    const session = await server.createSession(title);
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Fia" });
    const ben = await server.join(session.code, { name: "Ben" });
    const vera = await newVisitor(browser);
    await installEmulatedQuest(vera.page);
    await joinSession(vera, `${server.baseUrl}/s/${session.code}`, "Vera");
    const room = server.app.services.rooms.get(session.code)!;
    const veraId = [...room.state.people.entries()].find(([, p]) => p.name === "Vera")![0];

    let n = 0;
    const saved = nextMessage<MethodsState>(host, "methods.state", 10_000, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan: templatePlan("triz", "en", () => `t${++n}`) });
    await saved;
    let state: MethodsState | null = null;
    for (let step = 0; step <= 3; step++) state = await stepTo(host, step);
    const ship = await writeNote(ben, state!.stages!.current[0]!, "Ship on Fridays");
    await stepTo(host, 4);

    /** 1.6 m in front of a note, facing its board (as tests/methods/stages3d.e2e.test.ts). */
    const standBefore = async (noteId: string) => {
      const note = decodedNotes(ben).find((x) => x.id === noteId)!;
      const board = ben.state.boards.get(note.boardId)!;
      const yaw = (board.yaw * Math.PI) / 180;
      const along = (note.x - board.width / 2) / 100;
      const x = board.x / 100 + along * Math.cos(yaw) + 1.6 * Math.sin(yaw);
      const z = board.z / 100 - along * Math.sin(yaw) + 1.6 * Math.cos(yaw);
      room.placePerson(veraId, x, z, yaw);
      await expect.poll(async () => (await vera.page.evaluate(() => window.yhteistila!.self())).z).toBeCloseTo(z, 1);
    };
    await standBefore(ship);
    await enterVR(vera.page, HEAD);

    /**
     * Aims the right controller at a toggle and pulls the trigger until `done` (a loaded machine can
     * stretch one emulated frame past the click window: a person would simply pull again).
     */
    const pullAt = async (name: string, done: () => Promise<boolean>) => {
      for (let attempt = 1; ; attempt++) {
        const point = (await vera.page.evaluate((p) => window.yhteistila!.screenPoints(p), name)).find(
          (p) => p.name === name,
        )!;
        await pointController(
          vera.page,
          "right",
          { x: 0.2, y: 1.3, z: -0.3 },
          await toHeadsetSpace(vera.page, point.world),
        );
        await xrFrames(vera.page, 3);
        await click(vera.page, "right", "trigger");
        try {
          await expect.poll(done, { timeout: 4_000 }).toBe(true);
          return;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
    };
    // The facilitator's client is told of the mark, as everyone is.
    let told: MethodsState | null = null;
    host.onMessage("methods.state", (s: MethodsState) => (told = s));
    await pullAt(`stage-tag:${ship}`, async () => told?.stages?.tags.includes(ship) ?? false);
    await expect
      .poll(() => vera.page.evaluate((id) => window.yhteistila!.labels(`note:${id}`), ship))
      .toContain("Ben · We already do this");
    // The trigger opened no note editor (the note is Ben's, and the board is read-only).
    expect(await vera.page.evaluate(() => window.yhteistila!.xr!.state().noteDraft)).toBeNull();
    await screenshot(vera.page, "vr-stages-tagged");

    // The last step: Vera takes an action on from her headset.
    for (let step = 5; step <= 11; step++) state = await stepTo(host, step);
    const panel = await writeNote(ben, state!.stages!.current[0]!, "Monthly user panel");
    await standBefore(panel);
    await xrFrames(vera.page, 3);
    await pullAt(`stage-own:${panel}`, async () => (told?.stages?.owners[panel] ?? "") === "Vera");
    await expect
      .poll(() => vera.page.evaluate((id) => window.yhteistila!.labels(`note:${id}`), panel))
      .toContain("Ben · Owner: Vera");
    // A hop keeps the way her body faced (the app turns nobody in VR): she turns her head to the board.
    const board = ben.state.boards.get(state!.stages!.current[0]!)!;
    const body = (await vera.page.evaluate(() => window.yhteistila!.self())).yaw;
    await setHeadset(vera.page, HEAD, (board.yaw * Math.PI) / 180 - body);
    await xrFrames(vera.page, 3);
    await screenshot(vera.page, "vr-stages-owner");
    expect(vera.errors).toEqual([]);
    await Promise.all([host.leave(), ben.leave()]);
    await vera.context.close();
  }, 180_000);
});
