import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CreateSessionResponse } from "../../shared/protocol";
import { freePort, waitForState } from "../support/server";
import { startChildServer } from "../support/child-server";
import { joinAt } from "../support/boards";
import { useTestServer } from "../support/rooms";

const server = useTestServer({ maxPeople: 2 });

describe("a full session", () => {
  it("refuses the next person with session_full instead of opening a second room for the same code", async () => {
    const session = await server.createSession();
    const first = await server.join(session.code, { name: "First" });
    const second = await server.join(session.code, { name: "Second" });
    expect(second.roomId).toBe(first.roomId);

    await expect(server.join(session.code, { name: "Third" })).rejects.toThrow(/session_full/);

    // A seat that frees up is taken in the same room, never a new one.
    await second.leave();
    await waitForState(first, (s) => s.people.size === 1);
    const third = await server.join(session.code, { name: "Third" });
    expect(third.roomId).toBe(first.roomId);
    await waitForState(first, (s) => s.people.size === 2);
    expect([...first.state.people.values()].map((p) => p.name).sort()).toEqual(["First", "Third"]);
    await Promise.all([first.leave(), third.leave()]);
  });
});

describe("an operator's MAX_PEOPLE", () => {
  it("reaches the running server: the third person of a MAX_PEOPLE=2 server is refused", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "yhteistila-capacity-"));
    const child = await startChildServer({
      port: await freePort(),
      dataDir,
      env: { STORAGE: "memory", MAX_PEOPLE: "2" },
    });
    try {
      const created = await fetch(`${child.baseUrl}/api/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: "Small room" }),
      });
      const { code } = (await created.json()) as CreateSessionResponse;
      const first = await joinAt(child.baseUrl, code, { name: "First" });
      const second = await joinAt(child.baseUrl, code, { name: "Second" });
      await expect(joinAt(child.baseUrl, code, { name: "Third" })).rejects.toThrow(/session_full/);
      await Promise.all([first.leave(), second.leave()]);
    } finally {
      await child.kill();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
