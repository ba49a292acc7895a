import { describe, expect, it } from "vitest";
import { coarsePose, INTEREST } from "../../shared/movement/interest";
import { sendCommand } from "../../shared/protocol/send";
import { skippableClock } from "../support/clock";
import { waitForState } from "../support/server";
import { handled, teleport, useTestServer } from "../support/rooms";
import { farPose, nearPose, poseTable } from "../support/poses";

const clock = skippableClock();
const server = useTestServer({ now: clock.now });

/** Everything one client decoded about one person's pose, patch by patch and near-pose message by message. */
function record(room: Awaited<ReturnType<typeof server.join>>, id: string) {
  const seen = { pitches: new Set<number>(), farPoses: [] as string[], heldFullPose: false, heldHands: false };
  const fullPose = () => {
    const pose = nearPose(room, id);
    if (pose) {
      seen.heldFullPose = true;
      seen.pitches.add(pose.pitch);
    }
  };
  const farPoseSeen = () => {
    const far = JSON.stringify(farPose(room, id));
    if (far !== undefined && seen.farPoses.at(-1) !== far) seen.farPoses.push(far);
  };
  poseTable(room)!.onChange(() => {
    fullPose();
    farPoseSeen();
  });
  room.onStateChange((state) => {
    if (state.people.get(id)?.hands) seen.heldHands = true;
  });
  farPoseSeen();
  return seen;
}

describe("interest management on a real server", () => {
  it("sends a walker's full pose at the full rate to their zone, and only the coarse pose, slowly, to the far plenary", async () => {
    const session = await server.createSession();
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const walker = await server.join(session.code, { name: "Walker" });
    const mate = await server.join(session.code, { name: "Mate" });
    const far = await server.join(session.code, { name: "Far" });
    await waitForState(far, (s) => s.people.size === 4);
    // Newcomers in the plenary are all near each other at first.
    await waitForState(far, () => nearPose(far, walker.sessionId) !== undefined);

    // The walker and a mate go to breakout zone NW (centre -10.5, -6.5), more than 10 m from the plenary.
    for (const room of [walker, mate]) {
      await teleport(room, clock, -3, -2);
      await teleport(room, clock, -10.5, -6.5);
    }
    await waitForState(host, (s) => [walker, mate].every((r) => s.people.get(r.sessionId)?.zone === "nw"));
    sendCommand(host, "zones.task", { target: "nw", text: "Kirjatkaa kolme ideaa." });
    await waitForState(far, () => nearPose(far, walker.sessionId) === undefined);
    await waitForState(mate, () => nearPose(mate, walker.sessionId) !== undefined);

    // Zone privacy is what it was: the mate has the zone's task, the far participant does not.
    await waitForState(mate, (s) => s.zones.get("nw")?.work?.task === "Kirjatkaa kolme ideaa.");
    await handled(far);
    expect(far.state.zones.get("nw")?.work).toBeUndefined();
    // Someone far still knows where the walker is, coarsely.
    expect(farPose(far, walker.sessionId)).toMatchObject({ x: -1050, z: -650, pitch: 0 });

    const nearSeen = record(mate, walker.sessionId);
    const farSeen = record(far, walker.sessionId);
    // Twenty steps of 4 cm at the client's 20 Hz, each with a head pitch of its own.
    const started = Date.now();
    let last: [number, number, number, number, number] = [0, 0, 0, 0, 0];
    for (let step = 1; step <= 20; step++) {
      last = [-1050 + step * 4, 160, -650, 0, step * 100];
      sendCommand(walker, "movement.pose", last);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await waitForState(mate, () => nearPose(mate, walker.sessionId)?.pitch === last[4]);
    const coarse = coarsePose({ x: last[0], y: last[1], z: last[2], yaw: last[3], pitch: last[4] });
    await waitForState(far, () => farPose(far, walker.sessionId)?.x === coarse.x, 3000);
    const elapsed = Date.now() - started;

    // Near: the full pose, patch by patch (two steps may share one of the server's 20 Hz patches).
    expect(nearSeen.pitches.size).toBeGreaterThanOrEqual(10);
    // Far: never the full pose or the hands; the coarse pose at most once per refresh (the first entry is
    // the value before the walk), whatever was sent.
    expect(farSeen.heldFullPose).toBe(false);
    expect(farSeen.heldHands).toBe(false);
    expect(farSeen.farPoses.length).toBeLessThanOrEqual(Math.ceil(elapsed / INTEREST.farPoseMs) + 2);
    for (const seen of farSeen.farPoses.map((f) => JSON.parse(f) as { x: number; pitch: number })) {
      expect(Math.abs(seen.x) % INTEREST.farPositionStepCm).toBe(0);
      expect(seen.pitch).toBe(0);
    }

    // Coming back to the plenary, the walker is near again and the full pose returns.
    await teleport(walker, clock, -3, -2);
    await teleport(walker, clock, 0, 2);
    await waitForState(far, () => nearPose(far, walker.sessionId)?.x === 0);
    await Promise.all([host, walker, mate, far].map((room) => room.leave()));
  });

  it("brings every client's near set up to date, though each recomputation takes only a share of the clients", async () => {
    const session = await server.createSession();
    const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const walker = await server.join(session.code, { name: "Walker" });
    // More people than turns, so that every turn has someone and some turns more than one.
    const others = [];
    for (let i = 0; i < INTEREST.recomputeTurns * 2; i++)
      others.push(await server.join(session.code, { name: `P${i}` }));
    const watchers = [host, ...others];
    for (const room of watchers) await waitForState(room, () => nearPose(room, walker.sessionId) !== undefined);

    // The walker goes to breakout zone NW: whoever stands farther than the near radius from there
    // (most of the plenary's arrival places) stops receiving the walker's full pose.
    await teleport(walker, clock, -3, -2);
    await teleport(walker, clock, -10.5, -6.5);
    const reach = INTEREST.nearRadius + INTEREST.hysteresis;
    const far = watchers.filter((room) => {
      const me = nearPose(room)!;
      return Math.hypot(me.x / 100 + 10.5, me.z / 100 + 6.5) > reach;
    });
    expect(far.length).toBeGreaterThanOrEqual(INTEREST.recomputeTurns);
    for (const room of far) await waitForState(room, () => nearPose(room, walker.sessionId) === undefined);

    // And back: everyone has it again.
    await teleport(walker, clock, -3, -2);
    await teleport(walker, clock, 0, 2);
    for (const room of watchers) await waitForState(room, () => nearPose(room, walker.sessionId)?.x === 0);
    await Promise.all([walker, ...watchers].map((room) => room.leave()));
  });
});
