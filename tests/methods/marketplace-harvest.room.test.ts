import { describe, expect, it } from "vitest";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { waitForState, type SdkSessionRoom } from "../support/server";
import { hostAndGuests, useTestServer } from "../support/rooms";
import { act, decodedNotes, textsSeenBy, zoneBoardId } from "../support/boards";
import { toldAfter } from "../support/methods-server";

/** Open Space's close on a real server: each topic's session notes gathered under its topic and note-taker. */

const server = useTestServer();

const next = (host: SdkSessionRoom, from: number) =>
  toldAfter(
    host,
    () => sendCommand(host, "methods.step.next", { from }),
    (s) => s.step === from + 1,
  );

describe("Open Space harvest", () => {
  it("gathers each topic's zone notes from its own slot, titled by zone, topic and note-taker", async () => {
    const { host, guests } = await hostAndGuests(server, ["Anna", "Ben"]);
    const [anna, ben] = guests as [SdkSessionRoom, SdkSessionRoom];
    for (const room of [host, ...guests]) room.onMessage("methods.state", () => {});
    let n = 0;
    const plan = templatePlan("openSpace", "en", () => `o${++n}`);
    await toldAfter(
      host,
      () => sendCommand(host, "methods.plan.save", { plan }),
      (s) => s.plan !== null,
    );
    await next(host, -1);
    const grid = (await next(host, 0)).market!;
    const [zA, zB] = grid.zones.map((z) => z.id) as [string, string];
    await toldAfter(
      host,
      () => sendCommand(anna, "methods.market.post", { slot: 0, zone: zA, title: "Open data" }),
      (s) => s.market?.topics.length === 1,
    );
    await toldAfter(
      host,
      () => sendCommand(ben, "methods.market.post", { slot: 1, zone: zB, title: "Rails" }),
      (s) => s.market?.topics.length === 2,
    );

    // Slot 1: zone A's task is its topic (nobody recalled), and a note goes on its board.
    await next(host, 1);
    await waitForState(host, (s) => s.zones.get(zA)!.work.task === "Open data");
    expect(host.state.zones.get(zB)!.work.task).toBe("");
    const note = (text: string, zone: string) =>
      act(host, "boards.addNote", { boardId: zoneBoardId(host, zone), text, color: 0 }, (r) =>
        textsSeenBy(r).includes(text),
      );
    await note("slot 1 on A", zA);
    // Slot 2: zone B runs Rails; a note on A now belongs to no topic.
    await next(host, 2);
    await waitForState(host, (s) => s.zones.get(zB)!.work.task === "Rails" && s.zones.get(zA)!.work.task === "");
    await note("slot 2 on B", zB);
    await note("slot 2 on A", zA);
    await next(host, 3);
    await next(host, 4);

    const harvestTitle = plan.steps[5]!.title;
    await waitForState(host, (s) => [...s.boards.values()].some((b) => b.title === harvestTitle));
    const wallId = [...host.state.boards.entries()].find(([, b]) => b.title === harvestTitle)![0];
    const wall = host.state.boards.get(wallId)!;
    const columns = new Map([...wall.clusters.entries()].map(([id, c]) => [id, c.title]));
    expect([...columns.values()].sort()).toEqual(["A · Open data · Anna", "B · Rails · Ben"]);
    await waitForState(host, () => decodedNotes(host).filter((x) => x.boardId === wallId).length === 2);
    const onWall = decodedNotes(host).filter((x) => x.boardId === wallId);
    expect(onWall.map((x) => `${x.text} → ${columns.get(x.clusterId)}`).sort()).toEqual([
      "slot 1 on A → A · Open data · Anna",
      "slot 2 on B → B · Rails · Ben",
    ]);
    // The marketplace is closed at the harvest: its zones no longer carry topics.
    expect(host.state.zones.get(zB)!.work.task).toBe("");
  });
});
