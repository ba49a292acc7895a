import { describe, expect, it } from "vitest";
import { ZONE_EXIT_MARGIN, zoneAt, type ZoneShape } from "../../shared/zones/membership";
import { entryRefusal, occupancy } from "../../shared/zones/entry";

const zones: ZoneShape[] = [
  { id: "a", x: 0, z: 0, radius: 3 },
  { id: "b", x: 10, z: 0, radius: 3 },
];

describe("zone membership with hysteresis", () => {
  it("enters a zone only once the centre is inside its circle", () => {
    expect(zoneAt(zones, 3.01, 0)).toBe("");
    expect(zoneAt(zones, 3, 0)).toBe("a");
    expect(zoneAt(zones, 0, 0)).toBe("a");
    expect(zoneAt(zones, 10, 2.9)).toBe("b");
  });

  it("keeps a member who strays into the exit margin, and lets them go beyond it", () => {
    const edge = 3 + ZONE_EXIT_MARGIN;
    expect(zoneAt(zones, 3.2, 0, "a")).toBe("a");
    expect(zoneAt(zones, edge, 0, "a")).toBe("a");
    expect(zoneAt(zones, edge + 0.01, 0, "a")).toBe("");
    // Someone who was not a member standing in the same margin is not one.
    expect(zoneAt(zones, 3.2, 0, "")).toBe("");
  });

  it("does not flicker when someone rocks back and forth across the edge", () => {
    let zone = "";
    const path = [2.9, 3.1, 2.95, 3.3, 3.05, 3.39, 3.2];
    const seen: string[] = [];
    for (const x of path) {
      zone = zoneAt(zones, x, 0, zone);
      seen.push(zone);
    }
    expect(seen).toEqual(["a", "a", "a", "a", "a", "a", "a"]);
  });

  it("moves straight to another zone when the person is taken there (a server move)", () => {
    expect(zoneAt(zones, 10, 0, "a")).toBe("b");
  });

  it("forgets a zone that no longer exists", () => {
    expect(zoneAt(zones, 20, 20, "gone")).toBe("");
    expect(zoneAt(zones, 0, 0, "gone")).toBe("a");
  });
});

describe("entering locked and full zones", () => {
  const zone = { id: "a", locked: false, capacity: 2 };
  const participant = { role: "participant", zone: "" };
  const facilitator = { role: "facilitator", zone: "" };

  it("counts participants towards capacity, not facilitators or observers", () => {
    const people = [
      { role: "participant", zone: "a" },
      { role: "facilitator", zone: "a" },
      { role: "observer", zone: "a" },
      { role: "participant", zone: "b" },
    ];
    expect(occupancy(people, "a")).toBe(1);
  });

  it("refuses a locked zone and a full one to participants, never to facilitators or members", () => {
    expect(entryRefusal(zone, participant, 1)).toBeNull();
    expect(entryRefusal(zone, participant, 2)).toBe("zone_full");
    expect(entryRefusal({ ...zone, capacity: 0 }, participant, 99)).toBeNull();
    expect(entryRefusal({ ...zone, locked: true }, participant, 0)).toBe("zone_locked");
    expect(entryRefusal({ ...zone, locked: true }, facilitator, 5)).toBeNull();
    expect(entryRefusal({ ...zone, locked: true }, { role: "participant", zone: "a" }, 5)).toBeNull();
    expect(entryRefusal({ ...zone, locked: true }, { role: "observer", zone: "" }, 0)).toBe("zone_locked");
  });
});
