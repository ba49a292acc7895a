import { performance } from "node:perf_hooks";
import { Client } from "@colyseus/sdk";
import type { WebSocket as NodeWebSocket } from "ws";
import { encodePose, floorSpot, quantisePosition } from "../../shared/movement/pose-codec";
import { TELEPORT, WALK } from "../../shared/movement/rules";
import { PROTOCOL_VERSION, SESSION_ROOM } from "../../shared/protocol";
import { isPathWalkable } from "../../shared/space/layout";
import type { SessionState } from "../../shared/session/state";
import { AVATAR_COLORS } from "../../shared/avatars/palette";
import { between, intBelow, type Random } from "../../shared/random";
import { joinPatiently } from "../../shared/session/join-retry";
import type { SdkSessionRoom } from "../support/server";
import { waitForState } from "../support/wait-for-state";
import { ignorePoses, keepPoses, nearPose } from "../support/poses";

/** Poses per second, as the browser client sends them. */
export const SEND_HZ = 20;
/** Walking speeds of the simulated people, m/s: a stroll to a brisk walk, all under the server's limit. */
export const SPEED_RANGE = [1, 3] as const;

/** What one simulated person has seen since the counters were last reset. */
export interface WalkerCounters {
  /** WebSocket payload bytes received (frame headers not included). */
  bytes: number;
  /** WebSocket messages received. */
  messages: number;
  posesSent: number;
  corrections: number;
  errors: number;
}

export function zeroCounters(): WalkerCounters {
  return { bytes: 0, messages: 0, posesSent: 0, corrections: 0, errors: 0 };
}

interface Circle {
  cx: number;
  cz: number;
  radius: number;
  /** Angle on the circle at t = 0, radians. */
  start: number;
  /** Signed angular speed, rad/s. */
  omega: number;
}

/**
 * A circle through `from` that stays on walkable floor, walked at a plausible speed; standing still
 * if no such circle is found (the server accepts that too).
 */
function planCircle(from: { x: number; z: number }, random: Random): Circle {
  const speed = between(random, SPEED_RANGE[0], SPEED_RANGE[1]);
  if (speed >= WALK.maxSpeed) throw new Error("simulated walking speed must stay under the server's limit");
  for (let attempt = 0; attempt < 40; attempt++) {
    const radius = between(random, 1, 2.5);
    const direction = between(random, 0, Math.PI * 2);
    const cx = from.x + Math.cos(direction) * radius;
    const cz = from.z + Math.sin(direction) * radius;
    const start = Math.atan2(from.z - cz, from.x - cx);
    let walkable = true;
    let prev = from;
    for (let i = 1; i <= 48 && walkable; i++) {
      const a = start + (i / 48) * Math.PI * 2;
      const next = { x: cx + Math.cos(a) * radius, z: cz + Math.sin(a) * radius };
      walkable = isPathWalkable(prev.x, prev.z, next.x, next.z);
      prev = next;
    }
    if (walkable) return { cx, cz, radius, start, omega: (random() < 0.5 ? -1 : 1) * (speed / radius) };
  }
  return { cx: from.x, cz: from.z, radius: 0, start: 0, omega: 0 };
}

/**
 * One simulated participant: joins with the SDK like the browser does, then walks a circle at 20 Hz,
 * counting every byte and message the server sends it.
 */
export class Walker {
  counters = zeroCounters();
  /** Pitch in wire steps; the latency probe writes markers here. */
  pitchSteps = 0;
  /** Set when the server closed the connection without being asked to. */
  closedUnexpectedly = false;
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private leaving = false;

  private constructor(
    readonly room: SdkSessionRoom,
    private circle: Circle,
    private readonly random: Random,
  ) {
    const socket = (room.connection.transport as unknown as { ws: NodeWebSocket }).ws;
    socket.addEventListener("message", (event) => {
      const data = event.data as ArrayBuffer | Buffer | string;
      this.counters.bytes += typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
      this.counters.messages++;
    });
    // Like the browser client: snap back to where the server says we are, and walk on from there.
    room.onMessage("movement.corrected", (spot: { x: number; z: number }) => {
      this.counters.corrections++;
      this.circle = planCircle(floorSpot(spot), this.random);
      this.startedAt = performance.now();
    });
    room.onMessage("error", () => {
      this.counters.errors++;
    });
    room.onMessage("session.closed", () => {});
    room.onLeave(() => {
      if (!this.leaving) this.closedUnexpectedly = true;
      this.stop();
    });
  }

  static async join(baseUrl: string, code: string, name: string, random: Random): Promise<Walker> {
    const sdk = new Client(baseUrl);
    const color = intBelow(random, AVATAR_COLORS.length);
    // As the browser does: two processes racing to open the session answer one joiner "busy" for a moment.
    const room: SdkSessionRoom = await joinPatiently(() =>
      sdk.joinOrCreate<SessionState>(SESSION_ROOM, { protocol: PROTOCOL_VERSION, code, name, color, locale: "fi" }),
    );
    keepPoses(room);
    await waitForState(room, () => nearPose(room) !== undefined, 10_000);
    return new Walker(room, planCircle(floorSpot(nearPose(room)!), random), random);
  }

  /**
   * From now on receives and counts everything without decoding it (neither the state patches nor
   * the poses messages): decoding is the browser's work, on its own machine, and 498 simulated pages
   * decoding on the server's machine took over a core of its two (see `--lean-crowd` in server.bench.ts).
   */
  stopDecoding(): void {
    const sdkRoom = this.room as unknown as { serializer?: { patch?: unknown } };
    if (typeof sdkRoom.serializer?.patch !== "function") {
      throw new Error("@colyseus/sdk Room has no serializer.patch any more: review tests/bench/walker.ts");
    }
    sdkRoom.serializer.patch = () => {};
    ignorePoses(this.room);
  }

  /** Starts sending poses at SEND_HZ, first one immediately. */
  start(): void {
    this.startedAt = performance.now();
    this.sendPose();
    this.timer = setInterval(() => this.sendPose(), 1000 / SEND_HZ);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Hops to a spot (metres) by teleports of at most TELEPORT.maxDistance, as a VR user would, then
   * walks its circles from there. Resolves when the server has put it there.
   */
  async teleportTo(target: { x: number; z: number }): Promise<void> {
    for (;;) {
      const here = floorSpot(nearPose(this.room)!);
      const dx = target.x - here.x;
      const dz = target.z - here.z;
      const distance = Math.hypot(dx, dz);
      if (distance < 0.05) break;
      const hop = Math.min(1, (TELEPORT.maxDistance - 0.5) / distance);
      const next = { x: quantisePosition(here.x + dx * hop), z: quantisePosition(here.z + dz * hop) };
      this.stop();
      this.room.send("movement.teleport", next);
      await waitForState(
        this.room,
        () => {
          const pose = nearPose(this.room);
          return pose?.x === next.x && pose.z === next.z;
        },
        5000,
      );
      await new Promise((resolve) => setTimeout(resolve, TELEPORT.cooldownMs + 50));
    }
    this.circle = planCircle(floorSpot(nearPose(this.room)!), this.random);
    this.start();
  }

  /** Sends the current pose now, outside the 20 Hz rhythm (the probe uses this to time a marker). */
  sendPose(): void {
    if (!this.room.connection.isOpen) return;
    const { circle } = this;
    const t = (performance.now() - this.startedAt) / 1000;
    const angle = circle.start + circle.omega * t;
    const x = circle.cx + Math.cos(angle) * circle.radius;
    const z = circle.cz + Math.sin(angle) * circle.radius;
    // Face along the walk: the velocity is the tangent; yaw 0 looks towards -z (see pose-codec.ts).
    const vx = -Math.sin(angle) * circle.omega;
    const vz = Math.cos(angle) * circle.omega;
    const yaw = circle.omega === 0 ? 0 : Math.atan2(-vx, -vz);
    const wire = encodePose({ x, y: 1.6, z, yaw, pitch: 0 });
    wire[4] = this.pitchSteps;
    this.room.send("movement.pose", wire);
    this.counters.posesSent++;
  }

  async leave(timeoutMs = 2000): Promise<void> {
    this.leaving = true;
    this.stop();
    if (!this.room.connection.isOpen) return;
    await Promise.race([this.room.leave(true), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
  }
}

/** Runs `task` over `items` with at most `limit` in flight; returns results in order, errors as values. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<(R | Error)[]> {
  const results: (R | Error)[] = new Array(items.length);
  let next = 0;
  async function lane(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index]!, index);
      } catch (error) {
        results[index] = error instanceof Error ? error : new Error(String(error));
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
