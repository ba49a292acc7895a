import { describe, expect, it } from "vitest";
import { sendCommand } from "../../shared/protocol/send";
import { cmToMetres } from "../../shared/movement/pose-codec";
import { LAB } from "../../shared/space/layout";
import type { ServerMessage } from "../../shared/protocol";
import { nextMessage, waitForState, type SdkSessionRoom } from "../support/server";
import { useTestServer, hostAndGuests, where, refusal, handled, allPatchesDelivered, teleport } from "../support/rooms";
import { zoneWork } from "./helpers";
import { nearPose } from "../support/poses";
import { skippableClock } from "../support/clock";

const clock = skippableClock();
const server = useTestServer({ now: clock.now });

describe("moving people on the server's authority", () => {
  it("sends groups to their zones with their tasks in one step, and recalls everyone to the plenary circle", async () => {
    const { host, guests } = await hostAndGuests(server, ["Anna", "Ben", "Cecilia"]);
    const [anna, ben, cecilia] = guests as [SdkSessionRoom, SdkSessionRoom, SdkSessionRoom];
    const moved = nextMessage<ServerMessage<"movement.corrected">>(anna, "movement.corrected");
    sendCommand(host, "zones.send", {
      groups: [
        { zone: "nw", people: [anna.sessionId, cecilia.sessionId] },
        { zone: "se", people: [ben.sessionId], task: "Map the risks" },
      ],
      task: "Sketch the ideal service",
      seconds: 900,
    });
    expect(await moved).toMatchObject({ reason: "moved_by_server" });
    // People arrive to their task: the moment Ben is in his zone, his state already holds its own task.
    await waitForState(ben, (s) => s.people.get(ben.sessionId)?.zone === "se");
    expect(zoneWork(ben.state, "se")?.task).toBe("Map the risks");
    await waitForState(host, (s) => {
      const zones = [anna, ben, cecilia].map((r) => s.people.get(r.sessionId)?.zone);
      return zones.join() === "nw,se,nw";
    });
    for (const [room, zone, task] of [
      [anna, "nw", "Sketch the ideal service"],
      [ben, "se", "Map the risks"],
      [cecilia, "nw", "Sketch the ideal service"],
    ] as const) {
      const spot = where(host, room.sessionId);
      const area = host.state.zones.get(zone)!;
      expect(Math.hypot(spot.x - area.x, spot.z - area.z)).toBeLessThan(area.radius);
      await waitForState(room, (s) => zoneWork(s, zone)?.task !== undefined);
      expect(zoneWork(room.state, zone)?.task).toBe(task);
    }
    expect(zoneWork(host.state, "nw")?.timer.status).toBe("running");
    expect(zoneWork(host.state, "sw")?.timer.status).toBe("idle");

    sendCommand(host, "zones.recall", { graceSeconds: 0 });
    await waitForState(host, (s) => [anna, ben, cecilia].every((r) => s.people.get(r.sessionId)?.zone === ""));
    const { plenary } = LAB;
    const spots = [anna, ben, cecilia].map((r) => where(host, r.sessionId));
    for (const spot of spots) expect(Math.hypot(spot.x - plenary.x, spot.z - plenary.z)).toBeLessThan(plenary.radius);
    expect(Math.hypot(spots[0]!.x - spots[1]!.x, spots[0]!.z - spots[1]!.z)).toBeGreaterThan(0.5);
    await waitForState(host, (s) => [...s.zones.values()].every((z) => z.work.timer.status === "idle"));
    await Promise.all([host, anna, ben, cecilia].map((room) => room.leave()));
  });

  it("refuses a send that names a missing zone, someone twice, or more people than a zone holds", async () => {
    const { host, guests } = await hostAndGuests(server, ["Anna", "Ben"]);
    const [anna, ben] = guests as [SdkSessionRoom, SdkSessionRoom];
    sendCommand(host, "zones.update", { id: "nw", capacity: 1 });
    await handled(host);
    const cases: [unknown, string][] = [
      [{ groups: [{ zone: "nope", people: [anna.sessionId] }] }, "not_found"],
      [{ groups: [{ zone: "nw", people: [anna.sessionId, ben.sessionId] }] }, "zone_full"],
      [
        {
          groups: [
            { zone: "ne", people: [anna.sessionId] },
            { zone: "se", people: [anna.sessionId] },
          ],
        },
        "invalid_payload",
      ],
      [{ groups: [{ zone: "ne", people: ["nobody"] }] }, "not_found"],
      [{ groups: [] }, "invalid_payload"],
    ];
    for (const [payload, code] of cases) {
      clock.skip(1000); // each case on its own, not against the send rate
      expect(await refusal(host, "zones.send", payload)).toMatchObject({ code });
    }
    await allPatchesDelivered(host, [anna]);
    expect(where(host, anna.sessionId).zone).toBe("");
    await Promise.all([host.leave(), anna.leave(), ben.leave()]);
  });

  it("lets people come back on their own during a recall's grace period, then brings the rest", async () => {
    const { host, guests } = await hostAndGuests(server, ["Anna", "Ben"]);
    const [anna, ben] = guests as [SdkSessionRoom, SdkSessionRoom];
    sendCommand(host, "zones.send", {
      groups: [
        { zone: "nw", people: [anna.sessionId] },
        { zone: "ne", people: [ben.sessionId] },
      ],
    });
    await waitForState(host, (s) => s.people.get(ben.sessionId)?.zone === "ne");
    expect(await refusal(anna, "zones.return", {})).toMatchObject({ code: "no_recall" });
    sendCommand(host, "zones.recall", { graceSeconds: 2 });
    await waitForState(anna, (s) => s.facilitation.recallEndsAt > 0);
    sendCommand(anna, "zones.return", {});
    await waitForState(host, (s) => s.people.get(anna.sessionId)?.zone === "");
    expect(where(host, ben.sessionId).zone).toBe("ne");
    await waitForState(
      host,
      (s) => s.people.get(ben.sessionId)?.zone === "" && s.facilitation.recallEndsAt === 0,
      4000,
    );
    await Promise.all([host.leave(), anna.leave(), ben.leave()]);
  });

  it("summons everyone to stand in front of the facilitator, facing them", async () => {
    const { host, guests } = await hostAndGuests(server, ["Anna", "Ben"]);
    sendCommand(host, "zones.send", { groups: [{ zone: "se", people: guests.map((g) => g.sessionId) }] });
    await waitForState(host, (s) => guests.every((g) => s.people.get(g.sessionId)?.zone === "se"));
    sendCommand(host, "zones.summon", {});
    await waitForState(host, (s) => guests.every((g) => s.people.get(g.sessionId)?.zone === ""));
    const leader = where(host);
    for (const guest of guests) {
      const spot = where(host, guest.sessionId);
      const distance = Math.hypot(spot.x - leader.x, spot.z - leader.z);
      expect(distance).toBeGreaterThan(1.2);
      expect(distance).toBeLessThan(4);
    }
    await Promise.all([host.leave(), ...guests.map((g) => g.leave())]);
  });

  it("stops a participant at the edge of a full zone and of a locked one, but not a facilitator", async () => {
    const { host, guests } = await hostAndGuests(server, ["Anna", "Ben"]);
    const [anna, ben] = guests as [SdkSessionRoom, SdkSessionRoom];
    sendCommand(host, "zones.update", { id: "nw", capacity: 1 });
    sendCommand(host, "zones.send", { groups: [{ zone: "nw", people: [anna.sessionId] }] });
    await waitForState(ben, (s) => s.people.get(anna.sessionId)?.zone === "nw");

    // Ben walks up to the edge of NW (centre -10.5, -6.5, radius 3.8)…
    await teleport(ben, clock, -3, -2);
    await teleport(ben, clock, -6.5, -5);
    await waitForState(ben, () => Math.abs(cmToMetres(nearPose(ben)?.x ?? NaN) + 6.5) < 0.01);
    // …and steps in: refused, with the reason, and he stays outside.
    let corrected = nextMessage<ServerMessage<"movement.corrected">>(ben, "movement.corrected");
    sendCommand(ben, "movement.pose", [-700, 160, -530, 0, 0]);
    expect(await corrected).toMatchObject({ reason: "zone_full", zone: "nw", x: -650, z: -500 });
    corrected = nextMessage<ServerMessage<"movement.corrected">>(ben, "movement.corrected");
    await teleport(ben, clock, -9, -6);
    expect(await corrected).toMatchObject({ reason: "zone_full", zone: "nw" });
    expect(where(host, ben.sessionId)).toMatchObject({ x: -6.5, z: -5, zone: "" });

    // Locked, with room to spare: refused as locked.
    sendCommand(host, "zones.update", { id: "nw", capacity: 0, locked: true });
    await waitForState(ben, (s) => s.zones.get("nw")?.locked === true);
    corrected = nextMessage<ServerMessage<"movement.corrected">>(ben, "movement.corrected");
    sendCommand(ben, "movement.pose", [-700, 160, -530, 0, 0]);
    expect(await corrected).toMatchObject({ reason: "zone_locked", zone: "nw" });

    // Leaving a locked zone is always allowed; a facilitator may enter.
    await teleport(anna, clock, -5, -3);
    await waitForState(host, (s) => s.people.get(anna.sessionId)?.zone === "");
    await teleport(host, clock, -3, -2);
    await teleport(host, clock, -9, -6);
    await waitForState(host, (s) => s.people.get(host.sessionId)?.zone === "nw");

    // Unlocked: Ben walks in.
    sendCommand(host, "zones.update", { id: "nw", locked: false });
    await waitForState(ben, (s) => s.zones.get("nw")?.locked === false);
    sendCommand(ben, "movement.pose", [-700, 160, -530, 0, 0]);
    await waitForState(host, (s) => s.people.get(ben.sessionId)?.zone === "nw");
    await Promise.all([host.leave(), anna.leave(), ben.leave()]);
  });

  it("asks people to follow, lets them accept and stop, and forgets it when the leader stops", async () => {
    const { host, guests } = await hostAndGuests(server, ["Anna"]);
    const [anna] = guests as [SdkSessionRoom];
    expect(await refusal(anna, "zones.follow", { leader: host.sessionId })).toMatchObject({ code: "not_found" });
    sendCommand(host, "zones.lead", { active: true });
    await waitForState(anna, (s) => s.facilitation.followLeader === host.sessionId);
    sendCommand(anna, "zones.follow", { leader: host.sessionId });
    await waitForState(host, (s) => s.people.get(anna.sessionId)?.following === host.sessionId);
    // Being sent to a zone ends following (or the view would walk back out to the leader).
    sendCommand(host, "zones.send", { groups: [{ zone: "ne", people: [anna.sessionId] }] });
    await waitForState(host, (s) => s.people.get(anna.sessionId)?.following === "");
    sendCommand(anna, "zones.follow", { leader: host.sessionId });
    await waitForState(host, (s) => s.people.get(anna.sessionId)?.following === host.sessionId);
    sendCommand(host, "zones.lead", { active: false });
    await waitForState(
      anna,
      (s) => s.facilitation.followLeader === "" && s.people.get(anna.sessionId)?.following === "",
    );
    await Promise.all([host.leave(), anna.leave()]);
  });
});
