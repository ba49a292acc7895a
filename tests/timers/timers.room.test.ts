import { describe, expect, it } from "vitest";
import { sendCommand } from "../../shared/protocol/send";
import type { ServerMessage } from "../../shared/protocol";
import { remainingAt } from "../../shared/timers/timer";
import { readTimer } from "../../server/timers/write";
import { nextMessage, waitForState } from "../support/server";
import { useTestServer, hostAndGuests, refusal } from "../support/rooms";
import { zoneWork } from "../zones/helpers";

// The server's clock is ours to move forward, so countdowns can finish without waiting for them.
let shift = 0;
const server = useTestServer({ now: () => Date.now() + shift });

describe("countdowns on the server's clock", () => {
  it("runs the plenary countdown for everyone: start, pause, add time, resume, finish", async () => {
    const { host, guests } = await hostAndGuests(server, ["Anna"]);
    const [anna] = guests as [(typeof guests)[number]];
    sendCommand(host, "timers.control", { op: "start", target: "plenary", seconds: 300 });
    await waitForState(anna, (s) => s.plenaryTimer.status === "running");
    expect(anna.state.plenaryTimer.durationMs).toBe(300_000);

    sendCommand(host, "timers.control", { op: "pause", target: "plenary" });
    await waitForState(anna, (s) => s.plenaryTimer.status === "paused");
    const paused = anna.state.plenaryTimer.remainingMs;
    expect(paused).toBeLessThanOrEqual(300_000);
    expect(paused).toBeGreaterThan(295_000);

    sendCommand(host, "timers.control", { op: "add", target: "plenary", seconds: 300 });
    await waitForState(anna, (s) => s.plenaryTimer.remainingMs === paused + 300_000);
    expect(anna.state.plenaryTimer.status).toBe("paused");
    sendCommand(host, "timers.control", { op: "resume", target: "plenary" });
    await waitForState(anna, (s) => s.plenaryTimer.status === "running");

    // Ten minutes later on the server: done, and everyone's state says so.
    shift += 11 * 60_000;
    await waitForState(anna, (s) => s.plenaryTimer.status === "done", 2000);
    expect(remainingAt(readTimer(anna.state.plenaryTimer), Date.now() + shift)).toBe(0);

    sendCommand(host, "timers.control", { op: "reset", target: "plenary" });
    await waitForState(anna, (s) => s.plenaryTimer.status === "idle");
    expect(await refusal(host, "timers.control", { op: "start", target: "plenary", seconds: 5 })).toMatchObject({
      code: "invalid_payload",
    });
    expect(await refusal(host, "timers.control", { op: "add", target: "plenary", seconds: 120 })).toMatchObject({
      code: "invalid_payload",
    });
    expect(await refusal(host, "timers.control", { op: "pause", target: "nope" })).toMatchObject({
      code: "not_found",
    });
    await Promise.all([host.leave(), anna.leave()]);
  });

  it("keeps each zone's countdown with the zone's members, and runs them all at once", async () => {
    const { host, guests } = await hostAndGuests(server, ["Anna", "Ben"]);
    const [anna, ben] = guests as [(typeof guests)[number], (typeof guests)[number]];
    sendCommand(host, "zones.send", {
      groups: [
        { zone: "nw", people: [anna.sessionId] },
        { zone: "ne", people: [ben.sessionId] },
      ],
      seconds: 120,
    });
    await waitForState(anna, (s) => zoneWork(s, "nw")?.timer.status === "running");
    expect(zoneWork(anna.state, "ne")).toBeUndefined();
    sendCommand(host, "timers.control", { op: "add", target: "zones", seconds: 60 });
    await waitForState(ben, (s) => zoneWork(s, "ne")?.timer.durationMs === 180_000);
    sendCommand(host, "timers.control", { op: "pause", target: "zones" });
    await waitForState(host, (s) => [...s.zones.values()].every((z) => z.work.timer.status !== "running"));
    // Zones that never had a countdown stay idle; pausing does not start them.
    expect(zoneWork(host.state, "sw")?.timer.status).toBe("idle");
    await Promise.all([host.leave(), anna.leave(), ben.leave()]);
  });

  it("tells a client the server's time, to correct a client clock that is off", async () => {
    const { host } = await hostAndGuests(server, []);
    const reply = nextMessage<ServerMessage<"timers.sync">>(host, "timers.sync");
    const askedAt = Date.now();
    sendCommand(host, "timers.sync", { t: 12345 });
    const { t, server: serverTime } = await reply;
    expect(t).toBe(12345);
    expect(serverTime - shift).toBeGreaterThanOrEqual(askedAt);
    expect(serverTime - shift).toBeLessThanOrEqual(Date.now());
    await host.leave();
  });
});
