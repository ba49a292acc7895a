import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../shared/random";
import { LAB } from "../../shared/space/layout";
import {
  breakoutCandidates,
  checkDraft,
  planBreakout,
  SEND_TASK_BYTES,
  sendProblems,
  type BreakoutContext,
} from "../../shared/zones/breakout";

const ctx: BreakoutContext = {
  zones: LAB.breakoutAreas.map(({ id, x, z, radius }) => ({ id, x, z, radius, capacity: id === "ne" ? 1 : 0 })),
  people: [
    { id: "ann", role: "participant", name: "Anna" },
    { id: "ben", role: "participant", name: "Ben" },
    { id: "cay", role: "participant", name: "Cecilia" },
    { id: "eye", role: "observer", name: "Olli" },
    { id: "dan", role: "participant", name: "Daniel", atTable: true },
  ],
};

describe("checking a send-out (server, panel and VR menu alike)", () => {
  it("finds nothing wrong with groups in distinct zones within their capacity", () => {
    expect(
      sendProblems(ctx, [
        { zone: "nw", people: ["ann", "cay"] },
        { zone: "ne", people: ["ben"] },
      ]),
    ).toEqual([]);
  });

  it("names every problem in the order met", () => {
    expect(
      sendProblems(ctx, [
        { zone: "gone", people: ["ann"] },
        { zone: "nw", people: ["ann", "nobody", "eye"] },
        { zone: "nw", people: [] },
        { zone: "ne", people: ["ben", "cay"] },
      ]),
    ).toEqual([
      { code: "zone_missing", zone: "gone" },
      { code: "person_twice", person: "ann" },
      { code: "person_missing", person: "nobody" },
      { code: "observer", person: "eye" },
      { code: "zone_twice", zone: "nw" },
      { code: "over_capacity", zone: "ne", capacity: 1 },
    ]);
    expect(sendProblems(ctx, [])).toEqual([{ code: "no_group" }]);
  });

  it("keeps people at a hybrid table out of every group: they are not candidates, a draft drops them, the server refuses them", () => {
    expect(breakoutCandidates(ctx.people).map((p) => p.id)).toEqual(["ann", "ben", "cay"]);
    expect(sendProblems(ctx, [{ zone: "nw", people: ["ann", "dan"] }])).toEqual([{ code: "at_table", person: "dan" }]);
    expect(
      planBreakout({ ...ctx, now: 1, random: mulberry32(1) }, { groups: [{ zone: "nw", people: ["dan"] }] }),
    ).toEqual({
      error: { error: "invalid_payload", detail: "seated at a table" },
    });
    // Groups formed before Daniel sat down: he is dropped from the send like someone who left.
    const draft = {
      groups: [["ann", "dan"], ["ben"]],
      zoneIds: ["nw", "ne"],
      ownTasks: ["", ""],
      task: "",
      minutes: 5,
    };
    expect(checkDraft(draft, ctx).send?.groups).toEqual([
      { zone: "nw", people: ["ann"] },
      { zone: "ne", people: ["ben"] },
    ]);
  });

  it("counts every task and id together, in UTF-8 bytes, so the whole send fits in one message", () => {
    // Tasks of 1000 characters each pass every task's own check and can still make too large a send.
    const long = "ä".repeat(1000);
    const groups = [
      { zone: "nw", people: ["ann"], task: long },
      { zone: "sw", people: ["ben"], task: long },
    ];
    expect(sendProblems(ctx, groups, long)).toEqual([]);
    const many = Array.from({ length: 7 }, (_, i) => ({ zone: `z${i}`, people: [], task: long }));
    const zones = many.map(({ zone }) => ({ id: zone, capacity: 0 }));
    const problems = sendProblems({ ...ctx, zones }, many, long);
    expect(problems).toEqual([{ code: "tasks_too_long", bytes: 8 * 2001 }]);
    expect(8 * 2001).toBeGreaterThan(SEND_TASK_BYTES);
    // 500 people (session ids of 9 characters) in 16 groups fit, with room for a few kilobytes of tasks.
    const people = Array.from({ length: 500 }, (_, i) => ({
      id: `p${String(i).padStart(8, "0")}`,
      role: "participant",
      name: "",
    }));
    const sixteen = Array.from({ length: 16 }, (_, g) => ({
      zone: `z${g}`,
      people: people.filter((_, i) => i % 16 === g).map((p) => p.id),
    }));
    const crowd = { people, zones: sixteen.map(({ zone }) => ({ id: zone, capacity: 0 })) };
    expect(sendProblems(crowd, sixteen, "ä".repeat(2000))).toEqual([]);
    expect(sendProblems(crowd, sixteen, "€".repeat(4000))).toMatchObject([{ code: "tasks_too_long" }]);
  });
});

describe("planning a send-out", () => {
  it("refuses by the first problem, with the server's error code", () => {
    const plan = planBreakout(
      { ...ctx, now: 1, random: mulberry32(1) },
      { groups: [{ zone: "ne", people: ["ann", "ben"] }] },
    );
    expect(plan).toEqual({ error: { error: "zone_full", detail: "ne" } });
  });

  it("places everyone inside their zone and keeps the record by name, the same for the same seed", () => {
    const input = {
      groups: [
        { zone: "sw", people: ["ann", "ben"] },
        { zone: "ne", people: ["cay"] },
      ],
      task: "Map it",
      seconds: 600,
    };
    const plan = planBreakout({ ...ctx, now: 1000, random: mulberry32(7) }, input);
    if ("error" in plan) throw new Error("refused");
    expect(plan.zones).toEqual(["sw", "ne"]);
    expect(plan).toMatchObject({ seconds: 600 });
    expect(plan.tasks).toEqual(
      new Map([
        ["sw", "Map it"],
        ["ne", "Map it"],
      ]),
    );
    for (const { id, x, z } of plan.placements) {
      const zone = ctx.zones.find((area) => area.id === (id === "cay" ? "ne" : "sw"))!;
      expect(Math.hypot(x - zone.x, z - zone.z)).toBeLessThan(zone.radius - 0.4);
    }
    expect(plan.record).toMatchObject({
      at: 1000,
      seconds: 600,
      task: "Map it",
      groups: [
        { zone: "sw", people: ["Anna", "Ben"] },
        { zone: "ne", people: ["Cecilia"] },
      ],
    });
    const again = planBreakout({ ...ctx, now: 1000, random: mulberry32(7) }, input);
    expect(again).toEqual(plan);
  });

  it("gives a group its own task instead of the common one, and keeps it in the record", () => {
    const plan = planBreakout(
      { ...ctx, now: 1000, random: mulberry32(7) },
      {
        groups: [
          { zone: "sw", people: ["ann"], task: "Map the risks" },
          { zone: "se", people: ["ben"] },
          { zone: "nw", people: ["cay"] },
        ],
        task: "Map it",
      },
    );
    if ("error" in plan) throw new Error("refused");
    expect(plan.tasks).toEqual(
      new Map([
        ["sw", "Map the risks"],
        ["se", "Map it"],
        ["nw", "Map it"],
      ]),
    );
    expect(plan.record.groups[0]).toEqual({ zone: "sw", people: ["Anna"], task: "Map the risks" });
    expect(plan.record.groups[1]).toEqual({ zone: "se", people: ["Ben"] });
    // Without a common task, a zone without its own keeps the task it had.
    const ownOnly = planBreakout(
      { ...ctx, now: 1000, random: mulberry32(7) },
      {
        groups: [
          { zone: "sw", people: ["ann"], task: "Map the risks" },
          { zone: "se", people: ["ben"] },
        ],
      },
    );
    if ("error" in ownOnly) throw new Error("refused");
    expect(ownOnly.tasks).toEqual(new Map([["sw", "Map the risks"]]));
  });
});
