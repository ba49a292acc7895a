import { describe, expect, it } from "vitest";
import type { SessionRoom } from "../../server/session/room";
import { sendCommand } from "../../shared/protocol/send";
import { waitForState, type SdkSessionRoom } from "../support/server";
import { awaitNearPose, useTestServer } from "../support/rooms";
import { nearPose } from "../support/poses";

const server = useTestServer({ reconnectSeconds: 5 });

/** Cuts a client's socket from the server side without a close handshake, like a lost network. */
function cutNetwork(room: SdkSessionRoom): void {
  const serverRoom = server.colyseus.getRoomById<SessionRoom>(room.roomId);
  const client = serverRoom.clients.getById(room.sessionId);
  if (!client) throw new Error("client not found on the server");
  (client.ref as unknown as { terminate(): void }).terminate();
}

describe("a dropped connection", () => {
  it("is shown as reconnecting to others and keeps the seat, name and place when it comes back", async () => {
    const session = await server.createSession();
    const wanderer = await server.join(session.code, { name: "Wanderer", color: 3 });
    const watcher = await server.join(session.code, { name: "Watcher" });
    await waitForState(watcher, (s) => s.people.size === 2);

    const spawn = await awaitNearPose(wanderer);
    const place = { x: spawn.x + 50, z: spawn.z - 30 };
    sendCommand(wanderer, "movement.pose", [place.x, 160, place.z, 1000, 0]);
    await waitForState(watcher, () => nearPose(watcher, wanderer.sessionId)?.x === place.x);

    // The SDK only reconnects rooms that have been up for a while (5 s by default); a test has not.
    wanderer.reconnection.minUptime = 0;
    const reconnected = new Promise<void>((resolve) => wanderer.onReconnect(() => resolve()));
    cutNetwork(wanderer);
    await waitForState(watcher, (s) => s.people.get(wanderer.sessionId)?.connected === false);
    await reconnected;
    await waitForState(watcher, (s) => s.people.get(wanderer.sessionId)?.connected === true);

    const seat = watcher.state.people.get(wanderer.sessionId)!;
    const pose = nearPose(watcher, wanderer.sessionId);
    expect({ name: seat.name, color: seat.color, x: pose?.x, z: pose?.z }).toEqual({
      name: "Wanderer",
      color: 3,
      ...place,
    });
    // The same seat keeps working after the reconnection.
    sendCommand(wanderer, "session.profile", { name: "Back again" });
    await waitForState(watcher, (s) => s.people.get(wanderer.sessionId)?.name === "Back again");
    await Promise.all([wanderer.leave(), watcher.leave()]);
  });

  it("gives the seat up when nobody comes back within the reconnection window", async () => {
    const session = await server.createSession();
    const leaver = await server.join(session.code);
    const watcher = await server.join(session.code);
    await waitForState(watcher, (s) => s.people.size === 2);
    // Stop the SDK from reconnecting, then lose the network: the seat must go after the window.
    leaver.reconnection.enabled = false;
    cutNetwork(leaver);
    await waitForState(watcher, (s) => s.people.get(leaver.sessionId)?.connected === false);
    await waitForState(watcher, (s) => !s.people.has(leaver.sessionId), 9000);
    await watcher.leave();
  });

  it("removes a person at once when they leave on purpose", async () => {
    const session = await server.createSession();
    const leaver = await server.join(session.code);
    const watcher = await server.join(session.code);
    await waitForState(watcher, (s) => s.people.size === 2);
    await leaver.leave(true);
    await waitForState(watcher, (s) => s.people.size === 1, 1000);
    await watcher.leave();
  });
});
