import { describe, expect, it } from "vitest";
import { sendCommand } from "../../shared/protocol/send";
import type { ErrorMessage } from "../../shared/protocol";
import { leaveCode, nextMessage, waitForState } from "../support/server";
import { useTestServer } from "../support/rooms";

const server = useTestServer();

describe("joining a session", () => {
  it("puts two people with the same code in one room, and a third code in another", async () => {
    const a = await server.createSession("Alpha");
    const b = await server.createSession("Beta");
    const anna = await server.join(a.code, { name: "Anna" });
    const ben = await server.join(a.code, { name: "Ben" });
    const cecilia = await server.join(b.code, { name: "Cecilia" });

    expect(ben.roomId).toBe(anna.roomId);
    expect(cecilia.roomId).not.toBe(anna.roomId);
    await waitForState(anna, (s) => s.people.size === 2);
    expect([...anna.state.people.values()].map((p) => p.name).sort()).toEqual(["Anna", "Ben"]);
    expect(anna.state.title).toBe("Alpha");
    expect(cecilia.state.people.size).toBe(1);
    await Promise.all([anna.leave(), ben.leave(), cecilia.leave()]);
  });

  it("accepts a code typed in lower case and without dashes", async () => {
    const session = await server.createSession();
    const sloppy = session.code.replace(/-/g, "").toLowerCase();
    const response = await fetch(`${server.baseUrl}/api/sessions/${sloppy}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ code: session.code, ended: false });
  });

  it("refuses a code that does not exist, over HTTP and over the socket", async () => {
    const response = await fetch(`${server.baseUrl}/api/sessions/ABC-DEF-GHJ`);
    expect(response.status).toBe(404);
    await expect(server.join("ABC-DEF-GHJ")).rejects.toThrow(/session_not_found/);
  });

  it("refuses an old protocol version with a reason the page can show", async () => {
    const session = await server.createSession();
    await expect(server.join(session.code, { protocol: 0 as never })).rejects.toThrow(/protocol_mismatch/);
  });

  it("refuses names that are empty, too long or hide control characters", async () => {
    const session = await server.createSession();
    await expect(server.join(session.code, { name: "   " })).rejects.toThrow(/invalid_join/);
    await expect(server.join(session.code, { name: "x".repeat(41) })).rejects.toThrow(/invalid_join/);
    await expect(server.join(session.code, { name: "evil\u202Eeman" })).rejects.toThrow(/invalid_join/);
  });

  it("makes the holder of the facilitator secret a facilitator and refuses a wrong secret", async () => {
    const session = await server.createSession();
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret });
    await waitForState(host, (s) => s.people.size === 1);
    expect(host.state.people.get(host.sessionId)?.role).toBe("facilitator");
    const wrong = session.facilitatorSecret.slice(0, -4) + "AAAA";
    await expect(server.join(session.code, { facilitatorSecret: wrong })).rejects.toThrow(/forbidden/);
    await host.leave();
  });
});

describe("facilitator-only actions", () => {
  it("refuses every one of them from a participant and changes nothing", async () => {
    const session = await server.createSession("Original");
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const guest = await server.join(session.code, { name: "Guest" });
    await waitForState(host, (s) => s.people.size === 2);

    const attempts = [
      ["session.rename", { title: "Hijacked" }],
      ["session.end", {}],
      ["people.remove", { id: host.sessionId }],
      ["people.setRole", { id: guest.sessionId, role: "facilitator" }],
    ] as const;
    for (const [name, payload] of attempts) {
      const error = nextMessage<ErrorMessage>(guest, "error");
      guest.send(name, payload);
      expect(await error).toMatchObject({ code: "forbidden", command: name });
    }
    // The server handles one client's messages in order: once this lands, every refusal above has too.
    sendCommand(guest, "session.profile", { name: "Guest, still" });
    await waitForState(host, (s) => s.people.get(guest.sessionId)?.name === "Guest, still");
    expect(host.state.title).toBe("Original");
    expect(host.state.people.get(guest.sessionId)?.role).toBe("participant");
    expect(host.state.people.size).toBe(2);
    await Promise.all([host.leave(), guest.leave()]);
  });

  it("lets a facilitator rename, promote, remove and end", async () => {
    const session = await server.createSession("Before");
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret });
    const guest = await server.join(session.code);
    const other = await server.join(session.code);
    await waitForState(guest, (s) => s.people.size === 3);

    sendCommand(host, "session.rename", { title: "  After  " });
    await waitForState(guest, (s) => s.title === "After");

    sendCommand(host, "people.setRole", { id: guest.sessionId, role: "facilitator" });
    await waitForState(other, (s) => s.people.get(guest.sessionId)?.role === "facilitator");

    const closed = nextMessage(other, "session.closed");
    const otherGone = leaveCode(other);
    sendCommand(host, "people.remove", { id: other.sessionId });
    expect(await closed).toEqual({ reason: "removed" });
    await otherGone;
    await waitForState(host, (s) => s.people.size === 2);

    const ended = nextMessage(guest, "session.closed");
    sendCommand(host, "session.end", {});
    expect(await ended).toEqual({ reason: "ended" });
    await expect(server.join(session.code)).rejects.toThrow(/session_ended/);
    const info = await (await fetch(`${server.baseUrl}/api/sessions/${session.code}`)).json();
    expect(info).toMatchObject({ ended: true, title: "After" });
  });
});

describe("bad input", () => {
  it("answers malformed, unknown and oversized-field messages politely and keeps the room going", async () => {
    const session = await server.createSession();
    const mallory = await server.join(session.code, { name: "Mallory" });
    const alice = await server.join(session.code, { name: "Alice" });
    await waitForState(alice, (s) => s.people.size === 2);

    const cases: [string, unknown, string][] = [
      ["session.profile", { name: 42 }, "invalid_payload"],
      ["session.profile", { name: "y".repeat(500) }, "invalid_payload"],
      ["session.profile", { name: "ok", extra: true }, "invalid_payload"],
      ["movement.pose", [1, 2, 3], "invalid_payload"],
      ["movement.pose", "not an array", "invalid_payload"],
      ["no.such.thing", { a: 1 }, "unknown_message"],
    ];
    for (const [name, payload, code] of cases) {
      const error = nextMessage<ErrorMessage>(mallory, "error");
      mallory.send(name, payload);
      expect(await error).toMatchObject({ code });
    }
    sendCommand(mallory, "session.profile", { name: "Still here" });
    await waitForState(alice, (s) => s.people.get(mallory.sessionId)?.name === "Still here");
    await Promise.all([mallory.leave(), alice.leave()]);
  });

  it("tells a client that repeats a command too fast, then disconnects one that floods", async () => {
    const session = await server.createSession();
    const eager = await server.join(session.code);
    const bystander = await server.join(session.code);
    await waitForState(bystander, (s) => s.people.size === 2);

    const limited = nextMessage<ErrorMessage>(eager, "error");
    for (let i = 0; i < 8; i++) sendCommand(eager, "session.profile", { name: `Name ${i}` });
    expect(await limited).toMatchObject({ code: "rate_limited", command: "session.profile" });

    const closed = leaveCode(eager);
    for (let i = 0; i < 400; i++) eager.send("movement.pose", [0, 160, 0, 0, 0]);
    expect(await closed).not.toBe(1000);
    await waitForState(bystander, (s) => s.people.size === 1, 5000);
    sendCommand(bystander, "session.profile", { name: "Unbothered" });
    await waitForState(bystander, (s) => s.people.get(bystander.sessionId)?.name === "Unbothered");
    await bystander.leave();
  });
});
