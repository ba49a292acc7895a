import { describe, expect, it } from "vitest";
import { preparedSend, type BreakoutDraft } from "../../client/zones/breakout-draft";

const draft = (change: Partial<BreakoutDraft>): BreakoutDraft => ({
  split: "size",
  number: 2,
  method: "random",
  seed: 1,
  groups: [
    ["ann", "ben"],
    ["cay", "dan"],
  ],
  zoneIds: ["nw", "ne"],
  ownTasks: ["", "Map the risks"],
  task: "What would make this worse?",
  minutes: 5,
  ...change,
});
const zones = [
  { id: "nw", capacity: 0 },
  { id: "ne", capacity: 0 },
];
const everyone = new Set(["ann", "ben", "cay", "dan"]);

describe("sending the prepared groups (facilitator panel and VR menu alike)", () => {
  it("sends each group to its zone with the common task and time, and own tasks after", () => {
    expect(preparedSend(draft({}), everyone, zones)).toEqual({
      groups: [
        { zone: "nw", people: ["ann", "ben"] },
        { zone: "ne", people: ["cay", "dan"] },
      ],
      task: "What would make this worse?",
      seconds: 300,
      ownTasks: [{ zone: "ne", text: "Map the risks" }],
    });
  });

  it("leaves out people who have gone, empty groups and a blank common task", () => {
    const prepared = preparedSend(draft({ task: "  " }), new Set(["ann", "ben"]), zones);
    expect(prepared).toEqual({ groups: [{ zone: "nw", people: ["ann", "ben"] }], seconds: 300, ownTasks: [] });
  });

  it("refuses what the panel would not send: no groups, too few zones, one zone twice, over capacity", () => {
    expect(preparedSend(draft({ groups: null }), everyone, zones)).toBeNull();
    expect(preparedSend(draft({}), everyone, zones.slice(0, 1))).toBeNull();
    expect(preparedSend(draft({ zoneIds: ["nw", "nw"] }), everyone, zones)).toBeNull();
    expect(preparedSend(draft({}), everyone, [{ id: "nw", capacity: 1 }, zones[1]!])).toBeNull();
    expect(preparedSend(draft({}), new Set(), zones)).toBeNull();
  });
});
