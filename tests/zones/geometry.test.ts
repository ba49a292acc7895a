import { describe, expect, it } from "vitest";
import { LAB } from "../../shared/space/layout";
import { findFreeSpot, nextZoneLetter, zoneGeometryProblem } from "../../shared/zones/geometry";
import { zoneAt } from "../../shared/zones/membership";
import { arrivalSeat, BOARD_STANDOFF, SEAT_SPACING, zoneSeats } from "../../shared/zones/seats";
import { zoneBoardPlacement } from "../../shared/boards/geometry";

const defaults = LAB.breakoutAreas.map(({ id, x, z, radius }) => ({ id, x, z, radius }));

describe("where a zone may lie", () => {
  it("accepts the lab's four default areas", () => {
    for (const zone of defaults) expect(zoneGeometryProblem(zone, defaults)).toBeNull();
  });

  it("refuses zones through a wall, on the stage, on the plenary circle or on another zone", () => {
    expect(zoneGeometryProblem({ id: "n", x: 14, z: 5, radius: 3 }, [])).toBe("outside_floor");
    expect(zoneGeometryProblem({ id: "n", x: 0, z: -10, radius: 2 }, [])).toBe("overlaps_stage");
    expect(zoneGeometryProblem({ id: "n", x: 0, z: 8, radius: 2 }, [])).toBe("overlaps_plenary");
    expect(zoneGeometryProblem({ id: "n", x: -9, z: -6.5, radius: 2 }, defaults)).toBe("overlaps_zone");
    expect(zoneGeometryProblem({ id: "n", x: Number.NaN, z: 0, radius: 2 }, [])).toBe("outside_floor");
    // Moving a zone a little does not collide with itself.
    expect(zoneGeometryProblem({ id: "nw", x: -10.4, z: -6.5, radius: 3.8 }, defaults)).toBeNull();
  });

  it("finds free floor for new zones until the room is full, each one valid", () => {
    const zones = [...defaults];
    for (let i = 0; i < 12; i++) {
      const spot = findFreeSpot(zones, 2.5);
      if (!spot) break;
      const zone = { id: `new${i}`, ...spot, radius: 2.5 };
      expect(zoneGeometryProblem(zone, zones)).toBeNull();
      zones.push(zone);
    }
    expect(zones.length).toBeGreaterThan(6);
    expect(findFreeSpot(zones, 7.9)).toBeNull();
  });

  it("names zones with the next free letter", () => {
    expect(nextZoneLetter([])).toBe("A");
    expect(nextZoneLetter(["A", "C"])).toBe("B");
    expect(nextZoneLetter(Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i)))).toBe("AA");
  });
});

describe("where people are put", () => {
  it("seats a group inside its zone, clear of the edge and of each other", () => {
    const zone = defaults[0]!;
    for (const count of [1, 2, 5, 12]) {
      const seats = zoneSeats(zone, count);
      expect(seats).toHaveLength(count);
      for (const seat of seats) {
        expect(Math.hypot(seat.x - zone.x, seat.z - zone.z)).toBeLessThan(zone.radius - 0.4);
        expect(zoneAt(defaults, seat.x, seat.z)).toBe(zone.id);
      }
      for (let i = 0; i < seats.length; i++)
        for (let j = i + 1; j < seats.length; j++)
          expect(Math.hypot(seats[i]!.x - seats[j]!.x, seats[i]!.z - seats[j]!.z)).toBeGreaterThan(0.7);
    }
  });
});

describe("a group sent to a zone", () => {
  it("stands in front of the zone's board, facing it, the middle of the arc first", () => {
    for (const zone of defaults) {
      const placement = zoneBoardPlacement(zone);
      const board = { x: placement.x / 100, z: placement.z / 100 };
      const seats = zoneSeats(zone, 8);
      for (const seat of seats) {
        expect(Math.hypot(seat.x - board.x, seat.z - board.z)).toBeGreaterThanOrEqual(BOARD_STANDOFF - 0.01);
        // The look direction (yaw 0 looks towards -z) points at the board.
        const look = { x: -Math.sin(seat.yaw), z: -Math.cos(seat.yaw) };
        const to = { x: board.x - seat.x, z: board.z - seat.z };
        expect((look.x * to.x + look.z * to.z) / Math.hypot(to.x, to.z)).toBeGreaterThan(0.99);
      }
      // The first person stands on the line from the board to the zone's centre.
      const first = seats[0]!;
      const toCentre = Math.atan2(zone.x - board.x, zone.z - board.z);
      const toFirst = Math.atan2(first.x - board.x, first.z - board.z);
      expect(Math.abs(Math.atan2(Math.sin(toFirst - toCentre), Math.cos(toFirst - toCentre)))).toBeLessThan(0.01);
    }
  });
});

describe("someone arriving to a group already in its zone", () => {
  it("takes the next free spot of the arc, a body away from everyone, inside the zone", () => {
    for (const zone of defaults) {
      for (const count of [0, 1, 3, 7]) {
        const group = zoneSeats(zone, count);
        const seat = arrivalSeat(zone, group);
        expect(zoneAt(defaults, seat.x, seat.z)).toBe(zone.id);
        for (const p of group)
          expect(Math.hypot(p.x - seat.x, p.z - seat.z)).toBeGreaterThanOrEqual(SEAT_SPACING * 0.9);
        // Where a send-out of one more would have put them.
        expect(seat).toEqual(zoneSeats(zone, count + 1)[count]);
      }
    }
  });

  it("steps round people who have moved from their spots", () => {
    const zone = defaults[0]!;
    // Someone stands where the second spot would be: the newcomer goes to the one after.
    const crowd = [{ x: zone.x, z: zone.z }, ...zoneSeats(zone, 3).slice(1, 2)];
    const seat = arrivalSeat(zone, crowd);
    for (const p of crowd) expect(Math.hypot(p.x - seat.x, p.z - seat.z)).toBeGreaterThanOrEqual(SEAT_SPACING * 0.9);
  });
});
