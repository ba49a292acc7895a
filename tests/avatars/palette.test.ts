import { describe, expect, it } from "vitest";
import { AVATAR_COLORS, leastWornColor } from "../../shared/avatars/palette";

describe("leastWornColor", () => {
  it("gives each newcomer a colour nobody wears while one is left", () => {
    const worn: number[] = [];
    for (let i = 0; i < AVATAR_COLORS.length; i++) worn.push(leastWornColor(worn));
    expect(new Set(worn).size).toBe(AVATAR_COLORS.length);
  });

  it("then spreads evenly: no colour is worn twice more than another", () => {
    const worn = [3, 3, 3];
    for (let i = 0; i < 3 * AVATAR_COLORS.length; i++) worn.push(leastWornColor(worn));
    const counts = AVATAR_COLORS.map((_, index) => worn.filter((c) => c === index).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it("skips colours chosen by others and ignores indices outside the palette", () => {
    expect(leastWornColor([0, 1, -1, 99])).toBe(2);
  });
});
