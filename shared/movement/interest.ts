/**
 * Interest management: whose head pose a person receives at the full rate (20 a second) and whose
 * only coarsely (a couple of times a second). At 500 people in one session, everyone receiving
 * everyone's full-rate pose would cost each client about 100 kB/s and the server the same times
 * 500; nobody needs the exact head of someone across the hall. Pure rules, shared by the server
 * (which applies them to each client's StateView) and the tests.
 */
import type { PoseFields } from "./pose-codec";

export const INTEREST = {
  /**
   * People within this distance (metres) may be "near". Generous on purpose (the lab is 32 m
   * across, the plenary's arrivals stand within about 17 m of each other): in a small session
   * everyone sees everyone at the full rate, which is cheap there; in a large one `maxNear` decides.
   */
  nearRadius: 10,
  /**
   * Someone already near stays near until this much farther (metres), so that a person walking
   * along the edge does not flip between the full and the coarse pose at every recomputation.
   */
  hysteresis: 1,
  /**
   * At most this many people are near by distance (the closest ones): what bounds a client's cost
   * in a large session, however packed. Self, same-zone members and facilitators come on top: they
   * are never dropped for being many.
   */
  maxNear: 40,
  /** How often each client's near set is recomputed, ms (people walk at most ~3 m/s). */
  recomputeMs: 250,
  /**
   * The recomputation is spread over this many turns within `recomputeMs`, each taking its share of
   * the clients: at 500 people recomputing everyone at once blocked the server for one patch in
   * five (tens of ms, during which nobody's move went out), which set the tail of the move-to-seen
   * latency. Each client is still recomputed every `recomputeMs`.
   */
  recomputeTurns: 5,
  /** How often the coarse pose everyone receives is refreshed, ms. */
  farPoseMs: 500,
  /** The refresh is spread over this many turns within `farPoseMs`, each taking its share of the people. */
  farPoseTurns: 5,
  /**
   * A move longer than this (metres) from the coarse pose is a jump (a teleport, a server move:
   * send-out, summon): everyone is shown it at once rather than at the next refresh.
   */
  farJump: 2,
  /** Coarse pose steps: 10 cm positions and heights, 1/128 turn of yaw; pitch is not shown from afar. */
  farPositionStepCm: 10,
  farYawSteps: 512,
} as const;

/** What the rule needs to know about one person. */
export interface InterestPerson {
  id: string;
  /** Floor position, metres. */
  x: number;
  z: number;
  /** Breakout zone id, "" in the plenary (the plenary is not a zone: it does not make everyone near). */
  zone: string;
  role: string;
}

export interface InterestRule {
  nearRadius: number;
  hysteresis: number;
  maxNear: number;
}

interface Candidate {
  id: string;
  distance: number;
}

/**
 * The candidates of the current nearSetFor call, first `count` entries, reused from call to call:
 * in a packed plenary of 500 each viewer has hundreds within reach, and a fresh object for each,
 * for every viewer four times a second, kept the garbage collector busy. nearSetFor is synchronous,
 * so no two calls share it at once.
 */
const candidates: Candidate[] = [];

/**
 * The ids whose full pose `viewer` receives: itself, every facilitator (whoever leads is watched
 * by all), everyone in the same breakout zone, and the `maxNear` closest others within
 * `nearRadius`. Whoever is in `previous` counts as `hysteresis` metres closer, so membership is
 * sticky at both the radius and the count limit.
 */
export function nearSetFor(
  viewer: InterestPerson,
  people: readonly InterestPerson[],
  previous: ReadonlySet<string> = new Set(),
  rule: InterestRule = INTEREST,
): Set<string> {
  const near = new Set<string>([viewer.id]);
  const reach = rule.nearRadius + rule.hysteresis;
  let count = 0;
  for (const other of people) {
    if (other.id === viewer.id) continue;
    if (other.role === "facilitator" || (viewer.zone && other.zone === viewer.zone)) {
      near.add(other.id);
      continue;
    }
    const dx = other.x - viewer.x;
    const dz = other.z - viewer.z;
    // Squared distances until a candidate is found: this runs for every pair of people.
    if (dx * dx + dz * dz > reach * reach) continue;
    const distance = Math.sqrt(dx * dx + dz * dz) - (previous.has(other.id) ? rule.hysteresis : 0);
    if (distance <= rule.nearRadius) {
      const slot = (candidates[count] ??= { id: "", distance: 0 });
      slot.id = other.id;
      slot.distance = distance;
      count++;
    }
  }
  if (count > rule.maxNear) keepClosest(candidates, count, rule.maxNear);
  const kept = Math.min(count, rule.maxNear);
  for (let i = 0; i < kept; i++) near.add(candidates[i]!.id);
  return near;
}

/** Closer first; ties broken by id so that the same positions always give the same set. */
function closer(a: Candidate, b: Candidate): number {
  return a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Moves the `keep` closest of `candidates[0..count)` to its front, in no particular order. A selection
 * (quickselect), not a sort: in a packed plenary of 500 a viewer has hundreds within reach, four times
 * a second for every viewer, and only which ones are kept matters. `closer` is a total order, so the
 * set kept is the same as a sort would keep.
 */
function keepClosest(candidates: Candidate[], count: number, keep: number): void {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    // Median of three as the pivot: deterministic, and no worst case on already ordered input.
    const mid = (lo + hi) >> 1;
    const [a, b, c] = [candidates[lo]!, candidates[mid]!, candidates[hi]!];
    const pivot =
      closer(a, b) < 0
        ? closer(b, c) < 0
          ? b
          : closer(a, c) < 0
            ? c
            : a
        : closer(a, c) < 0
          ? a
          : closer(b, c) < 0
            ? c
            : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (closer(candidates[i]!, pivot) < 0) i++;
      while (closer(candidates[j]!, pivot) > 0) j--;
      if (i <= j) {
        [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
        i++;
        j--;
      }
    }
    // candidates[lo..j] <= pivot <= candidates[i..hi]; keep narrowing towards position keep - 1.
    if (keep - 1 <= j) hi = j;
    else if (keep - 1 >= i) lo = i;
    else break;
  }
}

/** Everyone is near everyone: what a session costs without interest management (for comparison). */
export const EVERYONE_NEAR: InterestRule = { nearRadius: Infinity, hysteresis: 0, maxNear: Infinity };

/** Rounds to a multiple of `step` that still fits the signed 16-bit wire fields. */
function roundTo(value: number, step: number): number {
  const limit = Math.floor(32767 / step) * step;
  return Math.max(-limit, Math.min(limit, Math.round(value / step) * step));
}

/**
 * The coarse pose everyone receives, in the same wire units as the full one (so the client decodes
 * both alike). Rounding makes small movements (a head bobbing in VR, a shuffle on the spot) change
 * nothing, and an unchanged field costs nothing on the wire: people standing still cost nothing.
 */
export function coarsePose(pose: PoseFields, rule = INTEREST): PoseFields {
  const yawStep = 65536 / rule.farYawSteps;
  return {
    x: roundTo(pose.x, rule.farPositionStepCm),
    y: roundTo(pose.y, rule.farPositionStepCm),
    z: roundTo(pose.z, rule.farPositionStepCm),
    yaw: (Math.round(pose.yaw / yawStep) * yawStep) % 65536,
    pitch: 0,
  };
}
