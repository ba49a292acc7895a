import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTEREST } from "../../shared/movement/interest";
import { MAX_PEOPLE } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import type { SessionState } from "../../shared/session/state";
import { startTestServer, waitForState, type SdkSessionRoom, type TestServer } from "../support/server";
import { nearPose } from "../support/poses";

const PEOPLE = MAX_PEOPLE;

let server: TestServer;
const stateProblems: string[] = [];
const original = { error: console.error, warn: console.warn };
beforeAll(async () => {
  // The schema decoder reports a broken state only on the console: collect it so the test can fail on it.
  for (const level of ["error", "warn"] as const) {
    console[level] = (...args: unknown[]) => {
      const first = typeof args[0] === "string" ? args[0] : "";
      if (/refId|decod|buffer overflow/i.test(first)) stateProblems.push(first.slice(0, 120));
      original[level](...args);
    };
  }
  server = await startTestServer();
});
afterAll(async () => {
  console.error = original.error;
  console.warn = original.warn;
  await server?.close();
});

/** The part of the state every participant in the plenary receives alike (full poses and hands go only to those near). */
function everyonesPart(state: SessionState): unknown {
  const json = state.toJSON() as Record<string, unknown>;
  const people = Object.fromEntries(
    Object.entries((json.people ?? {}) as Record<string, Record<string, unknown>>).map(([id, person]) => {
      const { pose: _near, hands: _nearHands, ...everyones } = person;
      return [id, everyones];
    }),
  );
  const zones = Object.fromEntries(
    Object.entries((json.zones ?? {}) as Record<string, Record<string, unknown>>).map(([id, zone]) => {
      const { work: _private, ...open } = zone;
      return [id, open];
    }),
  );
  return { title: json.title, people, zones, plenaryChat: json.plenaryChat };
}

describe(`a session of ${PEOPLE} people`, () => {
  it("lets all of them in, and every one decodes the same state as the server holds", async () => {
    const session = await server.createSession("Programme event");
    const people: SdkSessionRoom[] = [];
    // A few at a time, as people arrive at an event; each join waits for its first full state.
    for (let i = 0; i < PEOPLE; i += 10) {
      const batch = Array.from({ length: Math.min(10, PEOPLE - i) }, (_, k) =>
        server.join(session.code, { name: `Osallistuja ${i + k + 1}`, organisation: `Virasto ${(i + k) % 7}` }),
      );
      people.push(...(await Promise.all(batch)));
    }
    // One more is refused, clearly, rather than let in or sent to a second room for the same code.
    await expect(server.join(session.code, { name: "Liikaa" })).rejects.toThrow(/session_full/);
    // Something changes after everyone is in, so the patches are checked as well as the full states.
    sendCommand(people[0]!, "chat.send", { channel: "plenary", text: "Tervetuloa kaikki!" });
    const room = server.app.services.rooms.get(session.code)!;
    await waitForState(people[0]!, (s) => s.plenaryChat.size === 1);

    const expected = everyonesPart(room.state);
    for (const person of people) {
      await waitForState(person, (s) => s.people.size === PEOPLE && s.plenaryChat.size === 1, 20_000);
      expect(everyonesPart(person.state)).toEqual(expected);
      // The full poses a client holds are the server's, and only of itself and its closest people
      // (a newcomer is shown at once to those it counts as near; the next recomputation, a few times a
      // second, trims anyone's view back to their own closest).
      const held = () => [...person.state.people.keys()].filter((id) => nearPose(person, id) !== undefined);
      await waitForState(person, () => held().length <= INTEREST.maxNear + 1, 2000);
      const near = held();
      expect(near).toContain(person.sessionId);
      for (const id of near) expect(nearPose(person, id)).toEqual(room.state.people.get(id)!.pose.toJSON());
    }
    expect(stateProblems).toEqual([]);
    await Promise.all(people.map((p) => p.leave()));
  }, 180_000);
});
