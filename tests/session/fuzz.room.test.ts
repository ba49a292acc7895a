import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientMessages, type ErrorMessage } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { intBelow, mulberry32, type Random } from "../../shared/random";
import { messageJsonSchemas, type JsonSchema } from "../support/message-schemas";
import { nextMessage, startTestServer, waitForState, type SdkSessionRoom, type TestServer } from "../support/server";

/** Replay a failure with FUZZ_SEED=<the seed printed below>. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_204);
const MESSAGES = 10_800;
const FUZZERS = 6;
/** Per fuzzer, under the room's flood limit (120 a second closes the connection). */
const PER_SECOND = 90;

let server: TestServer;
const faults: string[] = [];
const originalError = console.error;
beforeAll(async () => {
  // Whatever a handler throws is caught and logged by the room (never fatal): in a fuzz run every
  // such line is a bug to find, so the test collects them.
  console.error = (...args: unknown[]) => {
    const first = typeof args[0] === "string" ? args[0] : "";
    if (/^session .* failed:/.test(first) || /refId|decod|buffer overflow/i.test(first)) faults.push(first);
    originalError(...args);
  };
  server = await startTestServer();
});
afterAll(async () => {
  console.error = originalError;
  await server?.close();
});

/** Names no command has, or that Colyseus reserves for itself. */
const ODD_TYPES: unknown[] = [
  "*",
  "_$b",
  "_$bchat.send",
  "",
  "x".repeat(100),
  "__proto__",
  "constructor",
  0,
  7,
  -3,
  1.5,
];

/** Values of the wrong kind, or built to break code that coerces them. */
function hostile(random: Random): unknown {
  const pool: unknown[] = [
    { toString: 0 },
    { valueOf: 0, toString: "x" },
    JSON.parse('{"__proto__": {"polluted": true}}'),
    [],
    [[[[1]]]],
    null,
    -0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -1e308,
    2 ** 53 + 1,
    "",
    "   ",
    "\u0000\u202e\u200b",
    "ä".repeat(300),
    "😀".repeat(80),
    true,
    new Uint8Array([0, 255]),
  ];
  return pool[intBelow(random, pool.length)];
}

/** Ids that exist right now (boards, notes, zones, people…), so that messages reach past "not found". */
function knownIds(room: SdkSessionRoom): string[] {
  const ids: string[] = [...room.state.people.keys(), ...room.state.zones.keys(), ...room.state.boards.keys()];
  room.state.boards.forEach((board) => {
    board.notes?.forEach((_note, id) => ids.push(id));
    board.clusters?.forEach((_cluster, id) => ids.push(id));
    board.votes?.forEach((_vote, id) => ids.push(id));
  });
  return ids;
}

/**
 * A payload shaped after the message's own schema: in "careful" messages nearly every value is in
 * range (so the message reaches the rule behind the checks), in "wild" ones many are hostile.
 */
function sample(schema: JsonSchema, random: Random, ids: readonly string[], wildness: number, depth = 0): unknown {
  if (random() < wildness || depth > 5) return hostile(random);
  const next = (inner: JsonSchema | undefined) =>
    inner ? sample(inner, random, ids, wildness, depth + 1) : hostile(random);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[intBelow(random, schema.enum.length)];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return next(options[intBelow(random, options.length)]);
  switch (schema.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(schema.properties ?? {})) {
        if (random() < (schema.required?.includes(key) ? 0.97 : 0.6)) out[key] = next(field);
      }
      if (random() < wildness)
        out[["extra", "__proto__", "constructor", "toString"][intBelow(random, 4)]!] = hostile(random);
      return out;
    }
    case "array": {
      if (schema.prefixItems) return schema.prefixItems.map((item) => next(item));
      const min = schema.minItems ?? 0;
      const length = min + intBelow(random, Math.max(1, Math.min(schema.maxItems ?? 6, 6) - min + 1));
      return Array.from({ length }, () => next(schema.items));
    }
    case "integer":
    case "number": {
      const min = Math.max(schema.minimum ?? -5000, -1e6);
      const max = Math.min(schema.maximum ?? 5000, 1e6);
      const edge = random() < 0.2;
      const value = edge ? (random() < 0.5 ? min : max) : min + random() * (max - min);
      return schema.type === "integer" ? Math.round(value) : value;
    }
    case "string": {
      if (schema.pattern && ids.length > 0 && random() < 0.8) return ids[intBelow(random, ids.length)];
      const max = Math.min(schema.maxLength ?? 200, 200);
      const text = ["Hyvä idea", "Ääni ja öljy", "Ideas för Åbo", "x"][intBelow(random, 4)]!.repeat(
        1 + intBelow(random, 10),
      );
      return text.slice(0, Math.max(schema.minLength ?? 0, intBelow(random, max + 1))) || "a";
    }
    case "boolean":
      return random() < 0.5;
    default:
      return hostile(random);
  }
}

let unsendable = 0;

/** Sends whatever the SDK can pack; a few values cannot even be encoded, and never leave the client. */
function send(room: SdkSessionRoom, type: unknown, payload: unknown): void {
  try {
    (room.send as (type: unknown, payload: unknown) => void)(type, payload);
  } catch {
    unsendable++;
  }
}

/** Destructive on purpose (they end the session or change who is who); not what this test is about. */
const FACILITATOR_SPARED = new Set(["session.end", "people.remove", "people.setRole"]);

/** The state as one client decodes it, without its own private corner; empty collections as absent. */
function decoded(room: SdkSessionRoom): unknown {
  const { boardsMine: _mine, ...rest } = room.state.toJSON() as Record<string, unknown>;
  return withoutEmpty(rest);
}

function withoutEmpty(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const kept = withoutEmpty(inner);
    if (kept !== null && typeof kept === "object" && !Array.isArray(kept) && Object.keys(kept).length === 0) continue;
    out[key] = kept;
  }
  return out;
}

describe(`fuzzing every client message (seed ${SEED})`, () => {
  it(`survives ${MESSAGES} mutated messages from ${FUZZERS} clients, keeps an observer in sync and serves the well-behaved`, async () => {
    const session = await server.createSession("Fuzz");
    const watcher = await server.join(session.code, { name: "Watcher", observer: true });
    const good = await server.join(session.code, { name: "Good participant" });
    const fuzzers: SdkSessionRoom[] = [
      await server.join(session.code, { name: "Fuzz host", facilitatorSecret: session.facilitatorSecret }),
      ...(await Promise.all(
        Array.from({ length: FUZZERS - 2 }, (_, i) => server.join(session.code, { name: `Fuzz ${i}` })),
      )),
      await server.join(session.code, { name: "Fuzz observer", observer: true }),
    ];
    const closed: number[] = [];
    const refusals = new Map<string, number>();
    for (const fuzzer of fuzzers) {
      fuzzer.onLeave((code) => closed.push(code));
      fuzzer.onMessage("*", () => undefined);
      fuzzer.onMessage("error", (error: ErrorMessage) => refusals.set(error.code, (refusals.get(error.code) ?? 0) + 1));
    }

    // The well-behaved participant chats every half second; each line must come back in the state.
    const acknowledged = new Set<string>();
    good.onStateChange((state) => {
      state.plenaryChat.forEach((line) => {
        if (line.author === good.sessionId) acknowledged.add(line.text);
      });
    });
    const said: string[] = [];
    const chatter = setInterval(() => {
      const text = `Viesti ${said.length + 1}`;
      said.push(text);
      sendCommand(good, "chat.send", { channel: "plenary", text });
    }, 500);

    const names = Object.keys(clientMessages) as (keyof typeof clientMessages)[];
    const random = mulberry32(SEED);
    let sent = 0;
    const perTick = Math.round(PER_SECOND / 10);
    while (sent < MESSAGES) {
      for (const [index, fuzzer] of fuzzers.entries()) {
        const ids = knownIds(fuzzer);
        for (let k = 0; k < perTick && sent < MESSAGES; k++, sent++) {
          if (random() < 0.05) {
            const type = ODD_TYPES[intBelow(random, ODD_TYPES.length)];
            send(fuzzer, type, sample(messageJsonSchemas.get("chat.send")!, random, ids, 0.15));
            continue;
          }
          let name = names[intBelow(random, names.length)]!;
          if (index === 0 && FACILITATOR_SPARED.has(name)) name = "session.rename";
          send(fuzzer, name, sample(messageJsonSchemas.get(name)!, random, ids, random() < 0.6 ? 0.01 : 0.15));
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    clearInterval(chatter);
    console.log(`fuzz: ${sent} messages generated (seed ${SEED}), ${unsendable} could not be encoded by the SDK`);
    console.log(`fuzz: refusals by reason ${JSON.stringify(Object.fromEntries(refusals))}`);

    // Every frame is handled in order: a last odd message answered means all before it were handled.
    for (const fuzzer of fuzzers) {
      const answered = nextMessage<ErrorMessage>(fuzzer, "error", 10_000);
      fuzzer.send("*", "done");
      await answered;
    }
    await waitForState(good, () => said.every((text) => acknowledged.has(text)), 10_000).catch(() => undefined);
    expect(
      said.filter((text) => !acknowledged.has(text)),
      "chat lines never acknowledged",
    ).toEqual([]);
    expect(closed, "fuzzers disconnected although they stayed within the limits").toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // The server is up, and a late joiner decodes what the long-connected observer decoded.
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    const late = await server.join(session.code, { name: "Late watcher", observer: true });
    await waitForState(watcher, (s) => s.people.has(late.sessionId));
    await waitForState(late, (s) => s.people.has(watcher.sessionId));
    expect(decoded(late)).toEqual(decoded(watcher));
    const room = server.app.services.rooms.get(session.code)!;
    console.log(
      `fuzz: the room now has ${room.state.zones.size} zones, ${room.state.boards.size} boards, ` +
        `${[...room.state.boards.values()].reduce((n, b) => n + b.notes.size, 0)} notes, title "${room.state.title.slice(0, 20)}"`,
    );
    expect(faults, `faults logged by the server (replay with FUZZ_SEED=${SEED})`).toEqual([]);
    await Promise.all([watcher, good, late, ...fuzzers].map((room) => room.leave()));
  }, 90_000);
});
