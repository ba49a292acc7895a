import { describe, expect, it } from "vitest";
import { pickTags, tagCoversScreen, tagShown } from "../../client/avatars/tag-rules";
import { LAB } from "../../shared/space/layout";

const screen = LAB.screen;
// A participant standing at the back of the plenary, looking north at the stage.
const viewer = { x: 0, y: 1.6, z: 5 };
const tagAt = (x: number, z: number) => ({ x, y: 1.84, z });

describe("tagCoversScreen", () => {
  it("hides the tag of someone standing in the line of sight to the screen", () => {
    expect(tagCoversScreen(viewer, tagAt(0, 1), screen)).toBe(true);
    // Close to the viewer a tag covers the most, even off to the side.
    expect(tagCoversScreen(viewer, tagAt(0.5, 4), screen)).toBe(true);
    expect(tagCoversScreen(viewer, tagAt(1.5, 4), screen)).toBe(false);
  });

  it("keeps tags that are off to the side of the screen as the viewer sees it", () => {
    expect(tagCoversScreen(viewer, tagAt(4, 1), screen)).toBe(false);
    expect(tagCoversScreen(viewer, tagAt(-4, 1), screen)).toBe(false);
  });

  it("keeps tags behind the viewer, beside the viewer, and when the viewer is behind the screen", () => {
    expect(tagCoversScreen(viewer, tagAt(0, 7), screen)).toBe(false);
    expect(tagCoversScreen(viewer, tagAt(0.5, 5), screen)).toBe(false);
    expect(tagCoversScreen({ x: 0, y: 1.6, z: -16.5 }, tagAt(0, -16.2), screen)).toBe(false);
  });

  it("keeps a tag seen well below the screen's lower edge", () => {
    // Looking down from the stage edge at someone's tag close by: its line of sight hits the floor first.
    const high = { x: 0, y: 3.5, z: 5 };
    expect(tagCoversScreen(high, { x: 0, y: 1.84, z: 3 }, screen)).toBe(false);
  });
});

describe("tagShown", () => {
  it("shows near tags that do not cover the screen, and none beyond the range", () => {
    expect(tagShown(viewer, tagAt(4, 2), 8, screen)).toBe(true);
    expect(tagShown(viewer, tagAt(4, -6), 8, screen)).toBe(false);
    expect(tagShown(viewer, tagAt(0, 1), 14, screen)).toBe(false);
  });
});

describe("pickTags", () => {
  const near = (id: string, distance: number, wanted = false, drawn = false) => ({
    id,
    distanceSq: distance * distance,
    wanted,
    drawn,
  });

  it("draws every tag while there are no more than the limit", () => {
    expect(pickTags([near("a", 9), near("b", 2)], 2)).toEqual(new Set(["a", "b"]));
  });

  it("draws the nearest tags in a crowd", () => {
    const crowd = [near("far", 7), near("close", 1), near("mid", 4), near("farther", 8)];
    expect(pickTags(crowd, 2)).toEqual(new Set(["close", "mid"]));
  });

  it("keeps the tag of someone speaking or with a hand up, however far in the crowd", () => {
    const crowd = [near("close", 1), near("mid", 4), near("speaker", 11, true)];
    expect(pickTags(crowd, 2)).toEqual(new Set(["speaker", "close"]));
  });

  it("keeps a drawn tag against a newcomer only a little nearer, not against one much nearer", () => {
    expect(pickTags([near("drawn", 5, false, true), near("new", 4.8)], 1)).toEqual(new Set(["drawn"]));
    expect(pickTags([near("drawn", 5, false, true), near("new", 3)], 1)).toEqual(new Set(["new"]));
  });

  it("draws none when the limit is zero", () => {
    expect(pickTags([near("a", 1)], 0).size).toBe(0);
  });
});
