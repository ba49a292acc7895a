import { describe, expect, it } from "vitest";
import { planHearing, type VoiceParticipant } from "../../shared/voice/routing";

function person(id: string, x: number, z: number, zone = "nw"): VoiceParticipant {
  return { id, x, z, zone, speaking: true, listening: true };
}

function heardBy(plan: ReturnType<typeof planHearing>, id: string): string[] {
  return [...(plan.get(id) ?? [])];
}

/** Screens (planHearing's `screens`, Troika's one-way glass): a speaker kept from named listeners only. */
describe("screened speakers in the hearing plan", () => {
  const screens = new Map([["client", new Set(["a", "b"])]]);

  it("keeps the client from the screened listeners only: someone else in the zone still hears them", () => {
    const plan = planHearing([person("client", 0, 0), person("a", 1, 0), person("b", 0, 1), person("e", 1, 1)], {
      screens,
    });
    expect(heardBy(plan, "a")).toEqual(["e", "b"]);
    expect(heardBy(plan, "e")).toContain("client");
    expect(heardBy(plan, "client").sort()).toEqual(["a", "b", "e"]);
  });

  it("does not let a screened speaker take one of the listener's voices", () => {
    // The client stands nearest; with room for two voices, "a" hears the two others instead.
    const plan = planHearing([person("client", 0.1, 0), person("a", 0, 0), person("b", 2, 0), person("c", 3, 0)], {
      screens,
      maxVoices: 2,
    });
    expect(heardBy(plan, "a")).toEqual(["b", "c"]);
  });

  it("drops a speaker the listener heard a moment ago, and brings them back once the screen is gone", () => {
    const trio = [person("client", 0, 0), person("a", 1, 0), person("b", 0, 1)];
    const open = planHearing(trio);
    expect(heardBy(open, "a")).toContain("client");
    const glass = planHearing(trio, { screens, previous: open });
    expect(heardBy(glass, "a")).toEqual(["b"]);
    expect(heardBy(planHearing(trio, { previous: glass }), "a")).toContain("client");
  });
});
