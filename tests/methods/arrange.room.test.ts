import { describe, expect, it } from "vitest";
import type { MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import type { Plan } from "../../shared/methods/plan";
import { nextMessage, waitForState, type SdkSessionRoom } from "../support/server";
import { hostAndGuests, useTestServer, where } from "../support/rooms";
import { toldAfter } from "../support/methods-server";

const server = useTestServer();

/** Sends a command and resolves with the first methods.state `room` is then told that passes `test`. */
/** Saves the plan and moves it on to `step`, one step at a time, each told before the next. */
async function planAt(host: SdkSessionRoom, plan: Plan, step: number): Promise<void> {
  await toldAfter(
    host,
    () => sendCommand(host, "methods.plan.save", { plan }),
    (s) => s.plan !== null,
  );
  for (let k = 0; k <= step; k++) {
    await toldAfter(
      host,
      () => sendCommand(host, "methods.step.next", { from: k - 1 }),
      (s) => s.step === k,
    );
  }
}

/** Each guest's zone as the host has decoded it, by name. */
function zonesOf(host: SdkSessionRoom, guests: readonly SdkSessionRoom[], names: readonly string[]) {
  return new Map(guests.map((guest, i) => [names[i]!, where(host, guest.sessionId).zone]));
}

const idsFrom = () => {
  let n = 0;
  return () => `a${++n}`;
};

describe("a step moves the room", () => {
  it("1-2-4-All: pairs to zones of their own with the prompt and the time, fours together, all to the plenary", async () => {
    const names = ["Anna", "Ben", "Cai", "Dora"];
    const { host, guests } = await hostAndGuests(server, names);
    for (const room of [host, ...guests]) room.onMessage("methods.state", () => {});
    const plan = templatePlan("oneTwoFourAll", "en", idsFrom());
    await toldAfter(
      host,
      () => sendCommand(host, "methods.plan.save", { plan }),
      (s) => s.plan !== null,
    );

    // Alone: nobody is moved.
    await toldAfter(
      host,
      () => sendCommand(host, "methods.step.next", { from: -1 }),
      (s) => s.step === 0,
    );
    expect([...zonesOf(host, guests, names).values()]).toEqual(["", "", "", ""]);

    // Pairs: each pair stands in a zone of its own, whose task is the prompt and whose clock runs the step.
    const pairs = await toldAfter(
      guests[0]!,
      () => sendCommand(host, "methods.step.next", { from: 0 }),
      (s) => s.step === 1,
    );
    await waitForState(host, (s) => [...s.people.values()].filter((p) => p.zone !== "").length === 4);
    const pairZones = zonesOf(host, guests, names);
    const partner = pairs.group.find((m) => m.id !== guests[0]!.sessionId)!.name;
    expect(pairZones.get(partner)).toBe(pairZones.get("Anna"));
    expect(new Set(pairZones.values()).size).toBe(2);
    const annaZone = host.state.zones.get(pairZones.get("Anna")!)!;
    expect(annaZone.work.task).toBe(plan.steps[1]!.prompt);
    expect(annaZone.work.timer.status).toBe("running");
    expect(annaZone.work.timer.remainingMs).toBeLessThanOrEqual(120_000);
    expect(annaZone.work.timer.remainingMs).toBeGreaterThan(110_000);

    // Extend moves the zones' clocks with the step.
    await toldAfter(
      host,
      () => sendCommand(host, "methods.step.extend", { from: 1, minutes: 5 }),
      (s) => s.endsAt !== pairs.endsAt,
    );
    await waitForState(host, (s) => s.zones.get(annaZone.id)!.work.timer.remainingMs > 400_000);

    // Fours: both pairs in one zone; the zone left behind stops counting down.
    await toldAfter(
      host,
      () => sendCommand(host, "methods.step.next", { from: 1 }),
      (s) => s.step === 2,
    );
    await waitForState(
      host,
      (s) => new Set([...s.people.values()].filter((p) => p.role === "participant").map((p) => p.zone)).size === 1,
    );
    const fourZone = where(host, guests[0]!.sessionId).zone;
    expect(fourZone).not.toBe("");
    for (const id of new Set(pairZones.values())) {
      if (id !== fourZone) expect(host.state.zones.get(id)!.work.timer.status).toBe("idle");
    }

    // Back: the pairs are in their own zones again.
    await toldAfter(
      host,
      () => sendCommand(host, "methods.step.back", { from: 2 }),
      (s) => s.step === 1,
    );
    await waitForState(host, () =>
      [...zonesOf(host, guests, names).entries()].every(([n, z]) => pairZones.get(n) === z),
    );

    // All together: everyone back in the plenary, the zones' clocks stopped.
    await toldAfter(
      host,
      () => sendCommand(host, "methods.step.next", { from: 1 }),
      (s) => s.step === 2,
    );
    await toldAfter(
      host,
      () => sendCommand(host, "methods.step.next", { from: 2 }),
      (s) => s.step === 3,
    );
    await waitForState(host, (s) => [...s.people.values()].every((p) => p.zone === ""));
    for (const zone of host.state.zones.values()) expect(zone.work.timer.status).toBe("idle");
    await Promise.all([host.leave(), ...guests.map((g) => g.leave())]);
  });

  it("a late joiner walks into their group's zone; nobody already there is moved", async () => {
    const names = ["Anna", "Ben", "Cai", "Dora", "Eki"];
    const { session, host, guests } = await hostAndGuests(server, names);
    for (const room of [host, ...guests]) room.onMessage("methods.state", () => {});
    const plan = templatePlan("oneTwoFourAll", "en", idsFrom());
    await planAt(host, plan, 1);
    await waitForState(host, (s) => [...s.people.values()].filter((p) => p.zone !== "").length === 5);
    // Each as their own page holds them (exactly; the host holds far people coarsely).
    await Promise.all(guests.map((g) => waitForState(g, (s) => s.people.get(g.sessionId)?.zone !== "")));
    const before = new Map(guests.map((g) => [g.sessionId, { ...where(g) }]));

    // Fia arrives during the pairs: she joins the smallest group (a pair) and stands in its zone.
    const fia = await server.join(session.code, { name: "Fia" });
    fia.onMessage("methods.state", () => {});
    // Her page asks for the method's state when its view mounts, as the client does.
    await waitForState(host, (s) => (s.people.get(fia.sessionId)?.zone ?? "") !== "");
    const told = nextMessage<MethodsState>(fia, "methods.state", 5000, (s) => s.group.length > 1);
    sendCommand(fia, "methods.sync", {});
    const { group } = await told;
    const zoneOfGroup = where(host, group.find((m) => m.id !== fia.sessionId)!.id).zone;
    expect(zoneOfGroup).not.toBe("");
    await waitForState(host, (s) => s.people.get(fia.sessionId)?.zone === zoneOfGroup);
    await waitForState(fia, (s) => s.people.get(fia.sessionId)?.zone === zoneOfGroup);
    // A body apart from everyone in the zone, and nobody else stepped aside for her.
    const at = where(fia, fia.sessionId);
    for (const guest of guests) {
      expect(where(guest)).toEqual(before.get(guest.sessionId));
      if (where(guest).zone === zoneOfGroup) {
        const other = where(guest);
        expect(Math.hypot(other.x - at.x, other.z - at.z)).toBeGreaterThanOrEqual(0.7);
      }
    }
    await Promise.all([host.leave(), fia.leave(), ...guests.map((g) => g.leave())]);
  });

  it("with more groups than zones, keeps the groups and tells the facilitators how many zones are missing", async () => {
    const names = Array.from({ length: 10 }, (_, i) => `P${i}`);
    const { host, guests } = await hostAndGuests(server, names);
    for (const room of [host, ...guests]) room.onMessage("methods.state", () => {});
    const plan = templatePlan("oneTwoFourAll", "en", idsFrom());
    await planAt(host, plan, 0);
    const [hostTold, guestTold] = await Promise.all([
      toldAfter(
        host,
        () => sendCommand(host, "methods.step.next", { from: 0 }),
        (s) => s.step === 1 && s.zonesShort !== null,
      ),
      toldAfter(
        guests[0]!,
        () => {},
        (s) => s.step === 1,
      ),
    ]);
    // Five pairs, four zones: nobody is moved, everyone still has their pair.
    expect(hostTold.zonesShort).toEqual({ groups: 5, zones: 4 });
    expect(guestTold.zonesShort).toBeNull();
    expect(guestTold.group).toHaveLength(2);
    expect([...host.state.people.values()].every((p) => p.zone === "")).toBe(true);
    await Promise.all([host.leave(), ...guests.map((g) => g.leave())]);
  });
});
