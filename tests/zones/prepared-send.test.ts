import { describe, expect, it } from "vitest";
import {
  formDraftGroups,
  preparedSend,
  updateDraft,
  useBreakoutDraft,
  type BreakoutDraft,
} from "../../client/zones/breakout-draft";

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
  it("sends each group to its zone with its own task, the common task and time, in one message", () => {
    expect(preparedSend(draft({}), everyone, zones)).toEqual({
      groups: [
        { zone: "nw", people: ["ann", "ben"] },
        { zone: "ne", people: ["cay", "dan"], task: "Map the risks" },
      ],
      task: "What would make this worse?",
      seconds: 300,
    });
  });

  it("refuses tasks too long together to go in one message", () => {
    const long = "ö".repeat(1000);
    const many = Array.from({ length: 8 }, (_, i) => [`p${i}`]);
    const manyZones = many.map((_, i) => ({ id: `z${i}`, capacity: 0 }));
    const present = new Set(many.flat());
    const base = { groups: many, zoneIds: manyZones.map((z) => z.id), task: long };
    expect(preparedSend(draft({ ...base, ownTasks: many.map(() => "") }), present, manyZones)).not.toBeNull();
    expect(preparedSend(draft({ ...base, ownTasks: many.map(() => long) }), present, manyZones)).toBeNull();
  });

  it("leaves out people who have gone, empty groups and a blank common task", () => {
    const prepared = preparedSend(draft({ task: "  " }), new Set(["ann", "ben"]), zones);
    expect(prepared).toEqual({ groups: [{ zone: "nw", people: ["ann", "ben"] }], seconds: 300 });
  });

  it("refuses what the panel would not send: no groups, too few zones, one zone twice, over capacity", () => {
    expect(preparedSend(draft({ groups: null }), everyone, zones)).toBeNull();
    expect(preparedSend(draft({}), everyone, zones.slice(0, 1))).toBeNull();
    expect(preparedSend(draft({ zoneIds: ["nw", "nw"] }), everyone, zones)).toBeNull();
    expect(preparedSend(draft({}), everyone, [{ id: "nw", capacity: 1 }, zones[1]!])).toBeNull();
    expect(preparedSend(draft({}), new Set(), zones)).toBeNull();
  });

  it("forms a group per zone in a headset, even from a manual draft, ready to send", () => {
    updateDraft({ split: "size", number: 3, method: "manual", groups: null });
    const people = ["ann", "ben", "cay", "dan", "eve", "fay", "gus"].map((id) => ({ id, organisation: "" }));
    formDraftGroups(people, ["nw", "ne", "sw"], 7, "perZone");
    const formed = useBreakoutDraft.getState();
    expect(formed.groups!.map((g) => g.length).sort()).toEqual([2, 2, 3]);
    expect(formed.groups!.flat().sort()).toEqual(people.map((p) => p.id));
    expect(formed.zoneIds).toEqual(["nw", "ne", "sw"]);
    const send = preparedSend(formed, new Set(people.map((p) => p.id)), [
      { id: "nw", capacity: 0 },
      { id: "ne", capacity: 0 },
      { id: "sw", capacity: 0 },
    ]);
    expect(send?.groups.map((g) => g.zone)).toEqual(["nw", "ne", "sw"]);
    // Fewer people than zones: one each, no empty groups.
    formDraftGroups(people.slice(0, 2), ["nw", "ne", "sw"], 7, "perZone");
    expect(useBreakoutDraft.getState().groups).toHaveLength(2);
  });
});
