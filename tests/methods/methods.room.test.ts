import { describe, expect, it } from "vitest";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { freePort } from "../support/server";
import { refusal } from "../support/rooms";
import { enter, methodsSession, restartableServer, toldWhere } from "../support/methods-server";

const start = restartableServer("methods");

function counter(): () => string {
  let n = 0;
  return () => `m${++n}`;
}

describe("session plans on the server", () => {
  it("refuses a participant, stores a facilitator's plan and run, and keeps both across a restart", async () => {
    const port = await freePort();
    let app = await start(port);
    const cast = await methodsSession(port, "Methods", ["Anna", "Ben", "Cai", "Dora"], "methods");
    const { session, facilitator, guests } = cast;
    let { room: host, state: hostState } = cast.host;
    expect(hostState).toMatchObject({ plan: null, step: -1, steps: 0, current: null });
    const anna = guests[0]!.room;
    const plan = templatePlan("oneTwoFourAll", "fi", counter());

    // A participant can neither store a plan nor advance one.
    expect(await refusal(anna, "methods.plan.save", { plan })).toMatchObject({ code: "forbidden" });
    expect(await refusal(anna, "methods.step.next", { from: -1 })).toMatchObject({ code: "forbidden" });
    // Nor can a facilitator store an inconsistent plan or advance without one.
    expect(await refusal(host, "methods.step.next", { from: -1 })).toMatchObject({ code: "not_found" });
    const bad = { ...plan, steps: [{ ...plan.steps[2]! }] };
    expect(await refusal(host, "methods.plan.save", { plan: bad })).toMatchObject({
      code: "invalid_payload",
      detail: "methods.issue.needsEarlierGroups",
    });

    let told = toldWhere(host, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan });
    hostState = await told;
    expect(hostState.plan).toEqual(plan);
    expect(hostState.step).toBe(-1);

    // Next: solo, then pairs. Each participant hears the step and their own group; never the plan.
    let annaTold = toldWhere(anna, (s) => s.step === 0);
    sendCommand(host, "methods.step.next", { from: -1 });
    expect(await annaTold).toMatchObject({ plan: null, step: 0, steps: 4, current: { title: "Yksin" } });
    annaTold = toldWhere(anna, (s) => s.step === 1);
    sendCommand(host, "methods.step.next", { from: 0 });
    const pairs = await annaTold;
    expect(pairs.step).toBe(1);
    expect(pairs.group).toHaveLength(2);
    expect(pairs.group.map((m) => m.id)).toContain(anna.sessionId);
    // A second facilitator press from an outdated view does not skip a step.
    expect(await refusal(host, "methods.step.next", { from: 0 })).toMatchObject({
      code: "invalid_payload",
      detail: "methods.stale",
    });
    const pairNames = pairs.group.map((m) => m.name).sort();

    await Promise.all([host.leave(), ...guests.map((g) => g.room.leave())]);
    await app.close();

    // After a restart the session is at the same step, with the same plan and the same pairs.
    app = await start(port);
    ({ room: host, state: hostState } = await enter(port, session.code, facilitator));
    expect(hostState.plan).toEqual(plan);
    expect(hostState.step).toBe(1);
    const annaAgain = await enter(port, session.code, cast.guestsAs[0]!);
    expect(annaAgain.state).toMatchObject({ step: 1, current: { title: plan.steps[1]!.title } });
    const partner = pairNames.find((name) => name !== "Anna")!;
    const partnerIndex = ["Anna", "Ben", "Cai", "Dora"].indexOf(partner);
    // When the partner comes back, Anna is told her pair again.
    annaTold = toldWhere(annaAgain.room, (s) => s.group.length === 2);
    const back = await enter(port, session.code, cast.guestsAs[partnerIndex]!);
    expect(back.state.group.map((m) => m.name).sort()).toEqual(pairNames);
    expect((await annaTold).group.map((m) => m.name).sort()).toEqual(pairNames);

    // Someone new arriving during the pairs step joins a pair at once.
    const eve = await enter(port, session.code, { name: "Eve", personKey: "methods-guest-eve-0123456789abcdef" });
    expect(eve.state.step).toBe(1);
    expect(eve.state.group.map((m) => m.id)).toContain(eve.room.sessionId);
    expect(eve.state.group.length).toBeGreaterThanOrEqual(1);

    // Back returns to the step before, and is stored too.
    told = toldWhere(host, (s) => s.step === 0);
    sendCommand(host, "methods.step.back", { from: 1 });
    expect(await told).toMatchObject({ step: 0, plan });
    await Promise.all([host.leave(), annaAgain.room.leave(), back.room.leave(), eve.room.leave()]);
    await app.close();
  });
});
