import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { Client } from "@colyseus/sdk";
import { startApp, type RunningApp } from "../../server/app";
import { SqliteSessionStore } from "../../server/storage/sqlite-store";
import { PROTOCOL_VERSION, SESSION_ROOM, type CreateSessionResponse, type MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import type { SessionState } from "../../shared/session/state";
import { freePort, nextMessage, waitForState, type SdkSessionRoom } from "./server";
import { startChildServer, type ChildServer } from "./child-server";
import { joinAt } from "./boards";
import { keepPoses } from "./poses";

/**
 * What the methods' room tests share: a server of the test file's own on a SQLite file that outlives
 * it, so a test can close it and start it again on the same port (a restart must lose nothing of a
 * running method), and people who join it with stable keys, so the restarted server knows them again.
 */

/** Someone joining: a stable person key, and the facilitator link's secret for a facilitator. */
export interface Joiner {
  name: string;
  personKey: string;
  facilitatorSecret?: string;
}

export interface Entered {
  room: SdkSessionRoom;
  /** The first methods.state the person was told. */
  state: MethodsState;
}

/** Starts the test file's server on `port`; every start opens the same SQLite file again. */
export function restartableServer(
  name: string,
  options: { now?: () => number } = {},
): (port: number) => Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), `yhteistila-${name}-`));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  return (port) =>
    startApp({
      port,
      host: "127.0.0.1",
      store: new SqliteSessionStore(join(dataDir, `${name}.db`)),
      clientDir: join(dataDir, "no-client"),
      ...(options.now ? { now: options.now } : {}),
    });
}

/**
 * Sends, listening first so the answer cannot slip past, and resolves with the first methods.state
 * `room` is told that passes `test`.
 */
export function toldAfter(
  room: SdkSessionRoom,
  send: () => void,
  test: (s: MethodsState) => boolean,
  timeoutMs = 5000,
): Promise<MethodsState> {
  const told = nextMessage<MethodsState>(room, "methods.state", timeoutMs, test);
  send();
  return told;
}

/** fetch, once more if the first try picked a pooled connection to a process that has since stopped. */
export async function fetchAfterRestart(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

/** Joins and resolves with the room and the first methods.state it is told (a view asks when it mounts). */
export async function enter(port: number, code: string, joiner: Joiner): Promise<Entered> {
  const joinOptions = { protocol: PROTOCOL_VERSION, code, color: 0, locale: "en", ...joiner };
  const attempt = () => new Client(`ws://127.0.0.1:${port}`).joinOrCreate<SessionState>(SESSION_ROOM, joinOptions);
  let room: SdkSessionRoom;
  try {
    room = await attempt();
  } catch {
    // After a restart, Node's fetch may first pick a pooled connection to the old process; once more.
    room = await attempt();
  }
  keepPoses(room);
  await waitForState(room, (s) => s.people?.has(room.sessionId) === true);
  const first = nextMessage<MethodsState>(room, "methods.state");
  sendCommand(room, "methods.sync", {});
  return { room, state: await first };
}

/** Resolves with the first methods.state this client is told that satisfies `test`. */
export function toldWhere(
  room: SdkSessionRoom,
  test: (state: MethodsState) => boolean,
  timeoutMs = 3000,
): Promise<MethodsState> {
  return nextMessage<MethodsState>(room, "methods.state", timeoutMs, test);
}

/** The people of a methods test: a facilitator and named guests, keyed by `keyPrefix` so each test's are its own. */
export interface MethodsCast {
  session: CreateSessionResponse;
  facilitator: Joiner;
  guestsAs: Joiner[];
  host: Entered;
  guests: Entered[];
}

/** Creates a session over HTTP, then the facilitator and the guests join it (guests at once, as a room fills). */
export async function methodsSession(
  port: number,
  title: string,
  names: readonly string[],
  keyPrefix: string,
): Promise<MethodsCast> {
  const response = await fetch(`http://127.0.0.1:${port}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ title }),
  });
  const session = (await response.json()) as CreateSessionResponse;
  const facilitator = {
    name: "Host",
    personKey: `${keyPrefix}-host-0123456789abcdef`,
    facilitatorSecret: session.facilitatorSecret,
  };
  const guestsAs = names.map((name, i) => ({ name, personKey: `${keyPrefix}-guest-${i}-0123456789abcdef` }));
  const host = await enter(port, session.code, facilitator);
  const guests = await Promise.all(guestsAs.map((joiner) => enter(port, session.code, joiner)));
  return { session, facilitator, guestsAs, host, guests };
}

/** Everyone joins again after a restart, the facilitator first. */
export async function enterAgain(port: number, cast: MethodsCast): Promise<{ host: Entered; guests: Entered[] }> {
  const host = await enter(port, cast.session.code, cast.facilitator);
  const guests = await Promise.all(cast.guestsAs.map((joiner) => enter(port, cast.session.code, joiner)));
  return { host, guests };
}

/** The facilitator (a plain client) moves the plan on to `step` and resolves once the server has told it so. */
export async function stepTo(host: SdkSessionRoom, step: number): Promise<MethodsState> {
  const told = nextMessage<MethodsState>(host, "methods.state", 10_000, (s) => s.step === step);
  sendCommand(host, "methods.step.next", { from: step - 1 });
  return told;
}

/**
 * A session on a server of its own process that a test kills with SIGKILL, like a power cut, and
 * starts again on the same data folder: a facilitator (Host) and two participants (Anna, Ben), each
 * with a stable person key so the new process knows them again. The process and the folder go with
 * the test file.
 */
export function killableMethodsSession(name: string) {
  const dataDir = mkdtempSync(join(tmpdir(), `yhteistila-${name}-`));
  let child: ChildServer | undefined;
  let port = 0;
  afterAll(async () => {
    await child?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const key = (who: string) => `${name}-${who.toLowerCase()}-key-0001`;
  const server = () => {
    if (!child) throw new Error("the session's server has not started");
    return child;
  };
  return {
    baseUrl: () => server().baseUrl,
    async start(title: string) {
      port = await freePort();
      child = await startChildServer({ port, dataDir, env: {} });
      const response = await fetch(`${child.baseUrl}/api/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title }),
      });
      const session = (await response.json()) as CreateSessionResponse;
      const facilitator = { name: "Host", facilitatorSecret: session.facilitatorSecret, personKey: key("host") };
      const host = await joinAt(child.baseUrl, session.code, facilitator);
      const anna = await joinAt(child.baseUrl, session.code, { name: "Anna", personKey: key("anna") });
      const ben = await joinAt(child.baseUrl, session.code, { name: "Ben", personKey: key("ben") });
      for (const room of [host, anna, ben]) room.onMessage("methods.state", () => {});
      return { session, facilitator, host, anna, ben };
    },
    /** SIGKILL, a new process on the same data, and Ben and Host back in; `state` is what Ben is told first. */
    async cut(session: CreateSessionResponse) {
      await server().kill();
      child = await startChildServer({ port, dataDir, env: {} });
      const ben = await joinAt(child.baseUrl, session.code, { name: "Ben", personKey: key("ben") });
      const host = await joinAt(child.baseUrl, session.code, {
        name: "Host",
        facilitatorSecret: session.facilitatorSecret,
        personKey: key("host"),
      });
      host.onMessage("methods.state", () => {});
      const state = await toldAfter(
        ben,
        () => sendCommand(ben, "methods.sync", {}),
        () => true,
      );
      return { ben, host, state };
    },
  };
}
