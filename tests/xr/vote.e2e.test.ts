import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { screenshot, withServerAndBrowser } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import { waitForState, type TestServer } from "../support/server";
import { act, decodedNotes, wallBoardId } from "../support/boards";
import { click, enterVR, installEmulatedQuest, pointController, setHeadset, xrFrames } from "./support/iwer";
import { pressMenuButton } from "./support/menu";
import { toHeadsetSpace } from "./support/space";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

/** The headset's place in the test's room, looking straight ahead. */
const HEAD = { x: 0, y: 1.6, z: 0 };

describe("dot voting in VR", () => {
  it("a participant in a headset gives a note a dot with the controller's ray and trigger, and takes it back", async () => {
    const session = await server.createSession("Vote in VR");
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const wall = wallBoardId(host);
    for (const [text, x] of [
      ["Alpha", 420],
      ["Beta", 540],
    ] as const) {
      await act(host, "boards.addNote", { boardId: wall, text, color: 0, x, y: 105 }, () =>
        decodedNotes(host).some((n) => n.text === text),
      );
    }
    await act(
      host,
      "boards.startVote",
      { boardId: wall, perPerson: 3, maxPerNote: 1, anonymous: true, durationSeconds: 0 },
      (r) => r.state.boards.get(wall)!.votes?.size === 1,
    );
    const voteId = [...host.state.boards.get(wall)!.votes.keys()][0]!;
    const beta = decodedNotes(host).find((n) => n.text === "Beta")!.id;

    const vera = await newVisitor(browser);
    await installEmulatedQuest(vera.page);
    await joinSession(vera, `${server.baseUrl}/s/${session.code}`, "Vera");
    const room = server.app.services.rooms.get(session.code)!;
    const veraId = [...room.state.people.entries()].find(([, p]) => p.name === "Vera")![0];
    // Three metres in front of the note wall, facing it.
    room.placePerson(veraId, 0.5, 12.8, Math.PI);
    await expect.poll(async () => (await vera.page.evaluate(() => window.yhteistila!.self())).z).toBeCloseTo(12.8, 1);
    await enterVR(vera.page, HEAD);

    // The board itself says how many dots she has left: the HTML card is not drawn in a headset.
    const status = () => vera.page.evaluate((id) => window.yhteistila!.labels(`board-status:${id}`).join(), wall);
    await expect.poll(status, { timeout: 10_000 }).toContain("3 dots left");

    const dots = () => {
      const mine = room.state.boardsMine.get(veraId);
      return mine?.dots.get(`${voteId}/${beta}`) ?? 0;
    };
    /**
     * Aims the right controller at Beta and pulls the trigger until the server holds `expected` dots
     * on it (a loaded machine can stretch one emulated frame past the click window: a person would
     * simply pull again).
     */
    const pullAtBeta = async (expected: number) => {
      for (let attempt = 1; ; attempt++) {
        const note = (await vera.page.evaluate(() => window.yhteistila!.screenPoints("note:"))).find(
          (p) => p.name === `note:${beta}`,
        )!;
        const target = await toHeadsetSpace(vera.page, note.world, HEAD);
        await pointController(vera.page, "right", { x: 0.2, y: 1.3, z: -0.3 }, target);
        await xrFrames(vera.page, 3);
        await click(vera.page, "right", "trigger");
        try {
          await expect.poll(dots, { timeout: 4_000 }).toBe(expected);
          return;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
    };

    await pullAtBeta(1);
    await expect.poll(status, { timeout: 10_000 }).toContain("2 dots left");
    await expect.poll(() => vera.page.evaluate(() => window.yhteistila!.labels("my-dots"))).toEqual(["1"]);
    await screenshot(vera.page, "vr-vote-dot");
    // The trigger on the same note again takes the dot back; no note editor opened in between.
    await pullAtBeta(0);
    expect(await vera.page.evaluate(() => window.yhteistila!.xr!.state().noteDraft)).toBeNull();
    await waitForState(host, (s) => s.boards.get(wall)!.votes.get(voteId)!.voters === 0, 10_000);

    // Across the room with her back to the wall, "Show the board" in the menu (the HTML vote card is
    // not drawn in a headset) hops her in front of it, facing it: Beta is in view again.
    room.placePerson(veraId, -3, 4, 0);
    await expect.poll(async () => (await vera.page.evaluate(() => window.yhteistila!.self())).z).toBeCloseTo(4, 1);
    // She has turned round in her real room, away from the wall.
    await setHeadset(vera.page, HEAD, Math.PI);
    const betaInView = async () =>
      (await vera.page.evaluate(() => window.yhteistila!.screenPoints("note:"))).find((p) => p.name === `note:${beta}`)
        ?.inView ?? false;
    await xrFrames(vera.page, 3);
    expect(await betaInView()).toBe(false);
    await click(vera.page, "left", "y-button");
    await expect
      .poll(() => vera.page.evaluate(() => window.yhteistila!.xr!.state().menuOpen), { timeout: 5_000 })
      .toBe(true);
    const head = await pressMenuButton(vera.page, HEAD, `vote.show.${wall}`);
    await expect
      .poll(async () => (await vera.page.evaluate(() => window.yhteistila!.self())).z, { timeout: 10_000 })
      .toBeGreaterThan(10);
    // Eyes up from the menu, head where it was: the hop turned her body to the board.
    await setHeadset(vera.page, HEAD, head.yaw, 0);
    await expect
      .poll(
        async () => {
          await xrFrames(vera.page, 2);
          return betaInView();
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    // The server followed the hop, so others see her at the board.
    await expect.poll(() => room.state.people.get(veraId)!.pose.z, { timeout: 10_000 }).toBeGreaterThan(1000);
    await screenshot(vera.page, "vr-vote-show-board");
    expect(vera.errors).toEqual([]);
    await host.leave();
    await vera.context.close();
  });
});
