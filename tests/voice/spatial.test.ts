import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { HEARING } from "../../shared/voice/routing";
import { FADE_START_M, cutoffGain, inverseFalloff, voiceMode } from "../../client/voice/spatial";
import { iceServersFor, voiceConfigFromEnv } from "../../server/voice/config";

describe("how a voice is placed", () => {
  it("plays zone-mates at conversation volume and fades plenary voices with distance", () => {
    expect(voiceMode("nw", "nw", "a", "")).toBe("zone");
    expect(voiceMode("", "", "a", "")).toBe("plenary");
    expect(voiceMode("nw", "", "host", "host")).toBe("broadcast");
    // Anywhere inside a zone (diameter under 8 m), a member is as loud as one next to you.
    expect(inverseFalloff("zone", 0.5)).toBe(1);
    expect(inverseFalloff("zone", 7.6)).toBe(1);
    // In the plenary: half as loud at 3 m, a quarter at 6 m.
    expect(inverseFalloff("plenary", 1)).toBe(1);
    expect(inverseFalloff("plenary", 3)).toBeCloseTo(0.5);
    expect(inverseFalloff("plenary", 6)).toBeCloseTo(0.25);
  });

  it("fades a plenary voice to nothing at the cut-off, where the server stops sending it", () => {
    expect(cutoffGain("plenary", FADE_START_M)).toBe(1);
    expect(cutoffGain("plenary", (FADE_START_M + HEARING.rangeM) / 2)).toBeCloseTo(0.5);
    expect(cutoffGain("plenary", HEARING.rangeM)).toBe(0);
    expect(cutoffGain("plenary", HEARING.rangeM + 0.5)).toBe(0);
    expect(cutoffGain("broadcast", 30)).toBe(1);
  });
});

describe("voice settings from the environment", () => {
  it("is on by default, loopback-friendly, and sends browsers no STUN or TURN server unless configured", () => {
    const config = voiceConfigFromEnv({});
    expect(config.enabled).toBe(true);
    expect(config.extraHostAddresses).toEqual(["127.0.0.1"]);
    expect(iceServersFor(config, "abc", 0)).toEqual([]);
    expect(voiceConfigFromEnv({ VOICE: "off" }).enabled).toBe(false);
  });

  it("picks the engine: the worker by default, inline, or a Janus gateway at JANUS_URL", () => {
    expect(voiceConfigFromEnv({}).engine).toBe("worker");
    expect(voiceConfigFromEnv({}).janusUrl).toBeUndefined();
    expect(voiceConfigFromEnv({ VOICE_ENGINE: "inline" }).engine).toBe("inline");
    expect(voiceConfigFromEnv({ VOICE_ENGINE: "janus" })).toMatchObject({
      engine: "janus",
      janusUrl: "ws://127.0.0.1:8188",
    });
    expect(voiceConfigFromEnv({ VOICE_ENGINE: "janus", JANUS_URL: "ws://sfu.internal:8188" }).janusUrl).toBe(
      "ws://sfu.internal:8188",
    );
    expect(voiceConfigFromEnv({ VOICE_ENGINE: "livekit" }).engine).toBe("worker");
  });

  it("reads Janus's Admin API for packet counts only where it is given (Janus has it off by default)", () => {
    expect(voiceConfigFromEnv({ VOICE_ENGINE: "janus" }).janusAdminUrl).toBeUndefined();
    expect(
      voiceConfigFromEnv({
        VOICE_ENGINE: "janus",
        JANUS_ADMIN_URL: "ws://127.0.0.1:7188",
        JANUS_ADMIN_SECRET: "s3cret",
      }),
    ).toMatchObject({ janusAdminUrl: "ws://127.0.0.1:7188", janusAdminSecret: "s3cret" });
    expect(voiceConfigFromEnv({ JANUS_ADMIN_URL: "ws://127.0.0.1:7188" }).janusAdminUrl).toBeUndefined();
  });

  it("reads ports, announced addresses and TURN, and makes coturn's short-lived credentials", () => {
    const config = voiceConfigFromEnv({
      VOICE_PORT_RANGE: "40000-40199",
      VOICE_ANNOUNCED_IPS: "203.0.113.7",
      VOICE_TURN_URLS: "turn:turn.example.fi:3478?transport=udp, turns:turn.example.fi:5349",
      VOICE_TURN_SECRET: "s3cret",
    });
    expect(config.portRange).toEqual([40000, 40199]);
    expect(config.extraHostAddresses).toEqual(["127.0.0.1", "203.0.113.7"]);
    const [server] = iceServersFor(config, "person1", 1_700_000_000_000);
    expect(server!.urls).toEqual(["turn:turn.example.fi:3478?transport=udp", "turns:turn.example.fi:5349"]);
    expect(server!.username).toBe(`${1_700_000_000 + 24 * 3600}:person1`);
    expect(server!.credential).toBe(createHmac("sha1", "s3cret").update(server!.username!).digest("base64"));
  });
});
