import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { freePort } from "./server";

/** Debian's janus package (1.1.x): its binary and where its plugins live. */
const JANUS = process.env.JANUS_PATH ?? "/usr/bin/janus";
const LIBS = "/usr/lib/x86_64-linux-gnu/janus";

/**
 * The interface Janus may use inside the media tests' network namespace. Janus never gathers
 * loopback candidates, so tests/voice/run-media.mjs gives the namespace a veth pair of its own.
 */
export const JANUS_LINK = process.env.YHTEISTILA_NETNS_LINK ?? "";
/** Its address: media between the bots and Janus stays on it and on loopback. */
export const JANUS_LINK_ADDRESS = "10.201.0.1";

/**
 * Whether the Janus variants can run: Janus installed (`.ci/run` installs it) and the namespace's
 * own link up; otherwise they are skipped.
 */
export const janusAvailable =
  JANUS_LINK !== "" && existsSync(JANUS) && spawnSync(JANUS, ["--help"], { stdio: "ignore" }).status === 0;

export interface RunningJanus {
  /** Its WebSocket API, for JANUS_URL. */
  url: string;
  /** Its Admin API (WebSocket, loopback only) and the secret it wants, for JANUS_ADMIN_URL and JANUS_ADMIN_SECRET. */
  adminUrl: string;
  adminSecret: string;
  /** Its process, to read its CPU time (the voice benchmark). */
  pid: number;
  close(): Promise<void>;
}

/** Every plugin and transport but the two voice needs, so nothing else listens or loads. */
const OTHER_PLUGINS = [
  "audiobridge",
  "duktape",
  "echotest",
  "lua",
  "nosip",
  "recordplay",
  "sip",
  "streaming",
  "textroom",
  "videocall",
  "voicemail",
];
/** UDP ports Janus may use for media, unless a test asks for fewer: each peer connection takes one (see startJanus). */
const RTP_PORTS = 1000;

const OTHER_TRANSPORTS = ["http", "mqtt", "nanomsg", "pfunix", "rabbitmq"];

/**
 * Starts a Janus gateway of its own for a test: a generated configuration in a temporary folder
 * (VideoRoom, the WebSocket API and the Admin API on free loopback ports, the latter behind a secret
 * of its own, ICE on the namespace's own link only, no other plugin),
 * and waits until its API accepts connections.
 */
export async function startJanus(options: { rtpPorts?: number } = {}): Promise<RunningJanus> {
  const dir = mkdtempSync(join(tmpdir(), "yhteistila-janus-"));
  const port = await freePort();
  let adminPort = await freePort();
  while (adminPort === port) adminPort = await freePort();
  const adminSecret = randomBytes(16).toString("hex");
  // Every peer connection takes one port of this range (bundled, rtcp-mux): two per person (the
  // microphone's and the listening one) and a third for a moment while a listening connection is
  // replaced. With 100 ports, bench:voice's 60 people left 20 listening connections without one
  // (Janus hung them up, "Gathering error") and those 20 heard nobody.
  const rtp = 20000 + Math.floor(Math.random() * 40) * RTP_PORTS;
  writeFileSync(
    join(dir, "janus.jcfg"),
    `general: {
  configs_folder = "${dir}"
  plugins_folder = "${LIBS}/plugins"
  transports_folder = "${LIBS}/transports"
  events_folder = "${LIBS}/events"
  loggers_folder = "${LIBS}/loggers"
  debug_level = 3
  session_timeout = 60
  admin_secret = "${adminSecret}"
}
media: { rtp_port_range = "${rtp}-${rtp + (options.rtpPorts ?? RTP_PORTS) - 1}" }
nat: { ice_enforce_list = "${JANUS_LINK}" }
plugins: { disable = "${OTHER_PLUGINS.map((p) => `libjanus_${p}.so`).join(",")}" }
transports: { disable = "${OTHER_TRANSPORTS.map((t) => `libjanus_${t}.so`).join(",")}" }
events: { broadcast = false }
loggers: { disable = "libjanus_jsonlog.so" }
`,
  );
  writeFileSync(join(dir, "janus.plugin.videoroom.jcfg"), "general: { }\n");
  writeFileSync(
    join(dir, "janus.transport.websockets.jcfg"),
    `general: { json = "compact" ws = true ws_port = ${port} ws_ip = "127.0.0.1" }\nadmin: { admin_ws = true admin_ws_port = ${adminPort} admin_ws_ip = "127.0.0.1" }\n`,
  );
  const child: ChildProcess = spawn(
    JANUS,
    ["-F", dir, "-C", join(dir, "janus.jcfg"), "-o", "-L", join(dir, "janus.log")],
    {
      stdio: "ignore",
    },
  );
  const url = `ws://127.0.0.1:${port}`;
  const adminUrl = `ws://127.0.0.1:${adminPort}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`janus exited (${child.exitCode}); see ${dir}/janus.log`);
    if ((await accepts(url, "janus-protocol")) && (await accepts(adminUrl, "janus-admin-protocol"))) break;
    if (attempt > 100) throw new Error("janus did not open its WebSocket APIs");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    adminUrl,
    adminSecret,
    pid: child.pid ?? 0,
    async close() {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function accepts(url: string, protocol: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, protocol);
    socket.once("open", () => {
      socket.close();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
