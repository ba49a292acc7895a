import { afterAll, beforeAll } from "vitest";
import { floorSpot, type PoseFields } from "../../shared/movement/pose-codec";
import type { ErrorMessage, ServerMessage } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { TELEPORT } from "../../shared/movement/rules";
import { nextMessage, startTestServer, waitForState, type SdkSessionRoom, type TestServer } from "./server";
import { nearPose, seenPose } from "./poses";

// The room tests' shared helpers: one server per test file, a facilitator with guests, refusals, and
// waiting for the server instead of for the clock. Kept apart from server.ts, which the benchmarks load
// outside Vitest.

/**
 * Starts one real server for the test file (before its first test) and closes it after the last.
 * The returned object stands for that server inside tests and hooks.
 */
export function useTestServer(
  options: Parameters<typeof startTestServer>[0] | (() => Parameters<typeof startTestServer>[0]) = {},
): TestServer {
  let started: TestServer | undefined;
  beforeAll(async () => {
    // A function is read when the server starts: after earlier hooks (e.g. one starting Janus) ran.
    started = await startTestServer(typeof options === "function" ? options() : options);
  });
  afterAll(async () => {
    await started?.close();
  });
  return new Proxy({} as TestServer, {
    get(_target, key) {
      if (!started) throw new Error("the test server starts before the first test: use it inside a test or hook");
      return Reflect.get(started, key, started);
    },
  });
}

/** Creates a session with a facilitator ("Host") and participants with the given names. */
export async function hostAndGuests(server: TestServer, names: string[]) {
  const session = await server.createSession();
  const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
  const guests: SdkSessionRoom[] = [];
  for (const name of names) guests.push(await server.join(session.code, { name }));
  await waitForState(host, (s) => s.people.size === names.length + 1);
  return { session, host, guests };
}

/**
 * Where the server has put a person, as this client decoded it: metres and zone. The full pose
 * when the person is near this client (the `movement.poses` messages, tests/support/poses.ts),
 * else the coarse one (shared/movement/interest.ts).
 */
export function where(room: SdkSessionRoom, id = room.sessionId) {
  const person = room.state.people.get(id)!;
  return { ...floorSpot(seenPose(room, id)!), zone: person.zone };
}

/**
 * The full pose this client holds for `id` (itself by default), once it holds one: the first
 * `movement.poses` message goes out with the first patch after a join, not with the first state, so a
 * client that has only just joined may not hold even its own pose yet.
 */
export async function awaitNearPose(room: SdkSessionRoom, id = room.sessionId): Promise<PoseFields> {
  await waitForState(room, () => nearPose(room, id) !== undefined);
  return nearPose(room, id)!;
}

/** Sends a message (well-formed or not) and resolves with the error it is refused with. */
export async function refusal(room: SdkSessionRoom, name: string, payload: unknown): Promise<ErrorMessage> {
  const error = nextMessage<ErrorMessage>(room, "error");
  room.send(name, payload);
  return error;
}

/**
 * Resolves once the server has handled everything this client sent before: the reply to a clock
 * sample leaves after them on the same connection, and after every patch already sent to this client.
 */
export async function handled(room: SdkSessionRoom): Promise<void> {
  const t = Math.random();
  const reply = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no timers.sync reply")), 3000);
    const off = room.onMessage("timers.sync", (message: ServerMessage<"timers.sync">) => {
      if (message.t !== t) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
  sendCommand(room, "timers.sync", { t });
  await reply;
}

/** Waits until every earlier patch has reached `rooms`: a public change made now is seen by all of them. */
export async function allPatchesDelivered(host: SdkSessionRoom, rooms: SdkSessionRoom[]): Promise<void> {
  const title = `sync ${Math.random().toString(36).slice(2)}`;
  sendCommand(host, "session.rename", { title });
  await Promise.all(rooms.map((room) => waitForState(room, (s) => s.title === title)));
}

/**
 * A VR-style hop on a server started with `now: clock.now` (support/clock.ts): the teleport cooldown
 * is skipped on that clock rather than waited out; resolves once the server has handled the hop.
 */
export async function teleport(
  room: SdkSessionRoom,
  clock: { skip(ms: number): void },
  x: number,
  z: number,
): Promise<void> {
  clock.skip(TELEPORT.cooldownMs);
  sendCommand(room, "movement.teleport", { x: Math.round(x * 100), z: Math.round(z * 100) });
  await handled(room);
}
