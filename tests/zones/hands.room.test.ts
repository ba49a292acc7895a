import { describe, expect, it } from "vitest";
import { sendCommand } from "../../shared/protocol/send";
import { waitForState, type SdkSessionRoom } from "../support/server";
import { useTestServer, hostAndGuests, refusal, handled } from "../support/rooms";
import { skippableClock } from "../support/clock";

const clock = skippableClock();
const server = useTestServer({ now: clock.now });

describe("hands and ready flags", () => {
  it("queues raised hands in order and lets a facilitator lower them", async () => {
    const { host, guests } = await hostAndGuests(server, ["Anna", "Ben"]);
    const [anna, ben] = guests as [SdkSessionRoom, SdkSessionRoom];
    sendCommand(ben, "hands.raise", { raised: true });
    await handled(ben);
    clock.skip(5);
    sendCommand(anna, "hands.raise", { raised: true });
    await waitForState(host, (s) => [...s.people.values()].filter((p) => p.handRaisedAt > 0).length === 2);
    const queue = [...host.state.people.entries()]
      .filter(([, p]) => p.handRaisedAt > 0)
      .sort(([, a], [, b]) => a.handRaisedAt - b.handRaisedAt)
      .map(([id]) => id);
    expect(queue).toEqual([ben.sessionId, anna.sessionId]);
    // Raising again keeps one's place in the queue.
    const benAt = host.state.people.get(ben.sessionId)!.handRaisedAt;
    sendCommand(ben, "hands.raise", { raised: true });
    await handled(ben);
    sendCommand(host, "hands.lower", { id: anna.sessionId });
    await waitForState(anna, (s) => s.people.get(anna.sessionId)!.handRaisedAt === 0);
    expect(anna.state.people.get(ben.sessionId)!.handRaisedAt).toBe(benAt);
    sendCommand(ben, "hands.raise", { raised: false });
    await waitForState(host, (s) => s.people.get(ben.sessionId)!.handRaisedAt === 0);
    sendCommand(anna, "hands.raise", { raised: true });
    sendCommand(ben, "hands.raise", { raised: true });
    await waitForState(host, (s) => [...s.people.values()].filter((p) => p.handRaisedAt > 0).length === 2);
    sendCommand(host, "hands.lower", { id: "*" });
    await waitForState(anna, (s) => [...s.people.values()].every((p) => p.handRaisedAt === 0));
    await Promise.all([host.leave(), anna.leave(), ben.leave()]);
  });

  it("lets a group mark itself ready, only from inside its zone", async () => {
    const { host, guests } = await hostAndGuests(server, ["Anna"]);
    const [anna] = guests as [SdkSessionRoom];
    expect(await refusal(anna, "zones.ready", { ready: true })).toMatchObject({ code: "not_in_zone" });
    sendCommand(host, "zones.send", { groups: [{ zone: "ne", people: [anna.sessionId] }] });
    await waitForState(anna, (s) => s.people.get(anna.sessionId)?.zone === "ne");
    sendCommand(anna, "zones.ready", { ready: true });
    await waitForState(host, (s) => s.zones.get("ne")?.ready === true);
    sendCommand(host, "zones.recall", { graceSeconds: 0 });
    await waitForState(host, (s) => s.zones.get("ne")?.ready === false);
    await Promise.all([host.leave(), anna.leave()]);
  });
});
