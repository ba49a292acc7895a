import { describe, expect, it } from "vitest";
import type { ErrorMessage } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { nextMessage, waitForState, type SdkSessionRoom } from "../support/server";
import { useTestServer } from "../support/rooms";

const server = useTestServer();

/** The state as a person sees it, without their own private corner (which differs per person). */
function shared(room: SdkSessionRoom): unknown {
  const { boardsMine: _mine, ...rest } = room.state.toJSON() as Record<string, unknown>;
  return rest;
}

/** Hostile message types: the wildcard's own name, the SDK's reserved prefixes, odd lengths and kinds. */
const HOSTILE_TYPES: unknown[] = [
  "*",
  "_$b",
  "_$bchat.send",
  "_$",
  "",
  // Long, and with characters of several bytes (frames over 16 KiB close the connection by design).
  "x".repeat(100),
  "é".repeat(50),
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  0,
  -1,
  2 ** 40,
  1.5,
];

/** Hostile payloads: objects whose coercion throws, prototype keys, deep nesting, odd kinds. */
const HOSTILE_PAYLOADS: unknown[] = [
  { toString: 0 },
  { toString: 0, valueOf: 0 },
  { valueOf: "x", toJSON: 1 },
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
  { then: 1 },
  nested(60),
  [1, [2, [3, [4]]]],
  "a".repeat(4000),
  null,
  undefined,
  -0,
  Number.NaN,
  new Uint8Array([1, 2, 3]),
  true,
];

function nested(depth: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < depth; i++) value = { next: value, toString: i };
  return value;
}

describe("hostile messages", () => {
  it("survives the wildcard's own name with a payload whose toString is not a function", async () => {
    const session = await server.createSession();
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const attacker = await server.join(session.code, { name: "Mallory", observer: true });
    await waitForState(host, (s) => s.people.size === 2);
    const before = shared(host);

    const reply = nextMessage<ErrorMessage>(attacker, "error");
    attacker.send("*", { toString: 0 });
    expect((await reply).code).toBe("unknown_message");

    // The room still serves everyone, the attacker included, and nothing changed.
    const renamed = waitForState(host, (s) => s.title === "Still here");
    sendCommand(host, "session.rename", { title: "Still here" });
    await renamed;
    expect({ ...(shared(host) as object), title: "Test workshop" }).toEqual(before);
    const latecomer = await server.join(session.code, { name: "Late" });
    expect(latecomer.state.title).toBe("Still here");
    await Promise.all([host.leave(), attacker.leave(), latecomer.leave()]);
  });

  it("answers every hostile type and payload with an error and goes on", async () => {
    const session = await server.createSession();
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const attacker = await server.join(session.code, { name: "Mallory" });
    await waitForState(host, (s) => s.people.size === 2);
    const before = shared(host);

    let errors = 0;
    attacker.onMessage("error", () => errors++);
    let sent = 0;
    for (const type of HOSTILE_TYPES) {
      for (const payload of HOSTILE_PAYLOADS) {
        (attacker.send as (type: unknown, payload: unknown) => void)(type, payload);
        sent++;
        // Stay under the flood limit: this test is about content, not rate.
        if (sent % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 600));
      }
    }
    // Real command names with hostile payloads: refused politely, never a crash.
    for (const name of ["chat.send", "boards.addNote", "zones.send", "movement.pose", "session.rename"]) {
      for (const payload of HOSTILE_PAYLOADS) attacker.send(name, payload);
      await new Promise((resolve) => setTimeout(resolve, 600));
    }
    // Every frame is answered in order, so a ping after them all proves they were handled.
    const pong = nextMessage<ErrorMessage>(attacker, "error");
    attacker.send("*", "last");
    await pong;
    expect(errors).toBeGreaterThan(HOSTILE_TYPES.length);

    expect(shared(host)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Both can still act.
    const said = waitForState(host, (s) => s.plenaryChat.size === 1);
    sendCommand(attacker, "chat.send", { channel: "plenary", text: "I am still here" });
    await said;
    await Promise.all([host.leave(), attacker.leave()]);
  });
});
