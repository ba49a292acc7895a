import { describe, expect, it } from "vitest";
import { HEARING, listenersBySpeaker, mayHear, planHearing, type VoiceParticipant } from "../../shared/voice/routing";
import { assignSlots, VOICE_SLOTS } from "../../shared/voice/slots";
import { mulberry32 } from "../../shared/random";

function person(id: string, x: number, z: number, zone = "", extra: Partial<VoiceParticipant> = {}): VoiceParticipant {
  return { id, x, z, zone, speaking: true, listening: true, ...extra };
}

function heardBy(plan: ReturnType<typeof planHearing>, id: string): string[] {
  return [...(plan.get(id) ?? [])];
}

describe("who hears whom in the plenary", () => {
  it("hears people within the hearing range, nearest first, and nobody beyond it", () => {
    const plan = planHearing([person("me", 0, 0), person("near", 2, 0), person("mid", 0, 8), person("far", 14, 10)]);
    expect(heardBy(plan, "me")).toEqual(["near", "mid"]);
    expect(heardBy(plan, "far")).toEqual([]);
    expect(heardBy(plan, "mid")).toEqual(["me", "near"]);
  });

  it("keeps hearing someone who steps just past the cut-off, until they are clearly gone", () => {
    const before = planHearing([person("me", 0, 0), person("walker", 11.5, 0)]);
    expect(heardBy(before, "me")).toEqual(["walker"]);
    const edge = planHearing([person("me", 0, 0), person("walker", 12.6, 0)], { previous: before });
    expect(heardBy(edge, "me")).toEqual(["walker"]);
    const gone = planHearing([person("me", 0, 0), person("walker", 13.2, 0)], { previous: edge });
    expect(heardBy(gone, "me")).toEqual([]);
    // Someone arriving from far away is heard only once inside the range itself.
    const arriving = planHearing([person("me", 0, 0), person("walker", 12.6, 0)], { previous: gone });
    expect(heardBy(arriving, "me")).toEqual([]);
  });

  it("hears only the nearest speakers when many talk at once", () => {
    const crowd = Array.from({ length: 20 }, (_, i) => person(`p${String(i).padStart(2, "0")}`, 0.5 * (i + 1), 0));
    const plan = planHearing([person("me", 0, 0), ...crowd]);
    expect(heardBy(plan, "me")).toEqual(crowd.slice(0, HEARING.maxVoices).map((p) => p.id));
  });

  it("never forwards the muted, nor to people whose voice is not connected, nor to oneself", () => {
    const plan = planHearing([
      person("me", 0, 0),
      person("muted", 1, 0, "", { speaking: false }),
      person("offline", 1, 1, "", { listening: false, speaking: false }),
    ]);
    expect(heardBy(plan, "me")).toEqual([]);
    expect(plan.has("offline")).toBe(false);
    expect(heardBy(plan, "muted")).toEqual(["me"]);
  });
});

describe("breakout zones are private", () => {
  const people = [
    person("a1", -10, -6, "a"),
    person("a2", -13, -9, "a"),
    person("b1", 10, -6, "b"),
    person("p1", -8, -4),
    person("p2", 0, 0),
  ];

  it("members hear each other whatever the distance inside the zone, and nobody outside", () => {
    const plan = planHearing(people);
    expect(heardBy(plan, "a1")).toEqual(["a2"]);
    expect(heardBy(plan, "a2")).toEqual(["a1"]);
    expect(heardBy(plan, "b1")).toEqual([]);
  });

  it("someone in the plenary standing right next to a zone hears none of it", () => {
    const plan = planHearing(people);
    expect(heardBy(plan, "p1")).toEqual(["p2"]);
    expect(listenersBySpeaker(plan).get("a1")).toEqual(["a2"]);
    expect(mayHear(person("x", -8, -4), person("y", -8.5, -4, "a"))).toBe(false);
  });

  it("follows people as they move between zones", () => {
    const inPlenary = planHearing([person("a1", -10, -6, "a"), person("walker", -6, -3)]);
    expect(heardBy(inPlenary, "walker")).toEqual([]);
    const inside = planHearing([person("a1", -10, -6, "a"), person("walker", -8, -5, "a")], { previous: inPlenary });
    expect(heardBy(inside, "walker")).toEqual(["a1"]);
    expect(heardBy(inside, "a1")).toEqual(["walker"]);
    const moved = planHearing([person("a1", -10, -6, "a"), person("walker", 10, -6, "b")], { previous: inside });
    expect(heardBy(moved, "walker")).toEqual([]);
    expect(heardBy(moved, "a1")).toEqual([]);
  });
});

describe("broadcast", () => {
  const people = [
    person("host", 0, 0),
    person("a1", -10, -6, "a"),
    person("b1", 10, -6, "b"),
    person("far", 0, 14),
    person("near", 1, 0),
  ];

  it("reaches every zone and the whole plenary, first of all voices, while zones stay private otherwise", () => {
    const plan = planHearing(people, { broadcaster: "host" });
    expect(heardBy(plan, "a1")).toEqual(["host"]);
    expect(heardBy(plan, "b1")).toEqual(["host"]);
    expect(heardBy(plan, "far")).toEqual(["host"]);
    expect(heardBy(plan, "near")).toEqual(["host"]);
    expect(heardBy(plan, "host")).toEqual(["near"]);
  });

  it("carries nothing while the broadcaster is muted", () => {
    const muted = people.map((p) => (p.id === "host" ? { ...p, speaking: false } : p));
    const plan = planHearing(muted, { broadcaster: "host" });
    expect(heardBy(plan, "a1")).toEqual([]);
  });

  it("counts against the cap, so a full room still hears the broadcast", () => {
    const crowd = Array.from({ length: 12 }, (_, i) => person(`c${i}`, 0.2 * i, 1));
    const plan = planHearing([person("host", 20, 20, "d"), person("me", 0, 0), ...crowd], { broadcaster: "host" });
    const heard = heardBy(plan, "me");
    expect(heard[0]).toBe("host");
    expect(heard).toHaveLength(HEARING.maxVoices);
  });
});

describe("privacy holds in any room", () => {
  it("never lets anyone hear across a zone boundary, except the broadcaster (500 random rooms, seed 20261127)", () => {
    const random = mulberry32(20261127);
    const zones = ["", "", "a", "b", "c"];
    const violations: string[] = [];
    for (let round = 0; round < 500; round++) {
      const people = Array.from({ length: 2 + Math.floor(random() * 30) }, (_, i) =>
        person(`p${i}`, random() * 32 - 16, random() * 32 - 16, zones[Math.floor(random() * zones.length)], {
          speaking: random() < 0.7,
          listening: random() < 0.9,
        }),
      );
      const broadcaster = random() < 0.3 ? "p0" : "";
      const plan = planHearing(people, { broadcaster });
      const byId = new Map(people.map((p) => [p.id, p]));
      // Violations are collected and compared once: an expect per pair made this test slow on a busy machine.
      for (const [listenerId, speakers] of plan) {
        const listener = byId.get(listenerId)!;
        if (!listener.listening) violations.push(`round ${round}: ${listenerId} is not listening`);
        if (speakers.length > HEARING.maxVoices) violations.push(`round ${round}: ${listenerId} hears too many`);
        for (const speakerId of speakers) {
          const speaker = byId.get(speakerId)!;
          if (!speaker.speaking) violations.push(`round ${round}: ${speakerId} is not speaking`);
          if (speakerId === listenerId) violations.push(`round ${round}: ${listenerId} hears themselves`);
          if (speakerId === broadcaster) continue;
          if (speaker.zone !== listener.zone) violations.push(`round ${round}: ${listenerId} hears ${speakerId}`);
          if (listener.zone === "" && Math.hypot(listener.x - speaker.x, listener.z - speaker.z) > HEARING.rangeM) {
            violations.push(`round ${round}: ${listenerId} hears ${speakerId} from too far`);
          }
        }
      }
    }
    expect(violations).toEqual([]);
  });
});

describe("receive slots", () => {
  it("keeps a speaker in the same slot while they stay heard, and reuses freed slots", () => {
    const first = assignSlots([], ["a", "b", "c"]);
    expect(first.slice(0, 3)).toEqual(["a", "b", "c"]);
    expect(first).toHaveLength(VOICE_SLOTS);
    const second = assignSlots(first, ["c", "d", "a"]);
    expect(second.slice(0, 3)).toEqual(["a", "d", "c"]);
    const third = assignSlots(second, []);
    expect(third.every((s) => s === "")).toBe(true);
  });

  it("leaves out speakers beyond the slot count", () => {
    const many = Array.from({ length: VOICE_SLOTS + 3 }, (_, i) => `s${i}`);
    expect(assignSlots([], many)).toEqual(many.slice(0, VOICE_SLOTS));
  });
});
