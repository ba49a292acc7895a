import { describe, expect, it } from "vitest";
import { sendCommand } from "../../shared/protocol/send";
import { LAB, isWalkable } from "../../shared/space/layout";
import { yawFromSteps } from "../../shared/movement/pose-codec";
import type { ServerMessage } from "../../shared/protocol";
import { nextMessage, waitForState } from "../support/server";
import { useTestServer, allPatchesDelivered, handled, hostAndGuests, where } from "../support/rooms";
import { nearPose } from "../support/poses";

const server = useTestServer();

function distanceToSegment(p: { x: number; z: number }, a: { x: number; z: number }, b: { x: number; z: number }) {
  const dx = b.x - a.x;
  const dz = b.z - a.z;
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.z - a.z) * dz) / (dx * dx + dz * dz)));
  return Math.hypot(p.x - (a.x + t * dx), p.z - (a.z + t * dz));
}

describe("summoning on the server", () => {
  it("stands everyone in an arc facing the facilitator, out of their face and of their view of the screen", async () => {
    const names = Array.from({ length: 14 }, (_, i) => `Guest ${i + 1}`);
    const { host, guests } = await hostAndGuests(server, names);
    // The facilitator hops in front of the plenary and turns to the stage: the old summon filled
    // exactly this view with people.
    sendCommand(host, "movement.teleport", { x: 0, z: -200 });
    await waitForState(host, () => nearPose(host)?.z === -200);
    sendCommand(host, "movement.pose", [0, 160, -200, 0, 0]);
    await handled(host);

    const moved = guests.map((g) => nextMessage<ServerMessage<"movement.corrected">>(g, "movement.corrected"));
    sendCommand(host, "zones.summon", {});
    for (const message of await Promise.all(moved)) expect(message).toMatchObject({ reason: "moved_by_server" });
    await allPatchesDelivered(host, [host, ...guests]);

    const leader = where(host);
    expect(leader).toMatchObject({ x: 0, z: -2 });
    const { screen } = LAB;
    const screenPoints = [-screen.width / 2, 0, screen.width / 2].map((dx) => ({ x: screen.x + dx, z: screen.z }));
    const spots = guests.map((g) => where(host, g.sessionId));
    for (const [i, spot] of spots.entries()) {
      expect(isWalkable(spot.x, spot.z)).toBe(true);
      expect(Math.hypot(spot.x - leader.x, spot.z - leader.z)).toBeGreaterThan(1.49);
      for (const end of screenPoints) expect(distanceToSegment(spot, leader, end)).toBeGreaterThan(0.68);
      // Facing the facilitator (yaw 0 looks towards -z).
      const yaw = yawFromSteps(nearPose(host, guests[i]!.sessionId)!.yaw);
      const to = { x: leader.x - spot.x, z: leader.z - spot.z };
      expect((-Math.sin(yaw) * to.x - Math.cos(yaw) * to.z) / Math.hypot(to.x, to.z)).toBeGreaterThan(0.99);
    }
    for (let i = 0; i < spots.length; i++)
      for (let j = i + 1; j < spots.length; j++)
        expect(Math.hypot(spots[i]!.x - spots[j]!.x, spots[i]!.z - spots[j]!.z)).toBeGreaterThan(0.78);
    await Promise.all([host, ...guests].map((room) => room.leave()));
  });
});
