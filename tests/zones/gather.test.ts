import { describe, expect, it } from "vitest";
import { LAB, isWalkable } from "../../shared/space/layout";
import { zoneAt } from "../../shared/zones/membership";
import { SEAT_SPACING, type Seat } from "../../shared/zones/seats";
import {
  GATHER,
  PRESENTER_SPOT,
  followProblem,
  leadChange,
  recallSeats,
  returnPlan,
  stillOut,
  summonPlan,
  summonSeats,
  type GatherPerson,
  type Point,
} from "../../shared/zones/gather";

const defaults = LAB.breakoutAreas.map(({ id, x, z, radius }) => ({ id, x, z, radius }));

// Written out here rather than taken from gather.ts, so the rules are checked against an independent
// reading of "the line from the facilitator to the screen".
function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dz = b.z - a.z;
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.z - a.z) * dz) / (dx * dx + dz * dz)));
  return Math.hypot(p.x - (a.x + t * dx), p.z - (a.z + t * dz));
}

/** The sight lines from `from` to the screen's two ends and its middle. */
function sightLines(from: Point): [Point, Point][] {
  const { screen } = LAB;
  return [-screen.width / 2, 0, screen.width / 2].map((dx) => [from, { x: screen.x + dx, z: screen.z }]);
}

/** Every property a gathering must have, whoever it gathers round. */
function expectGathered(seats: Seat[], focus: Point, count: number): void {
  expect(seats).toHaveLength(count);
  for (const seat of seats) {
    expect(isWalkable(seat.x, seat.z)).toBe(true);
    expect(Math.hypot(seat.x - focus.x, seat.z - focus.z)).toBeGreaterThanOrEqual(GATHER.personalSpace);
    for (const [a, b] of sightLines(focus)) expect(distanceToSegment(seat, a, b)).toBeGreaterThanOrEqual(0.69);
    // Facing the focus: the look direction (yaw 0 looks towards -z) points at it.
    const look = { x: -Math.sin(seat.yaw), z: -Math.cos(seat.yaw) };
    const to = { x: focus.x - seat.x, z: focus.z - seat.z };
    expect((look.x * to.x + look.z * to.z) / Math.hypot(to.x, to.z)).toBeCloseTo(1, 6);
  }
  let closest = Infinity;
  for (let i = 0; i < seats.length; i++)
    for (let j = i + 1; j < seats.length; j++)
      closest = Math.min(closest, Math.hypot(seats[i]!.x - seats[j]!.x, seats[i]!.z - seats[j]!.z));
  expect(closest).toBeGreaterThanOrEqual(SEAT_SPACING - 1e-9);
}

describe("summoning people round a facilitator", () => {
  const leaders: [string, Point, string][] = [
    ["in the plenary", { x: 0, z: 1 }, ""],
    ["just in front of the stage", { x: 0, z: -10 }, ""],
    ["on the stage", { x: 2, z: -14 }, ""],
    ["against the south wall", { x: 0, z: 15.4 }, ""],
    ["in a corner", { x: 15.5, z: 15.5 }, ""],
    ["beside a pillar", { x: -14.5, z: 0 }, ""],
    ["in a zone", { x: -10.5, z: -6.5 }, "nw"],
  ];
  for (const [where, leader, zone] of leaders) {
    it(`seats 1, 12, 60 and 200 people ${where}: out of their face and of the view to the screen`, () => {
      for (const count of [1, 12, 60, 200]) expectGathered(summonSeats(leader, count, defaults, zone), leader, count);
    });
  }

  it("stands a small group in a shallow arc on the far side of the facilitator from the stage", () => {
    const leader = { x: 0, z: 1 };
    const seats = summonSeats(leader, 12, defaults, "");
    for (const seat of seats) {
      const distance = Math.hypot(seat.x - leader.x, seat.z - leader.z);
      expect(distance).toBeLessThanOrEqual(GATHER.firstRow + GATHER.rowStep + 1e-9);
      // Within the arc's span of straight away from the screen (+z here).
      expect(Math.acos((seat.z - leader.z) / distance)).toBeLessThanOrEqual(GATHER.frontSpan + 1e-9);
      expect(zoneAt(defaults, seat.x, seat.z)).toBe("");
    }
    // The first person stands straight across from the facilitator, not off to one side.
    expect(seats[0]!.x).toBeCloseTo(0);
    expect(seats[0]!.z).toBeCloseTo(leader.z + GATHER.firstRow);
  });

  it("keeps a summon inside a zone in that zone while it has room", () => {
    const seats = summonSeats({ x: -10.5, z: -6.5 }, 12, defaults, "nw");
    for (const seat of seats) expect(zoneAt(defaults, seat.x, seat.z)).toBe("nw");
  });

  it("moves every participant but the leader, and nobody else", () => {
    const people: GatherPerson[] = [
      { id: "host", role: "facilitator", x: 0, z: 1, zone: "" },
      { id: "co", role: "facilitator", x: 4, z: 4, zone: "" },
      { id: "eye", role: "observer", x: 3, z: 3, zone: "" },
      { id: "ann", role: "participant", x: 10, z: 9, zone: "se" },
      { id: "ben", role: "participant", x: -10, z: -6, zone: "nw" },
    ];
    const plan = summonPlan({ people, zones: defaults }, { leader: "host" });
    expect(plan.map((p) => p.id)).toEqual(["ann", "ben"]);
    expectGathered(plan, { x: 0, z: 1 }, 2);
    expect(summonPlan({ people, zones: defaults }, { leader: "gone" })).toEqual([]);
  });
});

describe("recalling people to the plenary", () => {
  it("seats up to 200 people facing the speaker's spot, clear of the zones and of the view to the screen", () => {
    for (const count of [3, 40, 150, 200]) {
      const seats = recallSeats(count, defaults);
      expectGathered(seats, PRESENTER_SPOT, count);
      for (const seat of seats) expect(zoneAt(defaults, seat.x, seat.z)).toBe("");
    }
    // The first 20 stand inside the plenary circle itself.
    for (const seat of recallSeats(20, defaults))
      expect(Math.hypot(seat.x - LAB.plenary.x, seat.z - LAB.plenary.z)).toBeLessThan(LAB.plenary.radius);
  });

  it("keeps clear of a facilitator standing in the plenary and of people who stay", () => {
    const facilitator = { x: 0, z: 1 };
    const stays = { x: 1, z: 0 };
    const seats = recallSeats(60, defaults, [facilitator, stays], [facilitator]);
    for (const seat of seats) {
      expect(Math.hypot(seat.x - facilitator.x, seat.z - facilitator.z)).toBeGreaterThanOrEqual(GATHER.personalSpace);
      expect(Math.hypot(seat.x - stays.x, seat.z - stays.z)).toBeGreaterThan(0.5);
    }
  });

  it("brings back the participants still out, keeping away from everyone who stays", () => {
    const people: GatherPerson[] = [
      { id: "host", role: "facilitator", x: 0, z: -1, zone: "" },
      { id: "eye", role: "observer", x: 10, z: 9, zone: "se" },
      { id: "ann", role: "participant", x: 10, z: 9, zone: "se" },
      { id: "ben", role: "participant", x: 0, z: 2, zone: "" },
    ];
    const ctx = { people, zones: defaults };
    expect(stillOut(ctx)).toEqual(["ann"]);
    const plan = returnPlan(ctx, { ids: ["ann"] });
    expect(plan).toHaveLength(1);
    const [seat] = plan;
    expect(Math.hypot(seat!.x - LAB.plenary.x, seat!.z - LAB.plenary.z)).toBeLessThan(LAB.plenary.radius);
    expect(Math.hypot(seat!.x - 0, seat!.z + 1)).toBeGreaterThanOrEqual(GATHER.personalSpace);
    expect(Math.hypot(seat!.x - 0, seat!.z - 2)).toBeGreaterThan(0.5);
    expect(returnPlan(ctx, { ids: [] })).toEqual([]);
  });
});

describe("follow me", () => {
  it("starts, replaces and ends a leader's request", () => {
    expect(leadChange("", "a", true)).toEqual({ followLeader: "a", stopEveryone: true });
    expect(leadChange("a", "a", true)).toEqual({ followLeader: "a", stopEveryone: false });
    expect(leadChange("a", "b", true)).toEqual({ followLeader: "b", stopEveryone: true });
    expect(leadChange("a", "a", false)).toEqual({ followLeader: "", stopEveryone: true });
    expect(leadChange("a", "b", false)).toBeNull();
  });

  it("lets people follow only the current leader, never themselves", () => {
    expect(followProblem("a", "p", "a")).toBeNull();
    expect(followProblem("a", "p", "")).toBeNull();
    expect(followProblem("a", "p", "b")).toEqual({ error: "not_found" });
    expect(followProblem("a", "a", "a")).toMatchObject({ error: "invalid_payload" });
  });
});
