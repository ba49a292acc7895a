import { cmToMetres, decodePose, decodePoseState, floorSpot } from "../../shared/movement/pose-codec";
import { checkTeleport, checkWalk } from "../../shared/movement/rules";
import { defineCommand, type CommandContext } from "../commands/registry";
import { applyHands } from "../xr/hands";

type Refusal = "too_fast" | "not_walkable" | "too_far" | "too_soon" | "zone_locked" | "zone_full" | "seated";

function correct(ctx: CommandContext, reason: Refusal, zone?: string): void {
  const { pose } = ctx.person;
  ctx.client.send("movement.corrected", { x: pose.x, z: pose.z, reason, ...(zone ? { zone } : {}) });
}

/** Other capabilities' say on a step the movement rules allow (a locked or full zone stops it at the edge). */
function refusedByRoom(ctx: CommandContext, xCm: number, zCm: number): boolean {
  const refusal = ctx.room.checkMove(ctx.client.sessionId, cmToMetres(xCm), cmToMetres(zCm));
  if (refusal) correct(ctx, refusal.reason, refusal.zone);
  return refusal !== undefined;
}

export const movementCommands = [
  defineCommand({
    name: "movement.pose",
    permission: "anyone",
    // 20 Hz is the client's send rate; the extra headroom absorbs network bunching. Whatever arrives,
    // others get at most the latest value per state patch (20 a second), never every message.
    rate: { perSecond: 30, burst: 15 },
    overRate: "drop",
    run(ctx, wire) {
      const { pose } = ctx.person;
      const from = decodePoseState(pose);
      const verdict = checkWalk(from, decodePose(wire), ctx.privateData.movement, ctx.now);
      ctx.privateData.movement = verdict.budget;
      // Looking around is always allowed, even when the step is refused.
      pose.y = wire[1];
      pose.yaw = wire[3];
      pose.pitch = wire[4];
      // Hands travel with the head so both are drawn from the same moment; only headsets send them.
      if (wire[5] && ctx.person.inVR) applyHands(ctx.person.hands, wire[5]);
      if (!verdict.ok) return correct(ctx, verdict.reason);
      if (pose.x === wire[0] && pose.z === wire[2]) return;
      if (refusedByRoom(ctx, wire[0], wire[2])) return;
      pose.x = wire[0];
      pose.z = wire[2];
      ctx.room.personMoved(ctx.client.sessionId);
    },
  }),
  defineCommand({
    name: "movement.teleport",
    permission: "anyone",
    rate: { perSecond: 4, burst: 4 },
    overRate: "reject",
    run(ctx, target) {
      const { pose } = ctx.person;
      const from = floorSpot(pose);
      const to = floorSpot(target);
      const verdict = checkTeleport(from, to, ctx.privateData.movement, ctx.now);
      ctx.privateData.movement = verdict.budget;
      if (!verdict.ok) return correct(ctx, verdict.reason);
      if (refusedByRoom(ctx, target.x, target.z)) return;
      pose.x = target.x;
      pose.z = target.z;
      ctx.room.personMoved(ctx.client.sessionId);
    },
  }),
];
