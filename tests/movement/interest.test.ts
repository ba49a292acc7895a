import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../shared/random";
import { coarsePose, EVERYONE_NEAR, INTEREST, nearSetFor, type InterestPerson } from "../../shared/movement/interest";
import { currentPose, encodePosesMessage, PoseTable } from "../../shared/movement/poses-message";

const person = (id: string, x: number, z: number, extra: Partial<InterestPerson> = {}): InterestPerson => ({
  id,
  x,
  z,
  zone: "",
  role: "participant",
  ...extra,
});

describe("who is near whom", () => {
  it("always includes the viewer, and people within the radius but not beyond it", () => {
    const me = person("me", 0, 0);
    const people = [me, person("close", 3, 0), person("edge", INTEREST.nearRadius - 0.1, 0), person("far", 0, 14)];
    expect([...nearSetFor(me, people)].sort()).toEqual(["close", "edge", "me"]);
  });

  it("includes everyone in the viewer's breakout zone however far, but the plenary is not a zone", () => {
    const me = person("me", -12, -8, { zone: "nw" });
    const people = [me, person("groupmate", -8, -3, { zone: "nw" }), person("other zone", -12, 8, { zone: "sw" })];
    expect([...nearSetFor(me, people, new Set(), { ...INTEREST, nearRadius: 1 })].sort()).toEqual(["groupmate", "me"]);
    const inPlenary = person("plenary", 0, 0);
    const farInPlenary = person("far in plenary", 0, 12);
    expect([...nearSetFor(inPlenary, [inPlenary, farInPlenary], new Set(), { ...INTEREST, nearRadius: 5 })]).toEqual([
      "plenary",
    ]);
  });

  it("includes every facilitator wherever they stand", () => {
    const me = person("me", 15, 15);
    const host = person("host", -15, -15, { role: "facilitator" });
    expect(nearSetFor(me, [me, host]).has("host")).toBe(true);
  });

  it("keeps only the closest maxNear by distance in a crowd, and zone members and facilitators on top", () => {
    const me = person("me", 0, 0, { zone: "a" });
    const crowd = Array.from({ length: 100 }, (_, i) => person(`p${String(i).padStart(3, "0")}`, 0.05 * (i + 1), 0));
    const extra = [person("host", 9, 0, { role: "facilitator" }), person("mate", 9.5, 0, { zone: "a" })];
    const near = nearSetFor(me, [me, ...crowd, ...extra]);
    expect(near.size).toBe(INTEREST.maxNear + 3);
    // The 40 closest of the crowd: p000 … p039.
    for (let i = 0; i < INTEREST.maxNear; i++) expect(near.has(`p${String(i).padStart(3, "0")}`)).toBe(true);
    expect(near.has(`p${String(INTEREST.maxNear).padStart(3, "0")}`)).toBe(false);
    expect(near.has("host") && near.has("mate")).toBe(true);
  });

  it("keeps someone already near until they are the hysteresis farther, so an edge does not flicker", () => {
    const me = person("me", 0, 0);
    const walker = person("walker", INTEREST.nearRadius + INTEREST.hysteresis / 2, 0);
    expect(nearSetFor(me, [me, walker]).has("walker")).toBe(false);
    expect(nearSetFor(me, [me, walker], new Set(["walker"])).has("walker")).toBe(true);
    walker.x = INTEREST.nearRadius + INTEREST.hysteresis + 0.1;
    expect(nearSetFor(me, [me, walker], new Set(["walker"])).has("walker")).toBe(false);
  });

  it("prefers those already near at the count limit, so equal distances do not swap every time", () => {
    const rule = { ...INTEREST, maxNear: 1 };
    const me = person("me", 0, 0);
    const a = person("a", 2, 0);
    const b = person("b", 0, 2.2);
    expect([...nearSetFor(me, [me, a, b], new Set(), rule)].sort()).toEqual(["a", "me"]);
    expect([...nearSetFor(me, [me, a, b], new Set(["b"]), rule)].sort()).toEqual(["b", "me"]);
  });

  it("gives the same set whatever order the people come in", () => {
    const me = person("me", 0, 0);
    const others = Array.from({ length: 60 }, (_, i) => person(`p${i}`, Math.cos(i) * (1 + (i % 7)), Math.sin(i) * 3));
    const forward = nearSetFor(me, [me, ...others]);
    const backward = nearSetFor(me, [me, ...others].reverse());
    expect([...backward].sort()).toEqual([...forward].sort());
  });

  it("keeps exactly the closest maxNear of a packed crowd, as sorting everyone by distance (then id) would", () => {
    const random = mulberry32(500);
    for (let round = 0; round < 40; round++) {
      // Half on a 0.5 m grid, so many distances tie and the id must decide; half anywhere.
      const crowd = Array.from({ length: 300 }, (_, i) =>
        i % 2 === 0
          ? person(`g${i}`, Math.round((random() - 0.5) * 24) / 2, Math.round((random() - 0.5) * 24) / 2)
          : person(`r${i}`, (random() - 0.5) * 24, (random() - 0.5) * 24),
      );
      const me = crowd[round]!;
      const previous = new Set(crowd.filter(() => random() < 0.1).map((p) => p.id));
      const expected = crowd
        .filter((p) => p !== me)
        .map((p) => ({
          id: p.id,
          distance: Math.hypot(p.x - me.x, p.z - me.z) - (previous.has(p.id) ? INTEREST.hysteresis : 0),
        }))
        .filter((c) => c.distance <= INTEREST.nearRadius)
        .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, INTEREST.maxNear)
        .map((c) => c.id);
      expect([...nearSetFor(me, crowd, previous)].sort()).toEqual([me.id, ...expected].sort());
    }
  });

  it("answers each call on its own people only, though the candidates' storage is reused between calls", () => {
    const crowd = Array.from({ length: 100 }, (_, i) => person(`c${i}`, 0.05 * i, 0));
    expect(nearSetFor(crowd[0]!, crowd).size).toBe(INTEREST.maxNear + 1);
    const me = person("me", 0, 0);
    expect([...nearSetFor(me, [me, person("close", 1, 0)])].sort()).toEqual(["close", "me"]);
    expect([...nearSetFor(me, [me])]).toEqual(["me"]);
  });

  it("makes everyone near of everyone without interest management", () => {
    const people = Array.from({ length: 80 }, (_, i) => person(`p${i}`, (i % 9) * 4 - 16, Math.floor(i / 9) * 4 - 16));
    expect(nearSetFor(people[0]!, people, new Set(), EVERYONE_NEAR).size).toBe(80);
  });
});

describe("the coarse pose", () => {
  it("rounds to 10 cm and 1/512 turn, drops pitch, and stays within the wire's 16 bits", () => {
    expect(coarsePose({ x: 123, y: 164, z: -37, yaw: 300, pitch: 900 })).toEqual({
      x: 120,
      y: 160,
      z: -40,
      yaw: 256,
      pitch: 0,
    });
    expect(coarsePose({ x: 32767, y: 0, z: -32767, yaw: 65535, pitch: 0 })).toMatchObject({
      x: 32760,
      z: -32760,
      yaw: 0,
    });
  });

  it("does not change for a head bobbing on the spot, so a person standing still costs nothing", () => {
    const still = coarsePose({ x: 200, y: 160, z: 300, yaw: 1000, pitch: 0 });
    for (const [dx, dy, dz, dyaw, pitch] of [
      [2, 1, -3, 20, 500],
      [-4, -3, 4, -40, -800],
    ] as const) {
      expect(coarsePose({ x: 200 + dx, y: 160 + dy, z: 300 + dz, yaw: 1000 + dyaw, pitch })).toEqual(still);
    }
  });

  it("is what a client reads for someone far away, the full pose when near", () => {
    const farPose = { x: 0, y: 0, z: 0, yaw: 4, pitch: 0 };
    const pose = { x: 5, y: 6, z: 7, yaw: 8, pitch: 9 };
    const poses = new PoseTable();
    expect(currentPose({ slot: 3 }, poses)).toBeUndefined();
    poses.apply(encodePosesMessage({ full: false, poses: [], gone: [], far: [{ slot: 3, pose: farPose }] }));
    expect(currentPose({ slot: 3 }, poses)).toEqual(farPose);
    poses.apply(encodePosesMessage({ full: false, poses: [{ slot: 3, pose }], gone: [] }));
    expect(currentPose({ slot: 3 }, poses)).toEqual(pose);
    expect(currentPose({ slot: 4 }, poses)).toBeUndefined();
    poses.apply(encodePosesMessage({ full: false, poses: [], gone: [3] }));
    expect(currentPose({ slot: 3 }, poses)).toEqual(farPose);
  });
});
