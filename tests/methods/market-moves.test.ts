import { describe, expect, it } from "vitest";
import {
  carriedDraft,
  cellOpenTo,
  cleanTopicTitle,
  openCells,
  spotToJoin,
  topicMoves,
  zoneSignAt,
} from "../../client/methods/market-moves";
import { TOPIC_TITLE_MAX, cleanTitle } from "../../shared/methods/marketplace";
import type { MarketView } from "../../shared/methods/marketplace";
import { CAPTURE_PLACEMENTS } from "../../shared/methods/capture";
import { HARVEST_PLACEMENT } from "../../shared/boards/merge";
import { TELEPORT } from "../../shared/movement/rules";
import { LAB } from "../../shared/space/layout";

type Topic = MarketView["topics"][number];
const topic = (over: Partial<Topic> = {}): Topic => ({
  id: "t1",
  slot: 1,
  zone: "zb",
  title: "Open data",
  convener: "Anna",
  noteTaker: "Anna",
  mine: false,
  taking: false,
  ...over,
});
const running = { closed: false, slot: 0 };
const guest = { facilitator: false, zone: "" };

describe("what the marketplace offers on a topic", () => {
  it("offers a participant elsewhere the way there, and the notes only once in its zone", () => {
    expect(topicMoves(running, topic(), guest)).toEqual({ own: false, takeNotes: false, goThere: true });
    expect(topicMoves(running, topic(), { ...guest, zone: "zb" })).toEqual({
      own: false,
      takeNotes: true,
      goThere: false,
    });
    // Already taking them: nothing to take over.
    expect(topicMoves(running, topic({ taking: true }), { ...guest, zone: "zb" }).takeNotes).toBe(false);
  });

  it("lets the convener and a facilitator move or withdraw it until its slot is over", () => {
    expect(topicMoves(running, topic({ mine: true, taking: true }), guest).own).toBe(true);
    expect(topicMoves(running, topic(), { facilitator: true, zone: "" }).own).toBe(true);
    const over = { closed: false, slot: 2 };
    expect(topicMoves(over, topic({ mine: true }), guest)).toEqual({ own: false, takeNotes: true, goThere: false });
  });

  it("offers nothing once the marketplace is closed", () => {
    const closed = { closed: true, slot: 2 };
    expect(topicMoves(closed, topic({ mine: true }), { facilitator: true, zone: "zb" })).toEqual({
      own: false,
      takeNotes: false,
      goThere: false,
    });
  });
});

const inside = (zone: { x: number; z: number; radius: number }, p: { x: number; z: number }) =>
  Math.hypot(p.x - zone.x, p.z - zone.z) < zone.radius;

describe("where Go there takes a person", () => {
  const [nw, ne, sw] = LAB.breakoutAreas;
  const wall = LAB.marketWall;
  const beforeWall = { x: wall.x + 3 * Math.sin(wall.yaw), z: wall.z + 3 * Math.cos(wall.yaw) };

  it("hops from in front of the wall into a zone near it, before its sign, in one teleport", () => {
    const spot = spotToJoin(ne!, beforeWall, "hop")!;
    expect(inside(ne!, spot)).toBe(true);
    expect(Math.hypot(spot.x - beforeWall.x, spot.z - beforeWall.z)).toBeLessThan(TELEPORT.maxDistance);
    const sign = zoneSignAt(ne!);
    expect(Math.hypot(spot.x - sign.x, spot.z - sign.z)).toBeCloseTo(1.5, 5);
  });

  it("hops as far as one teleport goes towards a zone out of reach", () => {
    const spot = spotToJoin(sw!, beforeWall, "hop")!;
    expect(Math.hypot(spot.x - beforeWall.x, spot.z - beforeWall.z)).toBeLessThanOrEqual(TELEPORT.maxDistance);
    expect(Math.hypot(spot.x - sw!.x, spot.z - sw!.z)).toBeLessThan(
      Math.hypot(beforeWall.x - sw!.x, beforeWall.z - sw!.z),
    );
  });

  it("walks all the way on a flat screen, where the way is open", () => {
    const spot = spotToJoin(nw!, beforeWall, "walk")!;
    expect(inside(nw!, spot)).toBe(true);
    // Through the pillar on the west wall there is no way.
    expect(spotToJoin({ x: -15.6, z: -3, radius: 3.8 }, { x: -15.6, z: 3 }, "walk")).toBeNull();
  });
});

/** Points every 10 cm along a board or panel standing at (x, z), turned by yaw, `width` metres wide. */
function along(x: number, z: number, yaw: number, width: number): { x: number; z: number }[] {
  const steps = Math.ceil(width / 0.1);
  return Array.from({ length: steps + 1 }, (_, i) => {
    const d = -width / 2 + (width * i) / steps;
    return { x: x + d * Math.cos(yaw), z: z - d * Math.sin(yaw) };
  });
}
const gap = (a: { x: number; z: number }[], b: { x: number; z: number }[]) =>
  Math.min(...a.flatMap((p) => b.map((q) => Math.hypot(p.x - q.x, p.z - q.z))));

describe("the marketplace wall's place in the lab", () => {
  const wall = LAB.marketWall;
  const panel = along(wall.x, wall.z, wall.yaw, wall.width);

  it("faces the plenary's centre, outside its circle", () => {
    const toCentre = { x: LAB.plenary.x - wall.x, z: LAB.plenary.z - wall.z };
    const length = Math.hypot(toCentre.x, toCentre.z);
    expect(Math.sin(wall.yaw)).toBeCloseTo(toCentre.x / length, 5);
    expect(Math.cos(wall.yaw)).toBeCloseTo(toCentre.z / length, 5);
    for (const p of panel)
      expect(Math.hypot(p.x - LAB.plenary.x, p.z - LAB.plenary.z)).toBeGreaterThan(LAB.plenary.radius);
  });

  it("stands clear of the zones' first places, the stage and every board a method puts up", () => {
    for (const area of LAB.breakoutAreas) {
      for (const p of panel) expect(Math.hypot(p.x - area.x, p.z - area.z)).toBeGreaterThan(area.radius + 0.5);
    }
    for (const p of panel) expect(p.z).toBeGreaterThan(LAB.stage.maxZ + 1);
    for (const board of [...CAPTURE_PLACEMENTS, HARVEST_PLACEMENT]) {
      const yaw = (board.yaw * Math.PI) / 180;
      expect(gap(panel, along(board.x / 100, board.z / 100, yaw, board.width / 100))).toBeGreaterThan(1);
    }
  });

  it("hides no part of the screen from the circle's middle", () => {
    const { screen, plenary } = LAB;
    for (const end of [screen.x - screen.width / 2, screen.x + screen.width / 2]) {
      const sight = Array.from({ length: 201 }, (_, i) => ({
        x: plenary.x + ((end - plenary.x) * i) / 200,
        z: plenary.z + ((screen.z - plenary.z) * i) / 200,
      }));
      expect(gap(panel, sight)).toBeGreaterThan(0.3);
    }
  });
});

describe("which cells of the marketplace a headset offers", () => {
  const grid = (over: Partial<MarketView> = {}): MarketView => ({
    slots: 3,
    zones: [
      { id: "za", letter: "A" },
      { id: "zb", letter: "B" },
    ],
    slot: -1,
    closed: false,
    topics: [],
    ...over,
  });
  const member = { member: true };

  it("offers every cell of an empty grid while posting, and none to a guest or once closed", () => {
    expect(openCells(grid(), member)).toHaveLength(6);
    expect(openCells(grid(), { member: false })).toEqual([]);
    expect(openCells(grid({ closed: true }), member)).toEqual([]);
  });

  it("leaves out taken cells, slots already over, and cells off the grid", () => {
    const market = grid({ slot: 1, topics: [topic({ slot: 1, zone: "za" })] });
    expect(openCells(market, member)).toEqual([
      { slot: 1, zone: "zb" },
      { slot: 2, zone: "za" },
      { slot: 2, zone: "zb" },
    ]);
    expect(cellOpenTo(market, { slot: 3, zone: "za" }, member)).toBe(false);
    expect(cellOpenTo(market, { slot: 2, zone: "zz" }, member)).toBe(false);
    expect(cellOpenTo(market, { slot: 1.5, zone: "za" }, member)).toBe(false);
  });

  it("keeps a convener from a second topic in a slot, but lets them move theirs within it", () => {
    const mine = topic({ id: "t1", slot: 0, zone: "za", mine: true });
    const market = grid({ topics: [mine] });
    expect(cellOpenTo(market, { slot: 0, zone: "zb" }, member)).toBe(false);
    expect(cellOpenTo(market, { slot: 1, zone: "zb" }, member)).toBe(true);
    expect(cellOpenTo(market, { slot: 0, zone: "zb" }, member, mine)).toBe(true);
    // Its own cell is not a place to move it to.
    expect(cellOpenTo(market, { slot: 0, zone: "za" }, member, mine)).toBe(false);
    // A facilitator moving someone else's topic: the viewer's own slots do not bind it.
    const theirs = topic({ id: "t2", slot: 1, zone: "za" });
    const both = grid({ topics: [mine, theirs] });
    expect(cellOpenTo(both, { slot: 0, zone: "zb" }, member, theirs)).toBe(true);
  });

  it("cleans a title as the server does and refuses an empty or overlong one", () => {
    expect(cleanTopicTitle("  Open   city data ", TOPIC_TITLE_MAX)).toBe("Open city data");
    expect(cleanTopicTitle("   ", TOPIC_TITLE_MAX)).toBeNull();
    expect(cleanTopicTitle("x".repeat(TOPIC_TITLE_MAX), TOPIC_TITLE_MAX)).toHaveLength(TOPIC_TITLE_MAX);
    expect(cleanTopicTitle("x".repeat(TOPIC_TITLE_MAX + 1), TOPIC_TITLE_MAX)).toBeNull();
    for (const title of ["  Open   city data ", "", "x".repeat(TOPIC_TITLE_MAX + 1), "Kahvi  ja\tpulla"]) {
      expect(cleanTopicTitle(title, TOPIC_TITLE_MAX)).toBe(cleanTitle(title));
    }
  });

  it("carries a refused title to the next keyboard, not one that made it onto the grid", () => {
    expect(carriedDraft(grid(), "Open city data")).toBe("Open city data");
    const posted = grid({ topics: [topic({ title: "Open city data", mine: true })] });
    expect(carriedDraft(posted, "Open city data")).toBe("");
    // Someone else's topic of the same name does not count.
    expect(carriedDraft(grid({ topics: [topic({ title: "Open city data" })] }), "Open city data")).toBe(
      "Open city data",
    );
  });
});
