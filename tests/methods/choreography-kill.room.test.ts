import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CreateSessionResponse } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { freePort, waitForState, type SdkSessionRoom } from "../support/server";
import { startChildServer, type ChildServer } from "../support/child-server";
import { act, decodedNotes, joinAt, textsSeenBy, zoneBoardId } from "../support/boards";
import { where } from "../support/rooms";
import { toldAfter } from "../support/methods-server";

const dataDir = mkdtempSync(join(tmpdir(), "yhteistila-merge-kill-"));
let child: ChildServer | undefined;
afterAll(async () => {
  await child?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

const NAMES = ["Anna", "Ben", "Cai", "Dora"];
const key = (name: string) => `merge-kill-${name.toLowerCase()}-key-0001`;

/** Which board (by its zone) each note is on, as the facilitator's client decoded it. */
const notesByZone = (host: SdkSessionRoom) =>
  new Map(decodedNotes(host).map((n) => [n.text, host.state.boards.get(n.boardId)!.zoneId]));

describe("a server killed with SIGKILL during the fours of 1-2-4-All", () => {
  it("comes back at the fours with the pairs' notes on the merged board, and Back still takes them home", async () => {
    const port = await freePort();
    child = await startChildServer({ port, dataDir, env: {} });
    const response = await fetch(`${child.baseUrl}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Merge cut" }),
    });
    const session = (await response.json()) as CreateSessionResponse;
    const facilitator = { name: "Host", facilitatorSecret: session.facilitatorSecret, personKey: key("host") };
    const host = await joinAt(child.baseUrl, session.code, facilitator);
    const guests: SdkSessionRoom[] = [];
    for (const name of NAMES) guests.push(await joinAt(child.baseUrl, session.code, { name, personKey: key(name) }));
    for (const room of [host, ...guests]) room.onMessage("methods.state", () => {});
    let n = 0;
    const plan = templatePlan("oneTwoFourAll", "en", () => `k${++n}`);
    await toldAfter(
      host,
      () => sendCommand(host, "methods.plan.save", { plan }),
      (s) => s.plan !== null,
    );
    for (const from of [-1, 0]) {
      await toldAfter(
        host,
        () => sendCommand(host, "methods.step.next", { from }),
        (s) => s.step === from + 1,
      );
    }
    await waitForState(host, (s) => [...s.people.values()].filter((p) => p.zone !== "").length === 4);
    for (const [i, guest] of guests.entries()) {
      const zone = where(host, guest.sessionId).zone;
      await act(guest, "boards.addNote", { boardId: zoneBoardId(guest, zone), text: NAMES[i]!, color: 0 }, (r) =>
        textsSeenBy(r).includes(NAMES[i]!),
      );
    }
    await waitForState(host, () => decodedNotes(host).length === 4);
    const asPairs = notesByZone(host);
    await toldAfter(
      host,
      () => sendCommand(host, "methods.step.next", { from: 1 }),
      (s) => s.step === 2,
    );
    await waitForState(host, () => new Set(notesByZone(host).values()).size === 1);
    const merged = notesByZone(host);

    for (const room of [host, ...guests]) room.reconnection.enabled = false;
    await child.kill();
    child = await startChildServer({ port, dataDir, env: {} });
    const host2 = await joinAt(child.baseUrl, session.code, facilitator);
    const guests2: SdkSessionRoom[] = [];
    for (const name of NAMES) guests2.push(await joinAt(child.baseUrl, session.code, { name, personKey: key(name) }));
    const told = await toldAfter(
      host2,
      () => sendCommand(host2, "methods.sync", {}),
      () => true,
    );
    expect(told.step).toBe(2);
    await waitForState(host2, () => decodedNotes(host2).length === 4);
    expect(notesByZone(host2)).toEqual(merged);

    // Back after the restart: the record of what travelled survived too.
    await toldAfter(
      host2,
      () => sendCommand(host2, "methods.step.back", { from: 2 }),
      (s) => s.step === 1,
    );
    await waitForState(host2, () => [...asPairs].every(([text, zone]) => notesByZone(host2).get(text) === zone));
    await Promise.all([host2.leave(), ...guests2.map((g) => g.leave())]);
  });
});
