import { describe, expect, it } from "vitest";
import { waitForState } from "../support/server";
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
