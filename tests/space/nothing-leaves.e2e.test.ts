import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { joinSession, newVisitor } from "../support/pages";
import { act, decodedNotes, wallBoardId } from "../support/boards";
import type { TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

// troika-three-text fetches a fallback font from a CDN for any character its fonts lack, and
// @react-three/xr loads controller and hand models from one unless told otherwise: text our fonts do
// not cover must still be drawn without a single request off the host.
describe("nothing leaves the host", () => {
  it("draws names and notes in scripts and emoji our fonts lack without fetching anything from elsewhere", async () => {
    const session = await server.createSession("会议 🎉");
    const host = await server.join(session.code, { name: "美玲 🙂", facilitatorSecret: session.facilitatorSecret });
    const wall = wallBoardId(host);
    await act(host, "boards.addNote", { boardId: wall, text: "共同の日程 ✨ 한국어", color: 0 }, () =>
      decodedNotes(host).some((n) => n.text.startsWith("共同")),
    );

    const visitor = await newVisitor(browser);
    await joinSession(visitor, `${server.baseUrl}/s/${session.code}`, "Ilmari");
    // The note is typeset (with "?" for what no font of ours has) once the wall is in range.
    await visitor.page.waitForFunction(() => window.yhteistila!.boardNotes().length === 1, undefined, {
      timeout: 30_000,
    });
    expect(await visitor.page.evaluate(() => window.yhteistila!.boardNotes()[0])).toMatch(/^\?/);
    // Every text troika has been given is typeset (any font it wanted fetched) before requests are counted.
    await visitor.page.waitForFunction(() => window.yhteistila!.textsTypesetting() === 0, undefined, {
      timeout: 30_000,
    });
    await screenshot(visitor.page, "nothing-leaves-uncovered-text");
    expect(externalRequests(visitor.requests)).toEqual([]);
    expect(visitor.errors).toEqual([]);
    await host.leave();
    await visitor.context.close();
  });
});
