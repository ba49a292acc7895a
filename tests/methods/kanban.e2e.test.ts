import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { exportPlanFile } from "../../shared/methods/rules";
import { templatePlan } from "../../shared/methods/templates";
import { sendCommand } from "../../shared/protocol/send";
import { externalRequests, screenshot, withServerAndBrowser } from "../support/browser";
import { newVisitor, type Visitor, joinIn2d } from "../support/pages";
import { waitForState, type TestServer } from "../support/server";
import { act, boardWhere, decodedNotes, textsSeenBy } from "../support/boards";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

const stepIs = (visitor: Visitor, step: number) =>
  expect
    .poll(() => visitor.page.locator('[aria-current="step"]').getAttribute("data-step"), { timeout: 10_000 })
    .toBe(String(step));

describe("Lean Coffee through the UI", () => {
  it("shows the voted topics in three columns; the facilitator starts topics, a participant's thumbs extend one", async () => {
    const title = "Team morning";
    const session = await server.createSession(title);
    const host = await newVisitor(browser);
    await host.page.setViewportSize({ width: 1366, height: 800 });
    await joinIn2d(host, `${server.baseUrl}/s/${session.code}#host=${session.facilitatorSecret}`, "Fia", title);
    // The participant on a phone, in Finnish.
    const anna = await newVisitor(browser, "fi-FI", { phone: true });
    await joinIn2d(anna, `${server.baseUrl}/s/${session.code}`, "Anna", title);

    let n = 0;
    const plan = templatePlan("leanCoffee", "en", () => `s${++n}`);
    const page = host.page;
    await page.getByRole("tab", { name: "Method" }).click();
    await page.getByLabel("Import a plan (JSON)").setInputFiles({
      name: "leancoffee.json",
      mimeType: "application/json",
      buffer: Buffer.from(exportPlanFile(plan)),
    });
    await page.getByRole("heading", { name: plan.title }).waitFor();
    await page.getByRole("button", { name: "Start step 1" }).click();
    await stepIs(host, 0);

    // The topics are written and dot-voted on the board (the boards' own UI is tested elsewhere): a
    // colleague connected without a page writes and votes, a co-facilitator runs the vote.
    const dana = await server.join(session.code, { name: "Dana", personKey: "kanban-e2e-dana-0123456789" });
    const cofac = await server.join(session.code, { name: "Co", facilitatorSecret: session.facilitatorSecret });
    await waitForState(dana, () => [...dana.state.boards.values()].some((b) => b.title === "Topics"), 10_000);
    const [topics] = boardWhere(dana, (b) => b.title === "Topics");
    for (const text of ["Release dates", "Pairing", "Coffee machine"]) {
      await act(dana, "boards.addNote", { boardId: topics, text, color: 0 }, (r) => textsSeenBy(r).includes(text));
    }
    await page.getByRole("button", { name: "Next step" }).click();
    await stepIs(host, 1);
    await act(
      cofac,
      "boards.startVote",
      { boardId: topics, perPerson: 2, maxPerNote: 2, anonymous: false, durationSeconds: 0 },
      (r) => r.state.boards.get(topics)!.votes?.size === 1,
    );
    const voteId = [...cofac.state.boards.get(topics)!.votes.keys()][0]!;
    const pairing = decodedNotes(dana).find((note) => note.text === "Pairing")!.id;
    sendCommand(dana, "boards.dot", { voteId, noteId: pairing, delta: 1 });
    sendCommand(dana, "boards.dot", { voteId, noteId: pairing, delta: 1 });
    await waitForState(cofac, (s) => s.boards.get(topics)!.votes.get(voteId)!.voters === 1);

    // The discussion step: the board for everyone, the most voted topic first in To discuss.
    await page.getByRole("button", { name: "Next step" }).click();
    for (const visitor of [host, anna]) await visitor.page.getByTestId("kanban").waitFor({ timeout: 15_000 });
    const todo = (visitor: Visitor) => visitor.page.getByTestId("kanban-todo").getByTestId("kanban-topic");
    await expect.poll(() => todo(anna).allTextContents()).toHaveLength(3);
    expect((await todo(anna).allTextContents())[0]).toBe(`Pairing${anna.t("methods.kanban.votes", { count: 2 })}`);
    // A participant has no facilitator buttons, and no thumbs before a topic is discussed.
    expect(await anna.page.getByTestId("kanban-next").count()).toBe(0);
    expect(await anna.page.getByTestId("kanban-thumbs").count()).toBe(0);

    // The facilitator starts the first topic with the keyboard.
    await page.getByRole("button", { name: host.t("methods.kanban.startNext") }).focus();
    await page.keyboard.press("Enter");
    const doing = anna.page.getByTestId("kanban-doing");
    await doing.getByText("Pairing").waitFor({ timeout: 10_000 });

    // Anna shows a thumb up with the keyboard; the button says it is pressed, the host sees it counted.
    const up = anna.page.getByRole("button", { name: anna.t("methods.kanban.thumb.up") });
    await up.focus();
    await anna.page.keyboard.press("Enter");
    await expect.poll(() => up.getAttribute("aria-pressed"), { timeout: 10_000 }).toBe("true");
    expect(
      await anna.page.getByRole("button", { name: anna.t("methods.kanban.thumb.down") }).getAttribute("aria-pressed"),
    ).toBe("false");
    await expect
      .poll(() => page.getByTestId("kanban-tally").textContent(), { timeout: 10_000 })
      .toBe(host.t("methods.kanban.tally", { up: 1, sideways: 0, down: 0 }));
    // The topic's time is not up yet: no prompt to decide.
    expect(await anna.page.getByTestId("kanban-time-up").count()).toBe(0);
    // The phone's card fits its width: nothing runs off to the side.
    const width = await anna.page.getByTestId("kanban").evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(width[0]).toBeLessThanOrEqual(width[1]!);
    await screenshot(anna.page, "kanban-thumb-fi-390x844");
    await screenshot(page, "kanban-thumb-en-1366x800");

    // One thumb, and it is up: counting extends the topic and starts a fresh round of thumbs.
    await page.getByRole("button", { name: host.t("methods.kanban.count") }).click();
    await doing.getByText(anna.t("methods.kanban.extended", { n: 1 }), { exact: false }).waitFor({ timeout: 10_000 });
    await expect.poll(() => up.getAttribute("aria-pressed"), { timeout: 10_000 }).toBe("false");

    // Done moves it to Done; Start next takes the next topic.
    await page.getByRole("button", { name: host.t("methods.kanban.finish") }).click();
    await anna.page.getByTestId("kanban-done").getByText("Pairing").waitFor({ timeout: 10_000 });
    await page.getByRole("button", { name: host.t("methods.kanban.startNext") }).click();
    await doing.getByText("Release dates").waitFor({ timeout: 10_000 });
    await screenshot(anna.page, "kanban-next-fi-390x844");

    for (const visitor of [host, anna]) {
      expect(visitor.errors).toEqual([]);
      expect(externalRequests(visitor.requests)).toEqual([]);
    }
    await Promise.all([dana.leave(), cofac.leave(), host.context.close(), anna.context.close()]);
  });
});
