import { describe, expect, it } from "vitest";
import { sendCommand } from "../../shared/protocol/send";
import { LAB } from "../../shared/space/layout";
import type { ErrorMessage } from "../../shared/protocol";
import { nextMessage, waitForState, type SdkSessionRoom } from "../support/server";
import { useTestServer, hostAndGuests, refusal } from "../support/rooms";
import { zoneWork } from "./helpers";

const server = useTestServer();

describe("zones in the session state", () => {
  it("starts with the lab's four zones, public to all, their work only with facilitators", async () => {
    const { host, guests } = await hostAndGuests(server, ["Anna"]);
    const [anna] = guests as [SdkSessionRoom];
    await waitForState(anna, (s) => s.zones.size === 4);
    expect([...anna.state.zones.keys()]).toEqual(LAB.breakoutAreas.map((a) => a.id));
    const nw = anna.state.zones.get("nw")!;
    expect({ x: nw.x, z: nw.z, radius: nw.radius, letter: nw.letter, locked: nw.locked }).toEqual({
      x: -10.5,
      z: -6.5,
      radius: 3.8,
      letter: "A",
      locked: false,
    });
    expect(zoneWork(anna.state, "nw")).toBeUndefined();
    await waitForState(host, (s) => [...s.zones.values()].every((zone) => zone.work?.timer?.status === "idle"));
    await Promise.all([host.leave(), anna.leave()]);
  });

  it("lets a facilitator add, rename, move, resize, lock and remove zones, and checks every change", async () => {
    const { host, guests } = await hostAndGuests(server, ["Anna"]);
    const [anna] = guests as [SdkSessionRoom];

    sendCommand(host, "zones.create", { name: "  Kela   corner ", capacity: 5 });
    await waitForState(anna, (s) => s.zones.size === 5);
    const created = [...anna.state.zones.values()][4]!;
    expect(created.name).toBe("Kela corner");
    expect(created.letter).toBe("E");
    expect(created.capacity).toBe(5);
    expect(created.id).toMatch(/^z[a-z0-9]{6}$/);
    // Its work goes to the facilitator at once, and not to the participant.
    await waitForState(host, (s) => zoneWork(s, created.id)?.timer?.status === "idle");
    expect(zoneWork(anna.state, created.id)).toBeUndefined();

    sendCommand(host, "zones.update", { id: created.id, x: 12, z: -13.3, radius: 2.5, locked: true, name: "" });
    await waitForState(anna, (s) => s.zones.get(created.id)?.locked === true);
    expect(anna.state.zones.get(created.id)).toMatchObject({ x: 12, z: -13.3, radius: 2.5, name: "" });

    const bad: [string, unknown, string][] = [
      ["zones.update", { id: created.id, x: 15 }, "zone_outside_floor"],
      ["zones.update", { id: created.id, x: 0, z: -10 }, "zone_overlaps"],
      ["zones.update", { id: created.id, x: 0, z: 6 }, "zone_overlaps"],
      ["zones.update", { id: created.id, x: -10.5, z: -9 }, "zone_overlaps"],
      ["zones.update", { id: created.id, capacity: -1 }, "invalid_payload"],
      ["zones.update", { id: created.id, capacity: 2.5 }, "invalid_payload"],
      ["zones.update", { id: created.id, radius: 0.2 }, "invalid_payload"],
      ["zones.update", { id: created.id, name: "x".repeat(41) }, "invalid_payload"],
      ["zones.update", { id: created.id, name: "evil\u202Eeman" }, "invalid_payload"],
      ["zones.update", { id: created.id, color: "#123456" }, "invalid_payload"],
      ["zones.update", { id: "nope", locked: true }, "not_found"],
      ["zones.create", { x: 0, z: 0 }, "zone_overlaps"],
      ["zones.create", { x: 3 }, "invalid_payload"],
      ["zones.task", { target: "nw", text: "x".repeat(1001) }, "invalid_payload"],
      ["zones.task", { target: "nw", text: "hidden\u202Etext" }, "invalid_payload"],
    ];
    for (const [name, payload, code] of bad) {
      expect(await refusal(host, name, payload), `${name} ${JSON.stringify(payload)}`).toMatchObject({ code });
    }
    expect(anna.state.zones.get(created.id)).toMatchObject({ x: 12, z: -13.3, radius: 2.5, capacity: 5 });

    sendCommand(host, "zones.remove", { id: created.id });
    await waitForState(anna, (s) => s.zones.size === 4 && !s.zones.has(created.id));

    // Zones can be added until the floor is full; then the facilitator is told why not.
    let error: ErrorMessage | null = null;
    for (let i = 0; i < 20 && !error; i++) {
      const outcome = Promise.race([
        nextMessage<ErrorMessage>(host, "error", 1000),
        waitForState(host, (s) => s.zones.size > 4 + i, 1000).then(() => null),
      ]);
      sendCommand(host, "zones.create", { radius: 3 });
      error = await outcome;
    }
    expect(error).toMatchObject({ code: "too_many_zones" });
    await Promise.all([host.leave(), anna.leave()]);
  });
});
