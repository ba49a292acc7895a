import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ColyseusTestServer } from "@colyseus/testing";
import { Client, type Room } from "@colyseus/sdk";
import { startApp, type RunningApp } from "../../server/app";
import { SqliteSessionStore } from "../../server/storage/sqlite-store";
import { DEFAULT_VOICE_CONFIG, type VoiceConfig } from "../../server/voice/config";
import { PROTOCOL_VERSION, SESSION_ROOM, type CreateSessionResponse, type JoinOptions } from "../../shared/protocol";
import type { SessionState } from "../../shared/session/state";
import { waitForState } from "./wait-for-state";
import { keepPoses } from "./poses";

export { waitForState };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's first type parameter is the server room class, which tests do not import
export type AnyRoom = Room<any, any>;
/** A session room as the SDK sees it, with our decoded state. */
export type SdkSessionRoom = Room<AnyRoom, SessionState>;

/** A free TCP port on loopback (the Colyseus test helpers need a real port number, not 0). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface TestServer {
  app: RunningApp;
  colyseus: ColyseusTestServer;
  baseUrl: string;
  dataDir: string;
  createSession(title?: string): Promise<CreateSessionResponse>;
  join(code: string, options?: Partial<JoinOptions>): Promise<SdkSessionRoom>;
  close(): Promise<void>;
}

/** Starts the real server (SQLite in a fresh temporary folder) on a free loopback port. */
export async function startTestServer(
  options: {
    reconnectSeconds?: number;
    clientDir?: string;
    maxPeople?: number;
    now?: () => number;
    /** Voice settings over the tests' own (e.g. VOICE_ENGINE=janus with a test's Janus). */
    voice?: Partial<VoiceConfig>;
  } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "yhteistila-test-"));
  const store = new SqliteSessionStore(join(dataDir, "test.db"));
  const port = await freePort();
  const app = await startApp({
    port,
    host: "127.0.0.1",
    store,
    clientDir: options.clientDir ?? join(dataDir, "no-client"),
    reconnectSeconds: options.reconnectSeconds ?? 30,
    maxPeople: options.maxPeople,
    // Voice connects over loopback only, so tests send nothing to this machine's network addresses.
    voice: { ...DEFAULT_VOICE_CONFIG, loopbackOnly: true, ...options.voice },
    ...(options.now ? { now: options.now } : {}),
  });
  const colyseus = new ColyseusTestServer(app.gameServer);
  const baseUrl = `http://127.0.0.1:${port}`;
  let counter = 0;
  return {
    app,
    colyseus,
    baseUrl,
    dataDir,
    async createSession(title = "Test workshop") {
      const response = await fetch(`${baseUrl}/api/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title }),
      });
      if (response.status !== 201) throw new Error(`create session: HTTP ${response.status}`);
      return (await response.json()) as CreateSessionResponse;
    },
    async join(code, joinOptions = {}) {
      const sdk = new Client(`ws://127.0.0.1:${port}`);
      const room: SdkSessionRoom = await sdk.joinOrCreate<SessionState>(SESSION_ROOM, {
        protocol: PROTOCOL_VERSION,
        code,
        name: `Person ${++counter}`,
        color: 0,
        locale: "en",
        ...joinOptions,
      });
      keepPoses(room);
      // Hand the room over only once the first full state has arrived.
      await waitForState(room, (state) => state.people?.has(room.sessionId) === true);
      return room;
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves with the next message of a type (that passes `test`, if given), or rejects after `timeoutMs`. */
export function nextMessage<T = unknown>(
  room: AnyRoom,
  type: string,
  timeoutMs = 3000,
  test: (message: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no "${type}" message in time`));
    }, timeoutMs);
    const off = room.onMessage(type, (message: T) => {
      if (!test(message)) return;
      clearTimeout(timer);
      off();
      resolve(message);
    });
  });
}

/** Resolves with the close code when the room's connection ends. */
export function leaveCode(room: AnyRoom, timeoutMs = 3000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("connection did not close in time")), timeoutMs);
    room.onLeave((code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
