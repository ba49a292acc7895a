import { describe, expect, it } from "vitest";
import { sendCommand } from "../../shared/protocol/send";
import { waitForState, type SdkSessionRoom } from "../support/server";
import { useTestServer, hostAndGuests, where, refusal, allPatchesDelivered } from "../support/rooms";
import { zoneWork } from "./helpers";

const server = useTestServer();

describe("only facilitators orchestrate", () => {
  it("refuses every facilitator action from a participant and changes nothing", async () => {
    const { host, guests } = await hostAndGuests(server, ["Guest"]);
    const [guest] = guests as [SdkSessionRoom];
    sendCommand(host, "hands.raise", { raised: true });
    await waitForState(guest, (s) => s.people.get(host.sessionId)!.handRaisedAt > 0);
    const before = where(guest);

    const attempts: [string, unknown][] = [
      ["zones.create", {}],
      ["zones.create", { x: 11, z: -13, radius: 2 }],
      ["zones.update", { id: "nw", locked: true }],
      ["zones.update", { id: "nw", x: -11 }],
      ["zones.update", { id: "nw", capacity: 1 }],
      ["zones.update", { id: "nw", name: "Mine" }],
      ["zones.remove", { id: "nw" }],
      ["zones.task", { target: "*", text: "Do what I say" }],
      ["zones.send", { groups: [{ zone: "nw", people: [guest.sessionId] }], seconds: 60 }],
      ["zones.recall", { graceSeconds: 0 }],
      ["zones.recall", { graceSeconds: 60 }],
      ["zones.cancelRecall", {}],
      ["zones.summon", {}],
      ["zones.lead", { active: true }],
      ["timers.control", { op: "start", target: "plenary", seconds: 300 }],
      ["timers.control", { op: "start", target: "zones", seconds: 300 }],
      ["timers.control", { op: "pause", target: "plenary" }],
      ["timers.control", { op: "resume", target: "plenary" }],
      ["timers.control", { op: "add", target: "nw", seconds: 60 }],
      ["timers.control", { op: "reset", target: "zones" }],
      ["hands.lower", { id: host.sessionId }],
      ["hands.lower", { id: "*" }],
    ];
    for (const [name, payload] of attempts) {
      expect(await refusal(guest, name, payload), name).toMatchObject({ code: "forbidden", command: name });
    }
    await allPatchesDelivered(host, [guest]);
    const nw = guest.state.zones.get("nw")!;
    expect(guest.state.zones.size).toBe(4);
    expect({ locked: nw.locked, x: nw.x, capacity: nw.capacity, name: nw.name }).toEqual({
      locked: false,
      x: -10.5,
      capacity: 0,
      name: "",
    });
    expect(zoneWork(host.state, "nw")?.task).toBe("");
    expect(guest.state.plenaryTimer.status).toBe("idle");
    expect([...host.state.zones.values()].map((z) => z.work.timer.status)).toEqual(["idle", "idle", "idle", "idle"]);
    expect(guest.state.facilitation.recallEndsAt).toBe(0);
    expect(guest.state.facilitation.followLeader).toBe("");
    expect(guest.state.people.get(host.sessionId)!.handRaisedAt).toBeGreaterThan(0);
    expect(where(guest)).toEqual(before);
    await Promise.all([host.leave(), guest.leave()]);
  });

  it("refuses the members' own actions to observers", async () => {
    const { session, host } = await hostAndGuests(server, []);
    const watcher = await server.join(session.code, { observer: true });
    sendCommand(host, "zones.lead", { active: true });
    await waitForState(watcher, (s) => s.facilitation.followLeader === host.sessionId);
    for (const [name, payload] of [
      ["hands.raise", { raised: true }],
      ["zones.ready", { ready: true }],
      ["zones.follow", { leader: host.sessionId }],
      ["zones.return", {}],
      ["chat.send", { channel: "plenary", text: "hello" }],
    ] as const) {
      expect(await refusal(watcher, name, payload), name).toMatchObject({ code: "forbidden" });
    }
    await Promise.all([host.leave(), watcher.leave()]);
  });
});
