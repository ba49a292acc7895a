import { MAX_PEOPLE } from "../protocol/constants";
import { LAB, isWalkable } from "../space/layout";
import { zoneAt, type ZoneShape } from "./membership";
import { SEAT_SPACING, facing, type Seat } from "./seats";

/**
 * Gathering people round a facilitator (summon) or back in the plenary (recall), as pure rules: where
 * everyone stands is decided here and the server only applies it.
 *
 * People stand in an arc of rows facing whoever they gathered for, on the far side of them from the
 * presentation screen: everyone sees the facilitator with the screen behind them, nobody stands in
 * their face (personal space), and the view from the facilitator to the screen stays clear, so no name
 * label hangs in front of the slides.
 */
export const GATHER = {
  /** Nobody is placed closer than this to the person they gather round, m. */
  personalSpace: 1.5,
  /** Distance of the first row, m. */
  firstRow: 2,
  /** Rows are a body apart, so two rows never overlap whatever the angle. */
  rowStep: SEAT_SPACING,
  /** The arc proper: this far either side of straight ahead (beyond it, seats are used only when the arc is full). */
  frontSpan: (100 * Math.PI) / 180,
  /** How far from the sight line to the screen a body (and its name label) must stay, m. */
  corridorMargin: 0.7,
  /** Rows go on to here, far enough to cover the whole floor from any corner. */
  maxRow: 46,
  /** Most people one gathering places (a whole session). */
  maxPeople: MAX_PEOPLE,
} as const;

export interface Point {
  x: number;
  z: number;
}

/** Where the plenary's speaker stands: in the circle's north part, the stage and its screen behind them. */
export const PRESENTER_SPOT: Point = { x: LAB.plenary.x, z: LAB.plenary.z - LAB.plenary.radius * 0.6 };

/** The presentation screen's two ends on the floor: what the corridor keeps in view. */
function screenEnds(): [Point, Point] {
  const { screen } = LAB;
  return [
    { x: screen.x - screen.width / 2, z: screen.z },
    { x: screen.x + screen.width / 2, z: screen.z },
  ];
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dz = b.z - a.z;
  const length2 = dx * dx + dz * dz;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.z - a.z) * dz) / length2));
  return Math.hypot(p.x - (a.x + t * dx), p.z - (a.z + t * dz));
}

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.z - o.z) - (a.z - o.z) * (b.x - o.x);

/**
 * True when (x, z) blocks the view from `from` to the presentation screen: inside the triangle from
 * `from` to the screen's two ends, or within a body and a label's width of it.
 */
export function inStageCorridor(from: Point, x: number, z: number): boolean {
  const p = { x, z };
  const [left, right] = screenEnds();
  const d1 = cross(from, left, p);
  const d2 = cross(left, right, p);
  const d3 = cross(right, from, p);
  const inside = (d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0);
  if (inside) return true;
  return (
    distanceToSegment(p, from, left) < GATHER.corridorMargin ||
    distanceToSegment(p, left, right) < GATHER.corridorMargin ||
    distanceToSegment(p, right, from) < GATHER.corridorMargin
  );
}

interface Candidate {
  seat: Seat;
  tier: number;
  row: number;
  order: number;
}

/**
 * Seats in rows round `focus`, facing it, the arc centred on the side away from the screen. `tier`
 * ranks a seat (0 best); seats are handed out best tier first, then front row first, then from the
 * middle outwards. Within a row seats are a chord of SEAT_SPACING apart and rows are SEAT_SPACING
 * apart, so no two seats are closer than SEAT_SPACING.
 */
function arcSeats(
  focus: Point,
  count: number,
  accept: (x: number, z: number) => boolean,
  tier: (x: number, z: number, front: boolean) => number,
): Seat[] {
  if (count <= 0) return [];
  const screen = { x: LAB.screen.x, z: LAB.screen.z };
  const away = { x: focus.x - screen.x, z: focus.z - screen.z };
  // Straight ahead of the audience's arc, as an angle where (sin, cos) is the direction.
  const axis = Math.hypot(away.x, away.z) < 1e-6 ? 0 : Math.atan2(away.x, away.z);
  const candidates: Candidate[] = [];
  let best = 0;
  for (let row = 0; ; row++) {
    const r = GATHER.firstRow + row * GATHER.rowStep;
    if (r > GATHER.maxRow || best >= count) break;
    const step = 2 * Math.asin(Math.min(1, SEAT_SPACING / (2 * r)));
    // The two ends meeting behind must also be a step apart.
    const kMax = Math.floor((Math.PI - step / 2) / step);
    for (let k = 0; k <= kMax; k++) {
      for (const sign of k === 0 ? [1] : [1, -1]) {
        const angle = axis + sign * k * step;
        const x = focus.x + Math.sin(angle) * r;
        const z = focus.z + Math.cos(angle) * r;
        if (!accept(x, z)) continue;
        const rank = tier(x, z, k * step <= GATHER.frontSpan);
        if (rank === 0) best++;
        candidates.push({
          seat: { x, z, yaw: facing({ x, z }, focus) },
          tier: rank,
          row,
          order: 2 * k + (sign < 0 ? 1 : 0),
        });
      }
    }
  }
  candidates.sort((a, b) => a.tier - b.tier || a.row - b.row || a.order - b.order);
  const seats = candidates.slice(0, count).map((c) => c.seat);
  // Only a floor with no room left at all gets here; sharing a spot beats leaving someone behind.
  for (let i = 0; seats.length < count; i++) seats.push(seats[i % Math.max(1, seats.length)] ?? { ...focus, yaw: 0 });
  return seats;
}

/**
 * "Summon everyone to me": seats for `count` people round `leader`, out of their personal space and
 * the corridor to the screen, in the leader's own zone first (a summon inside a zone keeps the group
 * there; in the plenary it keeps people out of the zones).
 */
export function summonSeats(leader: Point, count: number, zones: readonly ZoneShape[], leaderZone: string): Seat[] {
  return arcSeats(
    leader,
    Math.min(count, GATHER.maxPeople),
    (x, z) =>
      isWalkable(x, z) &&
      Math.hypot(x - leader.x, z - leader.z) >= GATHER.personalSpace &&
      !inStageCorridor(leader, x, z),
    (x, z, front) => (front ? (zoneAt(zones, x, z) === leaderZone ? 0 : 1) : 2),
  );
}

/** True when a point lies inside the plenary circle. */
export function inPlenaryCircle(p: Point): boolean {
  const { plenary } = LAB;
  return Math.hypot(p.x - plenary.x, p.z - plenary.z) < plenary.radius;
}

/**
 * Seats for a recall: an arc in the plenary facing its speaker's spot, clear of every zone (so the
 * recalled are in the plenary), of the corridor from that spot to the screen, of the personal space of
 * `keepAway` (the facilitators) and of anyone in `standing` (people who stay where they are). Inside
 * the plenary circle first; a crowd larger than it continues on rows behind.
 */
export function recallSeats(
  count: number,
  zones: readonly ZoneShape[],
  standing: readonly Point[] = [],
  keepAway: readonly Point[] = [],
): Seat[] {
  const focus = PRESENTER_SPOT;
  const clear = (x: number, z: number) =>
    isWalkable(x, z) &&
    zones.every((zone) => Math.hypot(x - zone.x, z - zone.z) > zone.radius + 0.6) &&
    Math.hypot(x - focus.x, z - focus.z) >= GATHER.personalSpace &&
    !inStageCorridor(focus, x, z) &&
    keepAway.every((p) => Math.hypot(x - p.x, z - p.z) >= GATHER.personalSpace) &&
    standing.every((p) => Math.hypot(x - p.x, z - p.z) > SEAT_SPACING * 0.75);
  const inside = (x: number, z: number) => {
    const { plenary } = LAB;
    // A body's width inside the edge, so rounding never puts someone just outside it.
    return Math.hypot(x - plenary.x, z - plenary.z) < plenary.radius - 0.3;
  };
  return arcSeats(focus, Math.min(count, GATHER.maxPeople), clear, (x, z, front) =>
    inside(x, z) ? (front ? 0 : 1) : front ? 2 : 3,
  );
}

// --- rules: (ctx, input) → placements ---

/** A person as the gathering rules see them: where they stand (metres) and what they are. */
export interface GatherPerson {
  id: string;
  role: string;
  x: number;
  z: number;
  zone: string;
}

export interface GatherContext {
  people: readonly GatherPerson[];
  zones: readonly ZoneShape[];
}

/** Where the server puts one person. */
export interface Placement extends Seat {
  id: string;
}

/** Participants are the people a facilitator moves about; facilitators and observers move themselves. */
const isParticipant = (person: GatherPerson) => person.role === "participant";

function place(ids: readonly string[], seats: readonly Seat[]): Placement[] {
  return ids.map((id, i) => ({ id, ...seats[i]! }));
}

/** "Summon everyone to me": every participant but the leader, seated round the leader. */
export function summonPlan(ctx: GatherContext, input: { leader: string }): Placement[] {
  const leader = ctx.people.find((p) => p.id === input.leader);
  if (!leader) return [];
  const ids = ctx.people.filter((p) => p.id !== leader.id && isParticipant(p)).map((p) => p.id);
  return place(ids, summonSeats(leader, ids.length, ctx.zones, leader.zone));
}

/** The participants still outside the plenary circle (whom a recall brings back). */
export function stillOut(ctx: GatherContext): string[] {
  return ctx.people.filter((p) => isParticipant(p) && !inPlenaryCircle(p)).map((p) => p.id);
}

/**
 * Brings `ids` back to the plenary: recall seats, skipping spots where someone who stays put already
 * stands and keeping the facilitators' personal space.
 */
export function returnPlan(ctx: GatherContext, input: { ids: readonly string[] }): Placement[] {
  if (input.ids.length === 0) return [];
  const moving = new Set(input.ids);
  const staying = ctx.people.filter((p) => !moving.has(p.id) && p.role !== "observer");
  const facilitators = staying.filter((p) => p.role === "facilitator");
  return place(input.ids, recallSeats(input.ids.length, ctx.zones, staying, facilitators));
}

/** What "follow me" changes: the room's leader, and whether everyone's following is cleared. */
export interface LeadChange {
  followLeader: string;
  stopEveryone: boolean;
}

/**
 * A facilitator starts or stops asking to be followed. Starting replaces another leader (whose
 * followers stop following); stopping only ends one's own request.
 */
export function leadChange(current: string, actor: string, active: boolean): LeadChange | null {
  if (active) return { followLeader: actor, stopEveryone: current !== actor };
  if (current === actor) return { followLeader: "", stopEveryone: true };
  return null;
}

/** Why a person may not follow `leader` ("" stops following, always allowed), or null. */
export function followProblem(
  currentLeader: string,
  actor: string,
  leader: string,
): { error: "not_found" } | { error: "invalid_payload"; detail: string } | null {
  if (leader !== "" && leader !== currentLeader) return { error: "not_found" };
  if (leader === actor) return { error: "invalid_payload", detail: "self" };
  return null;
}
