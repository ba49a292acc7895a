import { createHmac } from "node:crypto";
import type { IceServer } from "../../shared/protocol";

/** How voice reaches browsers: from the environment (see the README's settings table). */
export interface VoiceConfig {
  enabled: boolean;
  /**
   * Where the embedded engine runs: `worker` (default), a thread of its own so media and the room
   * never wait for each other; `inline`, on the room's event loop (VOICE_ENGINE=inline); `janus`, no
   * embedded engine: a Janus gateway's VideoRoom plugin forwards the media (VOICE_ENGINE=janus).
   */
  engine?: "worker" | "inline" | "janus";
  /** Janus's WebSocket API (JANUS_URL=ws://127.0.0.1:8188), for VOICE_ENGINE=janus. */
  janusUrl?: string;
  /**
   * Janus's Admin API over WebSocket (JANUS_ADMIN_URL=ws://127.0.0.1:7188) and its `admin_secret`
   * (JANUS_ADMIN_SECRET): where the Janus engine's statistics read packet counts. Without it they count none.
   */
  janusAdminUrl?: string;
  janusAdminSecret?: string;
  /**
   * Addresses offered to browsers besides the machine's own interfaces: loopback (one machine, tests)
   * and, behind a NAT or in a container, the public address (VOICE_ANNOUNCED_IPS).
   */
  extraHostAddresses: string[];
  /** UDP ports the embedded engine may use (VOICE_PORT_RANGE=40000-40199), for a firewall rule. */
  portRange?: [number, number];
  /** STUN/TURN servers for browsers and for the server (VOICE_TURN_URLS). */
  turnUrls: string[];
  /** coturn's `static-auth-secret`: the server hands out short-lived credentials (TURN REST API). */
  turnSecret?: string;
  /** Or fixed credentials (coturn `user=name:password`). */
  turnUsername?: string;
  turnCredential?: string;
  /** Connect only over 127.0.0.1 (VOICE_LOOPBACK_ONLY=1): tests and benchmarks send nothing elsewhere. */
  loopbackOnly?: boolean;
}

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function voiceConfigFromEnv(env: NodeJS.ProcessEnv = process.env): VoiceConfig {
  const range = /^(\d+)-(\d+)$/.exec(env.VOICE_PORT_RANGE ?? "");
  return {
    enabled: env.VOICE !== "off",
    engine: env.VOICE_ENGINE === "inline" || env.VOICE_ENGINE === "janus" ? env.VOICE_ENGINE : "worker",
    ...(env.VOICE_ENGINE === "janus" ? { janusUrl: env.JANUS_URL ?? "ws://127.0.0.1:8188" } : {}),
    ...(env.VOICE_ENGINE === "janus" && env.JANUS_ADMIN_URL ? { janusAdminUrl: env.JANUS_ADMIN_URL } : {}),
    ...(env.VOICE_ENGINE === "janus" && env.JANUS_ADMIN_SECRET ? { janusAdminSecret: env.JANUS_ADMIN_SECRET } : {}),
    extraHostAddresses: ["127.0.0.1", ...list(env.VOICE_ANNOUNCED_IPS)],
    ...(range ? { portRange: [Number(range[1]), Number(range[2])] as [number, number] } : {}),
    turnUrls: list(env.VOICE_TURN_URLS),
    ...(env.VOICE_TURN_SECRET ? { turnSecret: env.VOICE_TURN_SECRET } : {}),
    ...(env.VOICE_TURN_USERNAME ? { turnUsername: env.VOICE_TURN_USERNAME } : {}),
    ...(env.VOICE_TURN_CREDENTIAL ? { turnCredential: env.VOICE_TURN_CREDENTIAL } : {}),
    ...(env.VOICE_LOOPBACK_ONLY === "1" ? { loopbackOnly: true } : {}),
  };
}

export const DEFAULT_VOICE_CONFIG: VoiceConfig = { enabled: true, extraHostAddresses: ["127.0.0.1"], turnUrls: [] };

/** Credentials valid for a day (RFC 8489 long-term credentials as coturn's REST API expects them). */
const TURN_CREDENTIAL_SECONDS = 24 * 3600;

/** The ICE servers one person gets: with a shared secret, a username that expires and its HMAC. */
export function iceServersFor(config: VoiceConfig, personId: string, nowMs: number): IceServer[] {
  if (config.turnUrls.length === 0) return [];
  if (config.turnSecret) {
    const username = `${Math.floor(nowMs / 1000) + TURN_CREDENTIAL_SECONDS}:${personId}`;
    const credential = createHmac("sha1", config.turnSecret).update(username).digest("base64");
    return [{ urls: config.turnUrls, username, credential }];
  }
  return [
    {
      urls: config.turnUrls,
      ...(config.turnUsername ? { username: config.turnUsername } : {}),
      ...(config.turnCredential ? { credential: config.turnCredential } : {}),
    },
  ];
}

/** werift's candidate-pair filter that keeps every connectivity check on the loopback interface. */
export function loopbackPairsOnly(pair: {
  protocol: { localCandidate?: { host: string } };
  remoteCandidate: { host: string };
}): boolean {
  return pair.protocol.localCandidate?.host === "127.0.0.1" && pair.remoteCandidate.host === "127.0.0.1";
}
