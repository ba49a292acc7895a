import { describe, expect, it } from "vitest";
import { HEARING, listenersBySpeaker, planHearing, type VoiceParticipant } from "../../shared/voice/routing";
import { withCoaches, type CoachVoice } from "../../shared/voice/coach-routing";

function person(id: string, x: number, z: number, zone = "", extra: Partial<VoiceParticipant> = {}): VoiceParticipant {
  return { id, x, z, zone, speaking: true, listening: true, ...extra };
}

function coach(id: string, listen: CoachVoice["listen"], whispering = false, connected = true): CoachVoice {
  return { id, listen, whispering, connected };
}

// A facilitator in the plenary, a participant next to them, a breakout zone of two, an observer far off.
const people = [
  person("fac", 0, 0),
  person("pia", 1, 0),
  person("zed", 20, 20, "z1"),
  person("zoe", 21, 20, "z1"),
  person("obs", 40, 0, "", { speaking: false }),
];
const facilitators = new Set(["fac"]);

function plan(coaches: CoachVoice[], broadcaster = "") {
  return withCoaches(planHearing(people, { broadcaster }), people, coaches, broadcaster, { facilitators });
}

describe("a coach listening", () => {
  it("hears the chosen zone's members, and nobody hears the coach there", () => {
    const p = plan([coach("c1", { zone: "z1", x: 0, z: 0 })]);
    expect(p.get("c1")).toEqual(["zed", "zoe"]);
    expect(listenersBySpeaker(p).get("c1")).toBeUndefined();
    expect(p.get("zed")).toEqual(["zoe"]);
  });

  it("hears the plenary around the facilitator, nearest first, and not the zones", () => {
    const p = plan([coach("c1", { zone: "", x: 0, z: 0 })]);
    expect(p.get("c1")).toEqual(["fac", "pia"]);
  });

  it("hears nobody before choosing, nor while the connection is down", () => {
    expect(plan([coach("c1", null)]).get("c1")).toEqual([]);
    expect(plan([coach("c1", { zone: "z1", x: 0, z: 0 }, false, false)]).has("c1")).toBe(false);
  });

  it("hears the broadcaster first, wherever they listen, and at most the usual number of voices", () => {
    expect(plan([coach("c1", { zone: "z1", x: 0, z: 0 })], "fac").get("c1")).toEqual(["fac", "zed", "zoe"]);
    const crowd = Array.from({ length: 20 }, (_, i) => person(`p${String(i).padStart(2, "0")}`, 0.5 * i, 1));
    const p = withCoaches(planHearing(crowd), crowd, [coach("c1", { zone: "", x: 0, z: 0 })], "", { facilitators });
    expect(p.get("c1")).toHaveLength(HEARING.maxVoices);
  });
});

describe("a coach whispering", () => {
  it("is heard by the facilitators only, first in their list, and by nobody while not whispering", () => {
    const quiet = plan([coach("c1", { zone: "z1", x: 0, z: 0 })]);
    expect(listenersBySpeaker(quiet).get("c1")).toBeUndefined();
    const talking = plan([coach("c1", { zone: "z1", x: 0, z: 0 }, true), coach("c2", { zone: "", x: 0, z: 0 })]);
    expect(listenersBySpeaker(talking).get("c1")).toEqual(["fac"]);
    expect(talking.get("fac")).toEqual(["c1", "pia"]);
    // Participants, observers and the other coach receive none of it.
    for (const id of ["pia", "zed", "zoe", "obs", "c2"]) expect(talking.get(id) ?? []).not.toContain("c1");
  });

  it("never makes coaches hear each other, and leaves a room without coaches untouched", () => {
    const p = plan([coach("c1", { zone: "", x: 0, z: 0 }, true), coach("c2", { zone: "", x: 0, z: 0 }, true)]);
    expect(p.get("c1")).not.toContain("c2");
    expect(p.get("c2")).not.toContain("c1");
    expect(p.get("fac")).toEqual(["c1", "c2", "pia"]);
    const base = planHearing(people);
    expect(withCoaches(base, people, [], "", { facilitators })).toBe(base);
  });
});
