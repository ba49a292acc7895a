import { describe, expect, it } from "vitest";
import {
  DOMINANT_MIN_TOTAL_MS,
  loggedSpeaking,
  SILENT_AFTER_MS,
  storableSpeaking,
  zoneSpeaking,
  type SpeakingMember,
} from "../../shared/coaching/speaking";
import { isSpeech, PACKET_MS, SpeechCounter, SPEECH_LEVEL_DBOV } from "../../server/voice/speech";

const NOW = 1_000_000_000;
const orgs: Record<string, string> = { anna: "Kela", ben: "Vero", cai: "Vero", dan: "TE", left: "Kela" };
const member = (id: string, since = NOW - SILENT_AFTER_MS): SpeakingMember => ({ id, organisation: orgs[id]!, since });
const speaking = (members: SpeakingMember[], spoken: Record<string, number>) =>
  zoneSpeaking({ zone: "nw", members, spokenMs: new Map(Object.entries(spoken)) }, (id) => orgs[id] ?? "", NOW);

describe("speaking time on the balcony", () => {
  it("shares each zone's speech per person present and per organisation, people who left included", () => {
    const z = speaking([member("anna"), member("ben"), member("cai")], {
      anna: 30_000,
      ben: 10_000,
      cai: 10_000,
      left: 50_000,
    });
    expect(z.totalMs).toBe(100_000);
    expect(z.people).toEqual([
      { id: "anna", ms: 30_000, share: 0.3 },
      { id: "ben", ms: 10_000, share: 0.1 },
      { id: "cai", ms: 10_000, share: 0.1 },
    ]);
    expect(z.organisations).toEqual([
      { organisation: "Kela", ms: 80_000, share: 0.8 },
      { organisation: "Vero", ms: 20_000, share: 0.2 },
    ]);
    // What may be stored carries no person at all.
    expect(JSON.stringify(storableSpeaking(z))).not.toMatch(/anna|ben|cai|left/);
  });

  it("flags one voice over 60% with three or more members, once the zone has a minute of speech", () => {
    const three = [member("anna"), member("ben"), member("cai")];
    expect(speaking(three, { anna: 61_000, ben: 20_000, cai: 19_000 }).dominant).toBe("anna");
    expect(speaking(three, { anna: 60_000, ben: 20_000, cai: 20_000 }).dominant).toBe(""); // exactly 60%: not over
    expect(speaking(three.slice(0, 2), { anna: 90_000, ben: 10_000 }).dominant).toBe(""); // two people talking
    const early = DOMINANT_MIN_TOTAL_MS - PACKET_MS;
    expect(speaking(three, { anna: early }).dominant).toBe(""); // the first sentence flags nobody
  });

  it("names members present for three minutes without a counted word, not newcomers", () => {
    const z = speaking([member("anna"), member("ben"), member("dan", NOW - SILENT_AFTER_MS + 1)], { anna: 5_000 });
    expect(z.silent).toEqual(["ben"]);
    expect(z.people.find((p) => p.id === "ben")).toEqual({ id: "ben", ms: 0, share: 0 });
  });

  it("gives an empty zone no shares rather than dividing by zero", () => {
    const z = speaking([member("anna", NOW)], {});
    expect(z).toMatchObject({ totalMs: 0, people: [{ id: "anna", ms: 0, share: 0 }], dominant: "", silent: [] });
  });
});

describe("speaking time in the debrief", () => {
  it("sums the timeline's per-organisation counts per zone, ignoring everything else", () => {
    const totals = loggedSpeaking([
      {
        e: "speak",
        z: "nw",
        o: [
          ["Kela", 3000],
          ["Vero", 1000],
        ],
      },
      { e: "zone", z: "nw" },
      { e: "speak", z: "nw", o: [["Vero", 4000]] },
      { e: "speak", z: "", o: [["TE", 20]] },
    ]);
    expect(totals.get("nw")).toEqual([
      { organisation: "Vero", ms: 5000, share: 0.625 },
      { organisation: "Kela", ms: 3000, share: 0.375 },
    ]);
    expect(totals.get("")).toEqual([{ organisation: "TE", ms: 20, share: 1 }]);
  });
});

describe("counting speech from RTP", () => {
  it("counts a level louder than -50 dBov (not Chromium's always-set voice bit), else the packet's size", () => {
    expect(isSpeech(80, { v: true, level: 127 })).toBe(false);
    expect(isSpeech(3, { v: false, level: SPEECH_LEVEL_DBOV - 1 })).toBe(true);
    expect(isSpeech(100, { v: false, level: SPEECH_LEVEL_DBOV })).toBe(false);
    expect(isSpeech(3, undefined)).toBe(false); // DTX comfort noise
    expect(isSpeech(80, undefined)).toBe(true);
  });

  it("adds 20 ms per speech packet and forgets what it handed out", () => {
    const counter = new SpeechCounter();
    for (let i = 0; i < 50; i++) counter.packet("anna", 80, { v: true, level: 20 });
    counter.packet("ben", 3, { v: false, level: 127 });
    expect(counter.drain()).toEqual(new Map([["anna", 1000]]));
    expect(counter.drain()).toEqual(new Map());
  });
});
