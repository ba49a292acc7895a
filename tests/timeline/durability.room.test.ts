import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CreateSessionResponse, TimelineResponse } from "../../shared/protocol";
import { prepareTimeline, stateAt } from "../../shared/timeline/replay";
import { boardsOf } from "../../shared/timeline/markers";
import { freePort, waitForState } from "../support/server";
import { startChildServer, type ChildServer } from "../support/child-server";
import { killTestStores } from "../support/postgres";
import { act, joinAt, textsSeenBy, wallBoardId } from "../support/boards";

const dataDir = mkdtempSync(join(tmpdir(), "yhteistila-timeline-kill-"));
let child: ChildServer | undefined;
afterAll(async () => {
  await child?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

const stores = killTestStores("t_tlkill");

describe.each(stores)("the timeline on %s, killed with SIGKILL mid-session", (_name, env) => {
  it("holds every note change anyone was shown, and is still switched on after the restart", async () => {
    await child?.kill();
    child = await startChildServer({ port: await freePort(), dataDir, env });
    const created = await fetch(`${child.baseUrl}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Power cut" }),
    });
    const session = (await created.json()) as CreateSessionResponse;
    const host = await joinAt(child.baseUrl, session.code, {
      name: "Host",
      facilitatorSecret: session.facilitatorSecret,
    });
    const anna = await joinAt(child.baseUrl, session.code, { name: "Anna" });
    await act(host, "timeline.set", { on: true }, (r) => r.state.timeline.on === true);
    const wall = wallBoardId(host);
    const texts = Array.from({ length: 8 }, (_, i) => `Idea ${i + 1}`);
    for (const text of texts) {
      await act(anna, "boards.addNote", { boardId: wall, text, color: 0 }, (r) => textsSeenBy(r).includes(text));
    }
    // The last note reached the facilitator's screen: the power goes at once.
    await waitForState(host, () => textsSeenBy(host).includes(texts.at(-1)!));
    await child.kill();

    child = await startChildServer({ port: await freePort(), dataDir, env });
    const response = await fetch(`${child.baseUrl}/api/sessions/${session.code}/timeline`, {
      headers: { authorization: `Bearer ${session.facilitatorSecret}` },
    });
    expect(response.status).toBe(200);
    const { items, on } = (await response.json()) as TimelineResponse;
    expect(on).toBe(true);
    const end = items.at(-1)!.at;
    const notes = boardsOf(stateAt(prepareTimeline(items), end)).flatMap((b) => b.notes.map((n) => n.text));
    expect(notes.sort()).toEqual([...texts].sort());
  });
});
