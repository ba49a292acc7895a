import { describe, expect, it } from "vitest";
import { micOpen } from "../../client/voice/voice-store";

describe("when the microphone is sent", () => {
  it("follows mute, and with push-to-talk opens only while the key is held", () => {
    const on = { mic: "on", pushToTalk: false, talkHeld: false } as const;
    expect(micOpen({ ...on, muted: false })).toBe(true);
    expect(micOpen({ ...on, muted: true })).toBe(false);
    const ptt = { mic: "on", pushToTalk: true, muted: true } as const;
    expect(micOpen({ ...ptt, talkHeld: false })).toBe(false);
    expect(micOpen({ ...ptt, talkHeld: true })).toBe(true);
    // Holding the key does nothing when push-to-talk is off: a muted person stays muted.
    expect(micOpen({ ...on, muted: true, talkHeld: true })).toBe(false);
  });

  it("is never sent without a working microphone, whatever the buttons say", () => {
    for (const mic of ["unasked", "asking", "denied", "none", "error", "listenOnly"] as const) {
      expect(micOpen({ mic, muted: false, pushToTalk: true, talkHeld: true })).toBe(false);
    }
  });
});
