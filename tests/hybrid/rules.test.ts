import { describe, expect, it } from "vitest";
import {
  assignSeat,
  checkHybridJoin,
  countWhereabouts,
  freeSlot,
  HYBRID_LIMITS,
  reseat,
  seatSpot,
  TABLE_SLOTS,
  tableRadius,
} from "../../shared/hybrid/rules";
import { isWalkable, LAB } from "../../shared/space/layout";
import { zoneWorld } from "./helpers";
import { hybridMarkdownLines, inRoomUids } from "../../shared/hybrid/export";
import { translate } from "../../shared/i18n";

describe("seats", () => {
  it("fills a table from seat 0 round, reusing freed seats, and says when it is full", () => {
    expect(assignSeat([], 8)).toBe(0);
    expect(assignSeat([0, 1, 3], 8)).toBe(2);
    expect(assignSeat([0, 1, 2], 3)).toBeNull();
  });

  it("keeps people's seats when the count changes and moves only those whose seat is gone", () => {
    const seated = new Map([
      ["a", 0],
      ["b", 5],
      ["c", 7],
    ]);
    const plan = reseat(seated, 6);
    expect(plan).toEqual({
      ok: true,
      seated: new Map([
        ["a", 0],
        ["b", 5],
        ["c", 1],
      ]),
    });
    expect(reseat(seated, 2)).toEqual({ ok: false, reason: "physical_room_full" });
  });

  it("puts every seat of the largest table on walkable floor, a chair apart, facing the table", () => {
    for (const slot of TABLE_SLOTS) {
      const seats = HYBRID_LIMITS.maxSeats;
      const spots = Array.from({ length: seats }, (_, i) => seatSpot(slot, seats, i));
      for (const [i, spot] of spots.entries()) {
        expect(isWalkable(spot.x, spot.z)).toBe(true);
        const next = spots[(i + 1) % seats]!;
        expect(Math.hypot(spot.x - next.x, spot.z - next.z)).toBeGreaterThan(0.6);
        // Facing the centre: a step "forward" (towards -z at yaw 0) comes closer to the table.
        const ahead = { x: spot.x - Math.sin(spot.yaw) * 0.1, z: spot.z - Math.cos(spot.yaw) * 0.1 };
        expect(Math.hypot(ahead.x - slot.x, ahead.z - slot.z)).toBeLessThan(
          Math.hypot(spot.x - slot.x, spot.z - slot.z),
        );
      }
      expect(tableRadius(seats)).toBeGreaterThan(0.5);
    }
  });

  it("stands every table clear of the plenary circle, the stage and the lab's default zones", () => {
    const seats = HYBRID_LIMITS.maxSeats;
    for (const slot of TABLE_SLOTS) {
      const reach = tableRadius(seats) + 0.45 + LAB.bodyRadius;
      const { plenary, stage } = LAB;
      expect(Math.hypot(slot.x - plenary.x, slot.z - plenary.z)).toBeGreaterThan(plenary.radius + reach);
      expect(slot.z - reach).toBeGreaterThan(stage.maxZ);
      for (const zone of zoneWorld()) {
        expect(Math.hypot(slot.x - zone.x, slot.z - zone.z)).toBeGreaterThan(zone.radius + reach);
      }
    }
  });

  it("gives out table slots in order and none past the limit", () => {
    expect(freeSlot([])).toBe(0);
    expect(freeSlot([0, 2])).toBe(1);
    expect(freeSlot([0, 1, 2, 3])).toBeNull();
  });
});

describe("joining from a physical room", () => {
  const room = { seats: 2, seatedCount: 1, device: "" };
  it("refuses a room that does not exist, a full room, and a second room device", () => {
    expect(checkHybridJoin(undefined, "seat")).toBe("physical_room_not_found");
    expect(checkHybridJoin(room, "seat")).toBeNull();
    expect(checkHybridJoin({ ...room, seatedCount: 2 }, "seat")).toBe("physical_room_full");
    expect(checkHybridJoin(room, "device")).toBeNull();
    expect(checkHybridJoin({ ...room, device: "abc" }, "device")).toBe("room_device_taken");
    // A full room still takes its device: the laptop is equipment, not a seat.
    expect(checkHybridJoin({ ...room, seatedCount: 2 }, "device")).toBeNull();
  });
});

describe("who takes part from where", () => {
  it("counts people in rooms and remote ones, leaving out room devices and observers", () => {
    const people = [
      { id: "a", role: "participant" },
      { id: "b", role: "participant" },
      { id: "c", role: "facilitator" },
      { id: "d", role: "participant" },
      { id: "e", role: "observer" },
    ];
    const inRoom = new Set(["a", "b"]);
    expect(
      countWhereabouts(
        people,
        (id) => inRoom.has(id),
        (id) => id === "d",
      ),
    ).toEqual({ room: 2, remote: 1 });
  });
});

describe("the hybrid part of the Markdown export", () => {
  const hybrid = {
    rooms: [{ name: "Kuusi", seats: 8 }],
    attendance: [
      { uid: "u1", name: "Aino", room: "Kuusi", as: "seat" as const },
      { uid: "u2", name: "Kuusi laptop", room: "Kuusi", as: "device" as const },
    ],
  };
  it("counts named notes from the room and remotely, and never an anonymous note", () => {
    const notes = [
      { authorUid: "u1", anonymous: false },
      { authorUid: "u1", anonymous: true },
      { authorUid: "u3", anonymous: false },
    ];
    const lines = hybridMarkdownLines(
      hybrid,
      notes,
      (key, params) => translate("en", key, params),
      (s) => s,
    );
    expect(lines).toContain("- Kuusi (8 seats), in the room: Aino");
    expect(lines).toContain("Named notes written in a meeting room: 1; remotely: 1.");
    expect([...inRoomUids(hybrid)]).toEqual(["u1"]);
    expect(
      hybridMarkdownLines(
        undefined,
        notes,
        (key) => key,
        (s) => s,
      ),
    ).toEqual([]);
  });
});
