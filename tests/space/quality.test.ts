import { describe, expect, it } from "vitest";
import {
  initialQuality,
  LIMITS,
  nextQuality,
  typicalFrameMs,
  TIERS,
  type QualityState,
} from "../../client/space/quality";

const frames = (ms: number, n = 30) => Array.from({ length: n }, () => ms);

describe("nextQuality", () => {
  it("starts without multisampling at pixel ratio 1 unless this browser remembered another tier", () => {
    expect(initialQuality(null)).toEqual({ tier: "balanced", ceiling: "full" });
    expect(initialQuality("full").tier).toBe("full");
    expect(initialQuality("nonsense").tier).toBe("balanced");
    expect(TIERS.balanced).toMatchObject({ antialias: false, maxDpr: 1 });
    expect(TIERS.full.antialias).toBe(true);
  });

  it("never costs more per pixel in a lower tier: fewer floor texture reads, no larger ranges", () => {
    const [minimal, light, balanced, full] = [TIERS.minimal, TIERS.light, TIERS.balanced, TIERS.full];
    for (const [lower, higher] of [
      [minimal, light],
      [light, balanced],
      [balanced, full],
    ] as const) {
      expect(lower.floorAnisotropy).toBeLessThanOrEqual(higher.floorAnisotropy);
      expect(Number(lower.floorMipmapBlend)).toBeLessThanOrEqual(Number(higher.floorMipmapBlend));
      expect(lower.maxDpr).toBeLessThanOrEqual(higher.maxDpr);
      expect(lower.nameTagRangeM).toBeLessThanOrEqual(higher.nameTagRangeM);
      expect(lower.maxNameTags).toBeLessThanOrEqual(higher.maxNameTags);
      expect(lower.detailRangeM).toBeLessThanOrEqual(higher.detailRangeM);
      expect(lower.signRangeM).toBeLessThanOrEqual(higher.signRangeM);
    }
    // The full look keeps the sharp floor; the tier a machine without a GPU starts in does not pay for it.
    expect(full.floorAnisotropy).toBeGreaterThan(1);
    expect(balanced.floorAnisotropy).toBe(1);
  });

  it("rises to the full look when frames keep the display's pace, and never again to a tier that proved too slow", () => {
    const raised = nextQuality(initialQuality(null), frames(16.7));
    expect(raised).toEqual({ tier: "full", ceiling: "full" });
    const dropped = nextQuality(raised, frames(30));
    expect(dropped).toEqual({ tier: "balanced", ceiling: "balanced" });
    // Proved too slow once: no second try, however fast the next window looks.
    expect(nextQuality(dropped, frames(16.7)).tier).toBe("balanced");
    // The light tier of a laptop that keeps the pace there does not climb back to the balanced one it left.
    const light = nextQuality({ tier: "balanced", ceiling: "full" }, frames(30));
    expect(light).toEqual({ tier: "light", ceiling: "light" });
    expect(nextQuality(light, frames(16.7))).toEqual(light);
    // A browser that remembered light tries balanced again once, on a new visit.
    expect(nextQuality(initialQuality("light"), frames(16.7)).tier).toBe("balanced");
  });

  it("steps down one tier when frames are slow, two when far too slow, and no lower than minimal", () => {
    const slow = frames(30);
    const first = nextQuality({ tier: "full", ceiling: "full" }, slow);
    expect(first.tier).toBe("balanced");
    const second = nextQuality(first, slow);
    expect(second.tier).toBe("light");
    const third = nextQuality(second, slow);
    expect(third.tier).toBe("minimal");
    expect(nextQuality(third, slow).tier).toBe("minimal");
    // 50 ms frames at the full look (people arrived in a room that looked empty): straight to light.
    expect(nextQuality({ tier: "full", ceiling: "full" }, frames(50))).toEqual({ tier: "light", ceiling: "light" });
    expect(nextQuality({ tier: "light", ceiling: "full" }, frames(140)).tier).toBe("minimal");
  });

  it("holds between the limits, so a tier does not flip with every window", () => {
    const between = frames((LIMITS.roomToSpare + LIMITS.tooSlow) / 2);
    for (const tier of ["full", "balanced", "light", "minimal"] as const) {
      const state: QualityState = { tier, ceiling: "full" };
      expect(nextQuality(state, between)).toEqual(state);
    }
  });

  it("leaves the slowest frames out, so a few hitches (a note loading, a join) do not drop the tier", () => {
    const hitchy = [...frames(16.7, 20), 200, 300, 250];
    expect(nextQuality({ tier: "full", ceiling: "full" }, hitchy).tier).toBe("full");
  });

  it("drops a tier whose frames miss the display's pace half the time, though its median frame is 16.7 ms", () => {
    // 40 frames a second at 60 Hz: frames of one and of two refreshes, alternating.
    const missing = Array.from({ length: 80 }, (_, i) => (i % 2 ? 33.3 : 16.7));
    expect(nextQuality({ tier: "balanced", ceiling: "balanced" }, missing).tier).toBe("light");
    expect(nextQuality({ tier: "full", ceiling: "full" }, missing).tier).toBe("balanced");
    // One frame in ten missing (~55 fps) is fluid enough to stay.
    const fluid = Array.from({ length: 100 }, (_, i) => (i % 10 ? 16.7 : 33.3));
    expect(nextQuality({ tier: "balanced", ceiling: "balanced" }, fluid).tier).toBe("balanced");
  });

  it("ignores pauses over a second (hidden tab) and decides nothing on too few frames", () => {
    const state: QualityState = { tier: "full", ceiling: "full" };
    expect(nextQuality(state, [5000, 8000, 3000, 16, 16, 16])).toEqual(state);
    expect(nextQuality(state, [100, 100, 100, 100])).toEqual(state);
  });

  it("typicalFrameMs: the mean without hitches (over three times the median)", () => {
    expect(typicalFrameMs([10, 20, 30])).toBe(20);
    expect(typicalFrameMs([...frames(20, 17), 1000, 1000, 1000])).toBe(20);
    expect(typicalFrameMs([40])).toBe(40);
    // Frames of three refreshes are slow drawing, not hitches: they count.
    expect(typicalFrameMs([16, 16, 16, 48, 48, 160])).toBe(28.8);
  });
});
