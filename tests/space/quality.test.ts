import { describe, expect, it } from "vitest";
import { initialQuality, LIMITS, median, nextQuality, TIERS, type QualityState } from "../../client/space/quality";

const frames = (ms: number, n = 30) => Array.from({ length: n }, () => ms);

describe("nextQuality", () => {
  it("starts without multisampling at pixel ratio 1 unless this browser remembered another tier", () => {
    expect(initialQuality(null)).toEqual({ tier: "balanced", raisesLeft: 1 });
    expect(initialQuality("full").tier).toBe("full");
    expect(initialQuality("nonsense").tier).toBe("balanced");
    expect(TIERS.balanced).toMatchObject({ antialias: false, maxDpr: 1 });
    expect(TIERS.full.antialias).toBe(true);
  });

  it("never costs more per pixel in a lower tier: fewer floor texture reads, no larger ranges", () => {
    const [light, balanced, full] = [TIERS.light, TIERS.balanced, TIERS.full];
    for (const [lower, higher] of [
      [light, balanced],
      [balanced, full],
    ] as const) {
      expect(lower.floorAnisotropy).toBeLessThanOrEqual(higher.floorAnisotropy);
      expect(Number(lower.floorMipmapBlend)).toBeLessThanOrEqual(Number(higher.floorMipmapBlend));
      expect(lower.maxDpr).toBeLessThanOrEqual(higher.maxDpr);
      expect(lower.nameTagRangeM).toBeLessThanOrEqual(higher.nameTagRangeM);
      expect(lower.maxNameTags).toBeLessThanOrEqual(higher.maxNameTags);
    }
    // The full look keeps the sharp floor; the tier a machine without a GPU starts in does not pay for it.
    expect(full.floorAnisotropy).toBeGreaterThan(1);
    expect(balanced.floorAnisotropy).toBe(1);
  });

  it("rises to the full look when frames keep the display's pace, once per visit", () => {
    const raised = nextQuality(initialQuality(null), frames(16.7));
    expect(raised).toEqual({ tier: "full", raisesLeft: 0 });
    const dropped = nextQuality(raised, frames(30));
    expect(dropped.tier).toBe("balanced");
    // Proved too slow once: no second try, however fast the next window looks.
    expect(nextQuality(dropped, frames(16.7)).tier).toBe("balanced");
  });

  it("steps down one tier at a time when software rendering is slow, and no lower than light", () => {
    const slow = frames(140);
    const first = nextQuality({ tier: "full", raisesLeft: 1 }, slow);
    expect(first.tier).toBe("balanced");
    const second = nextQuality(first, slow);
    expect(second.tier).toBe("light");
    expect(nextQuality(second, slow).tier).toBe("light");
  });

  it("holds between the limits, so a tier does not flip with every window", () => {
    const between = frames((LIMITS.roomToSpare + LIMITS.fullTooSlow) / 2);
    const full: QualityState = { tier: "full", raisesLeft: 1 };
    expect(nextQuality(full, between)).toEqual(full);
    const balanced: QualityState = { tier: "balanced", raisesLeft: 1 };
    expect(nextQuality(balanced, frames((LIMITS.roomToSpare + LIMITS.balancedTooSlow) / 2))).toEqual(balanced);
  });

  it("looks at the median, so a few hitches (a note loading, a join) do not drop the tier", () => {
    const hitchy = [...frames(16.7, 20), 200, 300, 250];
    expect(nextQuality({ tier: "full", raisesLeft: 0 }, hitchy).tier).toBe("full");
  });

  it("ignores pauses over a second (hidden tab) and decides nothing on too few frames", () => {
    const state: QualityState = { tier: "full", raisesLeft: 0 };
    expect(nextQuality(state, [5000, 8000, 3000, 16, 16, 16])).toEqual(state);
    expect(nextQuality(state, [100, 100, 100, 100])).toEqual(state);
  });

  it("median", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
