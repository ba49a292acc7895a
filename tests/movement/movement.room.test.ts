import { describe, expect, it } from "vitest";
import { encodePose } from "../../shared/movement/pose-codec";
import { TELEPORT } from "../../shared/movement/rules";
import { sendCommand } from "../../shared/protocol/send";
import type { ServerMessage } from "../../shared/protocol";
import { skippableClock } from "../support/clock";
import { nextMessage, waitForState } from "../support/server";
import { awaitNearPose, useTestServer } from "../support/rooms";
import { nearPose } from "../support/poses";

const clock = skippableClock();
const server = useTestServer({ now: clock.now });

describe("movement on the server's authority", () => {
  it("forwards a plausible step to others", async () => {
    const session = await server.createSession();
    const walker = await server.join(session.code);
    const watcher = await server.join(session.code);
    await waitForState(watcher, (s) => s.people.size === 2);
    const start = await awaitNearPose(walker);
    const target = { x: start.x / 100 + 0.5, y: 1.6, z: start.z / 100, yaw: 1, pitch: 0.2 };
    sendCommand(walker, "movement.pose", encodePose(target));
    await waitForState(watcher, () => nearPose(watcher, walker.sessionId)?.x === Math.round(target.x * 100));
    expect(nearPose(watcher, walker.sessionId)!.pitch).toBe(encodePose(target)[4]);
    await Promise.all([walker.leave(), watcher.leave()]);
  });

  it("corrects a jump across the room and keeps the person where they were", async () => {
    const session = await server.createSession();
    const cheater = await server.join(session.code);
    const start = { ...(await awaitNearPose(cheater)) };
    const corrected = nextMessage<ServerMessage<"movement.corrected">>(cheater, "movement.corrected");
    sendCommand(cheater, "movement.pose", encodePose({ x: 12, y: 1.6, z: 12, yaw: 0, pitch: 0 }));
    expect(await corrected).toEqual({ x: start.x, z: start.z, reason: "too_fast" });
    expect(nearPose(cheater)!.x).toBe(start.x);
    await cheater.leave();
  });

  it("refuses walking through a wall and teleporting outside the room", async () => {
    const session = await server.createSession();
    const mover = await server.join(session.code);
    // Two teleport hops (each within reach, past the cooldown) to just inside the east wall.
    for (const x of [800, 1550]) {
      sendCommand(mover, "movement.teleport", { x, z: 300 });
      await waitForState(mover, () => nearPose(mover)?.x === x);
      clock.skip(TELEPORT.cooldownMs);
    }

    const wall = nextMessage<ServerMessage<"movement.corrected">>(mover, "movement.corrected");
    sendCommand(mover, "movement.pose", [1620, 160, 300, 0, 0]);
    expect((await wall).reason).toBe("not_walkable");

    const outside = nextMessage<ServerMessage<"movement.corrected">>(mover, "movement.corrected");
    sendCommand(mover, "movement.teleport", { x: 1700, z: 300 });
    expect((await outside).reason).toBe("not_walkable");
    expect(nearPose(mover)!.x).toBe(1550);
    await mover.leave();
  });
});
