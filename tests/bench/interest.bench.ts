/**
 * What interest management costs and saves in the encoder alone, without sockets or a crowd of
 * decoding clients (which a small machine cannot simulate at 500 without interest management):
 * N people walk circles round their spawn places at 20 Hz; each client receives, every patch, the
 * pose message (shared/movement/poses-message.ts): the full poses of whom the rule
 * (shared/movement/interest.ts) counts near, recomputed every 250 ms, and the coarse poses that
 * changed, refreshed every 500 ms; and its state patch, as on the server (server/movement/interest.ts).
 * Nobody here is in VR, so no hands enter any StateView (the server adds them only for VR users).
 * The same walk is encoded with interest management and with everyone near everyone.
 *
 *   npm run bench:interest            (500 people, 200 patches = 10 s)
 *   npm run bench:interest -- 200 400 (200 people, 400 patches)
 */
import { Encoder, StateView } from "@colyseus/schema";
import { writeFarPose } from "../../server/movement/interest";
import { growQuietly } from "../../server/session/serializer";
import { PersonState } from "../../shared/people/state";
import { SessionState } from "../../shared/session/state";
import {
  EVERYONE_NEAR,
  INTEREST,
  nearSetFor,
  type InterestPerson,
  type InterestRule,
} from "../../shared/movement/interest";
import { quantisePosition } from "../../shared/movement/pose-codec";
import { encodeFarPoses, encodePosesMessage, POSES_MESSAGE, type SlotPose } from "../../shared/movement/poses-message";
import { spawnPoint } from "../../shared/space/layout";
import { between, mulberry32 } from "../../shared/random";

function positional(index: number, fallback: number): number {
  const value = process.argv[index] === undefined ? fallback : Number(process.argv[index]);
  if (!Number.isInteger(value) || value < 2) {
    throw new Error(
      `expected: npm run bench:interest [-- PEOPLE [PATCHES]], whole numbers of at least 2; got ${process.argv[index]}`,
    );
  }
  return value;
}
const people = positional(2, 500);
const ticks = positional(3, 200);
const PATCH_MS = 50;
/** Colyseus' frame around a bytes message: its code and the message name as a string. */
const NEAR_MESSAGE_OVERHEAD = 2 + POSES_MESSAGE.length;

interface Figures {
  sharedMs: number;
  viewMs: number;
  interestMs: number;
  bytesPerClient: number;
  fullPosesHeld: number;
}

function simulate(rule: InterestRule, farPoses: boolean): Figures {
  const state = new SessionState();
  const random = mulberry32(20_240_601);
  const walks = Array.from({ length: people }, (_, i) => {
    const spawn = spawnPoint(i);
    const radius = between(random, 1, 2.5);
    return { ...spawn, radius, omega: between(random, 1, 3) / radius, phase: between(random, 0, Math.PI * 2) };
  });
  walks.forEach((walk, i) => {
    const person = new PersonState();
    person.name = `Osallistuja ${i}`;
    person.role = i === 0 ? "facilitator" : "participant";
    person.zone = "";
    person.pose.y = 160;
    person.slot = i;
    state.people.set(`p${i}`, person);
  });
  const ids = [...state.people.keys()];
  const encoder = new Encoder(state);
  growQuietly(encoder);
  const views = ids.map(() => new StateView());
  const near = ids.map(() => new Set<string>());
  const sent = ids.map(() => new Set<string>());
  encoder.encodeAll({ offset: 0 });
  encoder.discardChanges();

  const figures: Figures = { sharedMs: 0, viewMs: 0, interestMs: 0, bytesPerClient: 0, fullPosesHeld: 0 };
  for (let tick = 0; tick < ticks; tick++) {
    const t = (tick * PATCH_MS) / 1000;
    walks.forEach((walk, i) => {
      const pose = state.people.get(ids[i]!)!.pose;
      const angle = walk.phase + walk.omega * t;
      pose.x = quantisePosition(walk.x + Math.cos(angle) * walk.radius - Math.cos(walk.phase) * walk.radius);
      pose.z = quantisePosition(walk.z + Math.sin(angle) * walk.radius - Math.sin(walk.phase) * walk.radius);
      pose.yaw = Math.round((angle / (Math.PI * 2)) * 65536) & 0xffff;
    });
    const started = performance.now();
    if (tick % (INTEREST.recomputeMs / PATCH_MS) === 0) {
      const everyone: InterestPerson[] = ids.map((id) => {
        const person = state.people.get(id)!;
        return { id, x: person.pose.x / 100, z: person.pose.z / 100, zone: person.zone, role: person.role };
      });
      everyone.forEach((viewer, i) => {
        near[i] = nearSetFor(viewer, everyone, near[i], rule);
      });
    }
    let farPart = encodeFarPoses([]);
    if (farPoses && tick % (INTEREST.farPoseMs / PATCH_MS) === 0) {
      // The server's own refresh (server/movement/interest.ts); a walker's coarse pose always changes.
      const far: SlotPose[] = [];
      for (const person of state.people.values()) {
        writeFarPose(person);
        far.push({ slot: person.slot, pose: person.farPose });
      }
      farPart = encodeFarPoses(far);
    }
    figures.interestMs += performance.now() - started;
    const it = { offset: 1 };
    let start = performance.now();
    encoder.encode(it);
    figures.sharedMs += performance.now() - start;
    const shared = it.offset;
    start = performance.now();
    for (const view of views) figures.bytesPerClient += encoder.encodeView(view, shared, it).length;
    // Everyone walks, so every near pose changed: each client's message lists its whole near set.
    near.forEach((set, i) => {
      const poses: SlotPose[] = [];
      for (const id of set) {
        const person = state.people.get(id)!;
        poses.push({ slot: person.slot, pose: person.pose });
      }
      const gone = [...sent[i]!].filter((id) => !set.has(id)).map((id) => state.people.get(id)!.slot);
      sent[i] = new Set(set);
      figures.bytesPerClient +=
        encodePosesMessage({ full: false, poses, gone }, farPart).length + NEAR_MESSAGE_OVERHEAD;
    });
    figures.viewMs += performance.now() - start;
    encoder.discardChanges();
  }
  figures.bytesPerClient /= people;
  figures.fullPosesHeld = near.reduce((sum, set) => sum + set.size, 0) / people;
  return figures;
}

const seconds = (ticks * PATCH_MS) / 1000;
const describe = (name: string, f: Figures) => {
  const cpu = ((f.sharedMs + f.viewMs + f.interestMs) / (seconds * 1000)) * 100;
  console.log(
    `${name.padEnd(22)} ${(f.bytesPerClient / seconds / 1000).toFixed(1).padStart(6)} kB/s per client, ` +
      `${f.fullPosesHeld.toFixed(1)} full poses held; encoder ${cpu.toFixed(1)}% of one core ` +
      `(shared ${((f.sharedMs / ticks) * 1).toFixed(2)} ms, views ${(f.viewMs / ticks).toFixed(2)} ms per patch, ` +
      `near sets and farPose ${(f.interestMs / (seconds * 1000)) * 100 < 0.05 ? "0.0" : ((f.interestMs / (seconds * 1000)) * 100).toFixed(1)}%)`,
  );
};

console.log(`${people} people walking at 1-3 m/s round their spawn places, ${ticks} patches at 20 Hz (${seconds} s)`);
const without = simulate(EVERYONE_NEAR, false);
describe("everyone near:", without);
const withInterest = simulate(INTEREST, true);
describe("interest management:", withInterest);
console.log(
  `ratio:                 ${(withInterest.bytesPerClient / without.bytesPerClient).toFixed(2)}x the bytes per client (goal at most 0.30x)`,
);
