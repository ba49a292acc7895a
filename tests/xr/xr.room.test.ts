import { describe, expect, it } from "vitest";
import { sendCommand } from "../../shared/protocol/send";
import { TELEPORT } from "../../shared/movement/rules";
import type { ErrorMessage, ServerMessage } from "../../shared/protocol";
import { encodeHands, encodePose, untrackedHand, type HandPose } from "../../shared/movement/pose-codec";
import { skippableClock } from "../support/clock";
import { nextMessage, waitForState, type SdkSessionRoom } from "../support/server";
import { nearPose } from "../support/poses";
import { awaitNearPose, handled, teleport, useTestServer } from "../support/rooms";

const clock = skippableClock();
const server = useTestServer({ now: clock.now });

const raised: HandPose = { ...untrackedHand(), tracked: true, dx: 0.2, dy: 0.3, dz: -0.3 };

function person(room: SdkSessionRoom, id: string) {
  return room.state.people.get(id)!;
}

/** The person's own pose with hands added, standing still (so the walk budget is not involved). */
async function poseWithHands(room: SdkSessionRoom, left: HandPose, right: HandPose) {
  const pose = await awaitNearPose(room);
  return [pose.x, 170, pose.z, pose.yaw, 0, encodeHands(left, right)] as const;
}

describe("VR presence", () => {
  it("marks a person as in VR for everyone, takes their hands only then, and stops sending them on leaving VR", async () => {
    const session = await server.createSession();
    const desk = await server.join(session.code, { name: "Desk" });
    const headset = await server.join(session.code, { name: "Headset" });
    const id = headset.sessionId;
    await waitForState(desk, (s) => s.people.size === 2);

    // Before entering VR, hands are ignored (a desktop client has none to send).
    sendCommand(headset, "movement.pose", [...(await poseWithHands(headset, raised, raised))]);
    await waitForState(desk, () => nearPose(desk, id)?.y === 170);
    expect(person(desk, id).hands?.left.flags ?? 0).toBe(0);

    sendCommand(headset, "xr.session", { inVR: true });
    await waitForState(desk, (s) => s.people.get(id)?.inVR === true);
    sendCommand(headset, "movement.pose", [...(await poseWithHands(headset, raised, untrackedHand()))]);
    await waitForState(desk, (s) => s.people.get(id)?.hands.left.flags === 1);
    expect(person(desk, id).hands.left).toMatchObject({ dx: 20, dy: 30, dz: -30 });
    expect(person(desk, id).hands.right.flags).toBe(0);

    // Out of VR the hands are no longer sent: they leave the near clients' state.
    sendCommand(headset, "xr.session", { inVR: false });
    await waitForState(desk, (s) => s.people.get(id)?.inVR === false);
    expect(person(desk, id).hands).toBeUndefined();
    await Promise.all([desk.leave(), headset.leave()]);
  });

  it("sends hands only to the people near a VR user, whether they entered VR near or came near later", async () => {
    const session = await server.createSession();
    const headset = await server.join(session.code, { name: "Headset" });
    const mate = await server.join(session.code, { name: "Mate" });
    const far = await server.join(session.code, { name: "Far" });
    const id = headset.sessionId;
    await waitForState(far, (s) => s.people.size === 3);
    // The headset user and a mate go to breakout zone NW, the far participant to zone NE, 21 m away.
    for (const room of [headset, mate]) {
      await teleport(room, clock, -3, -2);
      await teleport(room, clock, -10.5, -6.5);
    }
    await teleport(far, clock, 3, -2);
    await teleport(far, clock, 10.5, -6.5);
    await waitForState(far, () => nearPose(far, id) === undefined);
    await waitForState(mate, () => nearPose(mate, id) !== undefined);

    // Entering VR while the mate is already near: the mate receives the hands from then on.
    sendCommand(headset, "xr.session", { inVR: true });
    await waitForState(far, (s) => s.people.get(id)?.inVR === true);
    sendCommand(headset, "movement.pose", [...(await poseWithHands(headset, raised, raised))]);
    await waitForState(mate, (s) => s.people.get(id)?.hands?.left.flags === 1);
    await handled(far);
    expect(person(far, id).hands?.left.flags ?? 0).toBe(0);

    // The far participant comes over: now near, they receive the hands too.
    await teleport(far, clock, 3, -2);
    await teleport(far, clock, -3, -2);
    await teleport(far, clock, -9.5, -6.5);
    await waitForState(far, (s) => s.people.get(id)?.hands?.right.flags === 1);
    await Promise.all([headset.leave(), mate.leave(), far.leave()]);
  });

  it("refuses malformed VR messages without changing anything", async () => {
    const session = await server.createSession();
    const mallory = await server.join(session.code);
    await waitForState(mallory, (s) => s.people.size === 1);
    for (const payload of [{ inVR: "yes" }, {}, { inVR: true, extra: 1 }]) {
      const error = nextMessage<ErrorMessage>(mallory, "error");
      mallory.send("xr.session", payload);
      expect(await error).toMatchObject({ code: "invalid_payload", command: "xr.session" });
    }
    const error = nextMessage<ErrorMessage>(mallory, "error");
    const hands = encodeHands(raised, raised);
    hands[4] = -1;
    mallory.send("movement.pose", [...encodePose({ x: 0, y: 1.6, z: 0, yaw: 0, pitch: 0 }), hands]);
    expect(await error).toMatchObject({ code: "invalid_payload", command: "movement.pose" });
    expect(person(mallory, mallory.sessionId).inVR).toBe(false);
    await mallory.leave();
  });
});

describe("teleport", () => {
  it("moves the person onto open floor and refuses a spot outside the walls, too far or too soon", async () => {
    const session = await server.createSession();
    const walker = await server.join(session.code);
    const watcher = await server.join(session.code);
    const id = walker.sessionId;
    await waitForState(watcher, (s) => s.people.size === 2);

    sendCommand(walker, "movement.teleport", { x: 200, z: 300 });
    await waitForState(watcher, () => nearPose(watcher, id)?.x === 200 && nearPose(watcher, id)?.z === 300);

    // Straight after a hop, another is refused as too soon, and the person stays put.
    let corrected = nextMessage<ServerMessage<"movement.corrected">>(walker, "movement.corrected");
    sendCommand(walker, "movement.teleport", { x: 300, z: 300 });
    expect(await corrected).toMatchObject({ x: 200, z: 300, reason: "too_soon" });

    clock.skip(TELEPORT.cooldownMs);
    corrected = nextMessage(walker, "movement.corrected");
    sendCommand(walker, "movement.teleport", { x: 200, z: 1700 });
    expect(await corrected).toMatchObject({ x: 200, z: 300, reason: "not_walkable" });

    corrected = nextMessage(walker, "movement.corrected");
    sendCommand(walker, "movement.teleport", { x: 200, z: -1200 });
    expect(await corrected).toMatchObject({ reason: "too_far" });
    expect(nearPose(watcher, id)).toMatchObject({ x: 200, z: 300 });
    await Promise.all([walker.leave(), watcher.leave()]);
  });
});
