import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { TEMPLATE_IDS, templatePlan } from "../../shared/methods/templates";
import { startTestServer, waitForState, type SdkSessionRoom, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** Keeps the last methods.state each client was told, and waits for one that passes a test. */
function track(room: SdkSessionRoom) {
  let last: MethodsState | null = null;
  const waiting = new Set<{ test: (s: MethodsState) => boolean; resolve: (s: MethodsState) => void }>();
  room.onMessage("methods.state", (state: MethodsState) => {
    last = state;
    for (const w of waiting) {
      if (!w.test(state)) continue;
      waiting.delete(w);
      w.resolve(state);
    }
  });
  const when = (test: (s: MethodsState) => boolean, what: string): Promise<MethodsState> =>
    last && test(last)
      ? Promise.resolve(last)
      : new Promise((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`never told: ${what}; last ${JSON.stringify(last)?.slice(0, 400)}`)),
            20_000,
          );
          waiting.add({
            test,
            resolve: (s) => {
              clearTimeout(timer);
              resolve(s);
            },
          });
        });
  return { last: () => last, when };
}

function counter(): () => string {
  let n = 0;
  return () => `r${++n}`;
}

describe.each(TEMPLATE_IDS)("running %s on a real server", (id) => {
  // Twelve steps with nine people take a few seconds; a busy two-core machine can take several times that.
  it("goes from the first step to the last, with someone leaving and someone joining late", async () => {
    const session = await server.createSession();
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const organisations = ["Kela", "Espoo", "Kela", "Vantaa", "Espoo", "Kela", "Vantaa", "Espoo"];
    const rooms: SdkSessionRoom[] = [];
    for (const [i, organisation] of organisations.entries()) {
      rooms.push(await server.join(session.code, { name: `P${i}`, organisation }));
    }
    const trackers = new Map(rooms.map((room) => [room, track(room)]));
    const hostTracker = track(host);
    for (const room of [host, ...rooms]) sendCommand(room, "methods.sync", {});
    await waitForState(host, (s) => s.people.size === rooms.length + 1);
    const plan = templatePlan(id, "sv", counter());
    sendCommand(host, "methods.plan.save", { plan });
    await hostTracker.when((s) => s.plan !== null, "the plan");

    const present = new Set(rooms);
    const middle = Math.floor(plan.steps.length / 2);
    for (let step = 0; step < plan.steps.length; step++) {
      if (step === middle) {
        // One leaves, one arrives: both mid-plan.
        const leaver = rooms[1]!;
        present.delete(leaver);
        await leaver.leave();
        const late = await server.join(session.code, { name: "Late", organisation: "Kela" });
        trackers.set(late, track(late));
        sendCommand(late, "methods.sync", {});
        present.add(late);
        await waitForState(host, (s) => s.people.size === present.size + 1);
      }
      sendCommand(host, "methods.step.next", { from: step - 1 });
      // Each person is told the step with a group that includes them (an arrival once placed).
      const states = await Promise.all(
        [...present].map((room) =>
          trackers
            .get(room)!
            .when((s) => s.step === step && s.group.some((m) => m.id === room.sessionId), `step ${step + 1}`),
        ),
      );
      const grouping = plan.steps[step]!.grouping.kind;
      for (const state of states) {
        expect(state.current?.title).toBe(plan.steps[step]!.title);
        expect(state.plan).toBeNull();
        if (grouping === "solo") expect(state.group).toHaveLength(1);
        else expect(state.group.length).toBeGreaterThanOrEqual(2);
      }
      // The groups of the present people do not overlap: each person's group names them and only
      // others who name the same group.
      const groupOf = new Map(
        [...present].map((room) => [
          room.sessionId,
          trackers
            .get(room)!
            .last()!
            .group.map((m) => m.id)
            .sort()
            .join(),
        ]),
      );
      for (const room of present) {
        for (const member of trackers.get(room)!.last()!.group) {
          expect(groupOf.get(member.id)).toBe(groupOf.get(room.sessionId));
        }
      }
    }
    await Promise.all([host.leave(), ...[...present].map((room) => room.leave())]);
  }, 60_000);
});
