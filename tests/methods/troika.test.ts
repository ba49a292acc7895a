import { describe, expect, it } from "vitest";
import type { Person } from "../../shared/methods/grouping";
import { emptyRun, nextStep, previousStep, withPlan, type MethodsRun } from "../../shared/methods/run";
import { templatePlan } from "../../shared/methods/templates";
import { oneWayGlass, troikaPartOf } from "../../shared/methods/troika";
import { planHearing, type VoiceParticipant } from "../../shared/voice/routing";

const people: Person[] = Array.from({ length: 9 }, (_, i) => ({
  id: `u${i}`,
  organisation: ["Kela", "Vero", "THL"][i % 3]!,
}));

function counter(): () => string {
  let n = 0;
  return () => `s${++n}`;
}

function advance(run: MethodsRun, steps: number): MethodsRun {
  for (let i = 0; i < steps; i++) {
    const result = nextStep(run, people, i * 60_000);
    if (!result.ok) throw new Error(result.issue.key);
    run = result.run;
  }
  return run;
}

describe("Troika's one-way glass", () => {
  const start = withPlan(emptyRun(0), templatePlan("troika", "en", counter()), 7);

  it("is down while the client explains and the consultants ask, and up in the advice phase only", () => {
    // The template: for each client in turn, explain, ask, advise, reflect.
    expect(oneWayGlass(advance(start, 1)).size).toBe(0);
    expect(oneWayGlass(advance(start, 2)).size).toBe(0);
    const advice = advance(start, 3);
    const glass = oneWayGlass(advice);
    const groups = advice.entries.at(-1)!.groups;
    expect(glass.size).toBe(groups.length);
    for (const group of groups) {
      const client = group[0]!;
      expect(glass.get(client)?.sort()).toEqual(group.slice(1).sort());
    }
    expect(oneWayGlass(advance(start, 4)).size).toBe(0);
    // Back from the advice phase takes the glass down with the step.
    const back = previousStep(advice);
    expect(back.ok && oneWayGlass(back.run).size).toBe(0);
  });

  it("rotates, so that over the three rounds everyone in a trio is the client behind the glass once", () => {
    const clients = new Set<string>();
    for (const adviceStep of [3, 7, 11])
      for (const client of oneWayGlass(advance(start, adviceStep)).keys()) clients.add(client);
    expect([...clients].sort()).toEqual(people.map((p) => p.id).sort());
  });

  it("tells each person their part: the client behind the glass, the consultants in front of it", () => {
    const advice = advance(start, 3);
    const [client, ...consultants] = advice.entries.at(-1)!.groups[0]!;
    expect(troikaPartOf(advice, client!)).toEqual({ role: "client", glass: true });
    for (const id of consultants) expect(troikaPartOf(advice, id)).toEqual({ role: "consultant", glass: true });
    expect(troikaPartOf(advance(start, 1), client!)).toEqual({ role: "client", glass: false });
    expect(troikaPartOf(withPlan(emptyRun(0), templatePlan("oneTwoFourAll", "en", counter()), 1), client!)).toBeNull();
  });

  it("keeps the client's voice from the consultants while the client still hears them", () => {
    const trio: VoiceParticipant[] = ["client", "a", "b"].map((id) => ({
      id,
      zone: "nw",
      x: 0,
      z: 0,
      speaking: true,
      listening: true,
    }));
    const screens = new Map([["client", new Set(["a", "b"])]]);
    const plan = planHearing(trio, { screens });
    expect(plan.get("a")).toEqual(["b"]);
    expect(plan.get("b")).toEqual(["a"]);
    expect([...plan.get("client")!].sort()).toEqual(["a", "b"]);
    // Even as a broadcaster (never a Troika client, but the screen holds whatever else does).
    expect(planHearing(trio, { screens, broadcaster: "client" }).get("a")).toEqual(["b"]);
  });
});
