import { describe, expect, it } from "vitest";
import { matchMaker } from "@colyseus/core";
import type { MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { LAB } from "../../shared/space/layout";
import type { SessionRoom } from "../../server/session/room";
import { nextMessage, waitForState, type SdkSessionRoom } from "../support/server";
import { allPatchesDelivered, hostAndGuests, useTestServer } from "../support/rooms";
import { farPose, nearPose } from "../support/poses";

const server = useTestServer();

/** The step Troika's template puts the first client behind the glass: explain, ask, advise. */
const ADVICE = 2;

function serverRoom(room: SdkSessionRoom): SessionRoom {
  return matchMaker.getLocalRoomById(room.roomId) as SessionRoom;
}

/** Sends a facilitator's command and resolves once every guest has been told the resulting state. */
async function everyoneTold(
  told: Map<string, MethodsState>,
  guests: SdkSessionRoom[],
  send: () => void,
  test: (s: MethodsState) => boolean,
) {
  const seen = guests.map((g) => nextMessage<MethodsState>(g, "methods.state", 5000, test));
  send();
  for (const [i, state] of (await Promise.all(seen)).entries()) told.set(guests[i]!.sessionId, state);
}

/** The trios of the current step as the guests were told: client and consultants, by session id. */
function trios(told: Map<string, MethodsState>) {
  const byClient = new Map<string, string[]>();
  for (const [id, state] of told) {
    if (state.troika?.role !== "client") continue;
    byClient.set(
      id,
      state.group.map((m) => m.id).filter((m) => m !== id),
    );
  }
  return [...byClient].map(([client, consultants]) => ({ client, consultants }));
}

describe("Troika's one-way glass at state level", () => {
  it("keeps every byte of a client's pose from their consultants in the advice phase only; facilitator and other groups see as usual", async () => {
    const { host, guests } = await hostAndGuests(server, ["Anna", "Ben", "Cai", "Dora", "Eero", "Frida"]);
    host.onMessage("methods.state", () => {});
    for (const room of [host, ...guests]) room.onMessage("movement.corrected", () => {});
    const told = new Map<string, MethodsState>();
    const byId = new Map(guests.map((g) => [g.sessionId, g]));
    const guest = (id: string) => byId.get(id)!;
    let ids = 0;
    const plan = templatePlan("troika", "en", () => `t${++ids}`);
    const command = (name: "methods.step.next" | "methods.step.back", from: number, to: number) =>
      everyoneTold(
        told,
        guests,
        () => sendCommand(host, name, { from }),
        (s) => s.step === to,
      );
    await everyoneTold(
      told,
      guests,
      () => sendCommand(host, "methods.plan.save", { plan }),
      (s) => s.plan === null && s.step === -1,
    );
    await command("methods.step.next", -1, 0);
    await waitForState(host, (s) => [...s.people.values()].filter((p) => p.zone !== "").length === 6);
    await command("methods.step.next", 0, 1);
    const [a, b] = trios(told) as [
      { client: string; consultants: string[] },
      { client: string; consultants: string[] },
    ];
    expect(trios(told)).toHaveLength(2);
    for (const id of [a.client, ...a.consultants]) expect(told.get(id)!.troika).toMatchObject({ glass: false });
    // Before the glass, each trio sees its members in full (they share a breakout zone).
    for (const { client, consultants } of [a, b])
      for (const c of consultants) await waitForState(guest(c), () => nearPose(guest(c), client) !== undefined);

    const glassUp = async () => {
      for (const { client, consultants } of [a, b]) {
        expect(told.get(client)!.troika).toEqual({ role: "client", glass: true, hidden: [] });
        for (const c of consultants) {
          expect(told.get(c)!.troika).toEqual({ role: "consultant", glass: true, hidden: [client] });
          await waitForState(guest(c), () => nearPose(guest(c), client) === undefined);
        }
      }
    };
    const glassDown = async () => {
      for (const { client, consultants } of [a, b])
        for (const c of consultants) {
          expect(told.get(c)!.troika?.hidden).toEqual([]);
          await waitForState(guest(c), () => nearPose(guest(c), client) !== undefined);
        }
    };

    await command("methods.step.next", 1, ADVICE);
    await glassUp();
    // The client still sees the consultants in full.
    for (const { client, consultants } of [a, b])
      for (const c of consultants) await waitForState(guest(client), () => nearPose(guest(client), c) !== undefined);

    // The client walks about their zone: they see themselves move, their consultants get nothing of it,
    // not even the coarse pose everyone gets (it stays as it was when the glass went up).
    const clientA = guest(a.client);
    const zone = host.state.people.get(a.client)!.zone;
    const area = LAB.breakoutAreas.find((z) => z.id === zone)!;
    const farBefore = a.consultants.map((c) => farPose(guest(c), a.client));
    for (const before of farBefore) expect(before).toBeDefined();
    serverRoom(host).placePerson(a.client, area.x + 1.5, area.z - 1.5);
    await waitForState(clientA, () => nearPose(clientA, a.client)?.x === Math.round((area.x + 1.5) * 100));
    // The facilitator, standing in the trio's zone, sees the client in full.
    serverRoom(host).placePerson(host.sessionId, area.x, area.z);
    await waitForState(host, () => nearPose(host, a.client)?.x === Math.round((area.x + 1.5) * 100));
    // So does someone of the other trio who walks over: the glass is only between a client and their own consultants.
    const visitor = b.consultants[0]!;
    const home = serverRoom(host).state.people.get(visitor)!.pose;
    serverRoom(host).placePerson(visitor, area.x - 1, area.z);
    await waitForState(guest(visitor), () => nearPose(guest(visitor), a.client) !== undefined);
    serverRoom(host).placePerson(visitor, home.x / 100, home.z / 100);
    // Every patch sent so far has arrived: the consultants hold no pose of the client, coarse pose unmoved.
    await allPatchesDelivered(
      host,
      a.consultants.map((c) => guest(c)),
    );
    a.consultants.forEach((c, i) => {
      expect(nearPose(guest(c), a.client)).toBeUndefined();
      expect(farPose(guest(c), a.client)).toEqual(farBefore[i]);
    });

    // Back lifts the glass at once; Next puts it up again; the reflect step lifts it.
    await command("methods.step.back", ADVICE, ADVICE - 1);
    await glassDown();
    await command("methods.step.next", ADVICE - 1, ADVICE);
    await glassUp();
    await command("methods.step.next", ADVICE, ADVICE + 1);
    await glassDown();

    // Ending the run (a new plan replaces it) lifts the glass too.
    await command("methods.step.back", ADVICE + 1, ADVICE);
    await glassUp();
    await everyoneTold(
      told,
      guests,
      () => sendCommand(host, "methods.plan.save", { plan }),
      (s) => s.step === -1,
    );
    for (const id of byId.keys()) expect(told.get(id)!.troika).toBeNull();
    for (const { client, consultants } of [a, b])
      for (const c of consultants) await waitForState(guest(c), () => nearPose(guest(c), client) !== undefined);

    for (const room of [host, ...guests]) await room.leave();
  });

  it("holds for someone who comes back during the advice phase: a consultant rejoining, and the client", async () => {
    const session = await server.createSession();
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    host.onMessage("methods.state", () => {});
    const names = ["Anna", "Ben", "Cai"];
    const join = async (name: string) => {
      const room = await server.join(session.code, { name, personKey: `troika-${name.toLowerCase()}-key-0001` });
      room.onMessage("movement.corrected", () => {});
      return room;
    };
    const guests = await Promise.all(names.map(join));
    const told = new Map<string, MethodsState>();
    let ids = 0;
    const plan = templatePlan("troika", "en", () => `t${++ids}`);
    await everyoneTold(
      told,
      guests,
      () => sendCommand(host, "methods.plan.save", { plan }),
      (s) => s.step === -1,
    );
    for (let from = -1; from < ADVICE; from++)
      await everyoneTold(
        told,
        guests,
        () => sendCommand(host, "methods.step.next", { from }),
        (s) => s.step === from + 1,
      );
    const [{ client, consultants }] = trios(told) as [{ client: string; consultants: string[] }];
    await waitForState(host, (s) => guests.every((g) => (s.people.get(g.sessionId)?.zone ?? "") !== ""));
    const zone = host.state.people.get(client)!.zone;
    const area = LAB.breakoutAreas.find((z) => z.id === zone)!;
    const byId = new Map(guests.map((g) => [g.sessionId, g]));

    /** Leaves and joins again with the same person key (a new session id), back into the trio's zone. */
    const comeBack = async (id: string) => {
      const before = byId.get(id)!;
      const name = before.state.people.get(id)!.name;
      await before.leave();
      const again = await join(name);
      byId.delete(id);
      byId.set(again.sessionId, again);
      const state = nextMessage<MethodsState>(again, "methods.state", 5000, (s) => s.step === ADVICE);
      sendCommand(again, "methods.sync", {});
      told.set(again.sessionId, await state);
      serverRoom(host).placePerson(again.sessionId, area.x + 0.5, area.z + 0.5);
      return again;
    };
    const expectScreened = async (clientId: string, consultantIds: string[]) => {
      const clientRoom = byId.get(clientId)!;
      // The client sees the consultants in full, in the zone.
      for (const c of consultantIds) await waitForState(clientRoom, () => nearPose(clientRoom, c) !== undefined);
      for (const c of consultantIds) {
        const other = consultantIds.find((o) => o !== c)!;
        // Each consultant sees the other in full (so they are near), never the client.
        await waitForState(byId.get(c)!, () => nearPose(byId.get(c)!, other) !== undefined);
      }
      await allPatchesDelivered(
        host,
        consultantIds.map((c) => byId.get(c)!),
      );
      for (const c of consultantIds) expect(nearPose(byId.get(c)!, clientId)).toBeUndefined();
    };

    const returned = await comeBack(consultants[0]!);
    expect(returned.sessionId).not.toBe(consultants[0]);
    const nowConsultants = [returned.sessionId, consultants[1]!];
    expect(told.get(returned.sessionId)!.troika).toEqual({ role: "consultant", glass: true, hidden: [client] });
    await expectScreened(client, nowConsultants);

    // The client comes back: the consultants are told the new session id to keep out, and get no pose of it.
    const toldAgain = nowConsultants.map((c) =>
      nextMessage<MethodsState>(byId.get(c)!, "methods.state", 5000, (s) => s.troika?.hidden[0] !== client),
    );
    const clientAgain = await comeBack(client);
    for (const state of await Promise.all(toldAgain))
      expect(state.troika).toEqual({ role: "consultant", glass: true, hidden: [clientAgain.sessionId] });
    expect(told.get(clientAgain.sessionId)!.troika).toEqual({ role: "client", glass: true, hidden: [] });
    await expectScreened(clientAgain.sessionId, nowConsultants);

    for (const room of [host, ...byId.values()]) await room.leave();
  });
});
