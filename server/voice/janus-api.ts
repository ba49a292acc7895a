import { randomUUID } from "node:crypto";
import WebSocket from "ws";

/** What Janus sends: replies (matched by transaction) and events about a handle. */
export interface JanusMessage {
  janus: string;
  transaction?: string;
  session_id?: number;
  sender?: number;
  data?: { id?: number };
  error?: { code: number; reason: string };
  plugindata?: { plugin: string; data: Record<string, unknown> };
  jsep?: { type: "offer" | "answer"; sdp: string };
  reason?: string;
}

export class JanusError extends Error {}

/** Janus drops a session that sends nothing for `session_timeout` (60 s by default). */
const KEEPALIVE_MS = 20_000;
/** A request Janus does not answer in this time is given up (the gateway is gone or stuck). */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * A small client for Janus's WebSocket API: one session, plugin handles on it, requests matched to
 * their replies by transaction, and every other message (webrtcup, hangup, unsolicited plugin events
 * with a new offer) handed to the handle's listener. Nothing here knows about voice.
 */
export class JanusSession {
  private readonly waiting = new Map<
    string,
    { resolve(message: JanusMessage): void; reject(error: Error): void; async: boolean; timer: NodeJS.Timeout }
  >();
  private readonly listeners = new Map<number, (message: JanusMessage) => void>();
  private keepalive: NodeJS.Timeout | null = null;
  private id = 0;
  private closed = false;
  /** Called once when the session ends on its own (Janus stopped or the connection broke). */
  onLost: (() => void) | null = null;

  get isClosed(): boolean {
    return this.closed;
  }

  /** The session's id in Janus, which its Admin API asks for with a handle's. */
  get sessionId(): number {
    return this.id;
  }

  private constructor(private readonly socket: WebSocket) {
    socket.on("message", (raw) => this.receive(JSON.parse(String(raw)) as JanusMessage));
    socket.on("close", () => this.fail(new JanusError("the connection to Janus closed")));
    socket.on("error", (error) => this.fail(error));
  }

  static async open(url: string): Promise<JanusSession> {
    const socket = new WebSocket(url, "janus-protocol");
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    const session = new JanusSession(socket);
    const created = await session.send({ janus: "create" }, false);
    session.id = created.data?.id ?? 0;
    session.keepalive = setInterval(
      () => void session.send({ janus: "keepalive" }, false).catch(() => undefined),
      KEEPALIVE_MS,
    );
    session.keepalive.unref();
    return session;
  }

  /** A new handle on a plugin; `listen` gets the handle's events that answer no request of ours. */
  async attach(plugin: string, listen: (message: JanusMessage) => void): Promise<number> {
    const reply = await this.send({ janus: "attach", plugin }, false);
    const handle = reply.data?.id ?? 0;
    this.listeners.set(handle, listen);
    return handle;
  }

  async detach(handle: number): Promise<void> {
    this.listeners.delete(handle);
    if (this.closed) return;
    await this.send({ janus: "detach", handle_id: handle }, false).catch(() => undefined);
  }

  /**
   * A plugin request. Synchronous ones (create, exists) come back at once; asynchronous ones (join,
   * configure, update, start) are acknowledged and answered by an event: `async` waits for that.
   */
  async message(
    handle: number,
    body: Record<string, unknown>,
    jsep?: { type: "offer" | "answer"; sdp: string },
  ): Promise<JanusMessage> {
    const reply = await this.send({ janus: "message", handle_id: handle, body, ...(jsep ? { jsep } : {}) }, true);
    const data = reply.plugindata?.data;
    if (data && typeof data.error === "string") throw new JanusError(`${String(body.request)}: ${data.error}`);
    return reply;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.onLost = null;
    await this.send({ janus: "destroy" }, false).catch(() => undefined);
    this.fail(new JanusError("closed"));
    this.socket.close();
  }

  private send(request: Record<string, unknown>, async: boolean): Promise<JanusMessage> {
    if (this.closed) return Promise.reject(new JanusError("the Janus session is closed"));
    const transaction = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(transaction);
        reject(new JanusError(`Janus did not answer ${String(request.janus)}`));
      }, REQUEST_TIMEOUT_MS);
      this.waiting.set(transaction, { resolve, reject, async, timer });
      this.socket.send(JSON.stringify({ ...request, transaction, ...(this.id ? { session_id: this.id } : {}) }));
    });
  }

  private receive(message: JanusMessage): void {
    const pending = message.transaction ? this.waiting.get(message.transaction) : undefined;
    if (pending) {
      // An asynchronous request is first acknowledged; its answer is the event that follows.
      if (message.janus === "ack" && pending.async) return;
      this.waiting.delete(message.transaction!);
      clearTimeout(pending.timer);
      if (message.janus === "error") pending.reject(new JanusError(message.error?.reason ?? "Janus error"));
      else pending.resolve(message);
      return;
    }
    if (message.sender !== undefined) this.listeners.get(message.sender)?.(message);
  }

  private fail(error: Error): void {
    if (this.closed) return;
    this.closed = true;
    this.onLost?.();
    if (this.keepalive) clearInterval(this.keepalive);
    for (const pending of this.waiting.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.waiting.clear();
  }
}

/** RTP packets one handle's peer connection has received and sent, as Janus counts them. */
export interface HandlePackets {
  in: number;
  out: number;
}

/**
 * A small client for Janus's Admin API over WebSocket (the `admin` server of its WebSocket
 * transport): requests carry the admin secret and are matched to their replies by transaction.
 * Only what voice statistics read is here: a handle's RTP packet counts from `handle_info`.
 */
export class JanusAdmin {
  private readonly waiting = new Map<
    string,
    { resolve(message: Record<string, unknown>): void; reject(error: Error): void; timer: NodeJS.Timeout }
  >();
  private closed = false;

  get isClosed(): boolean {
    return this.closed;
  }

  private constructor(
    private readonly socket: WebSocket,
    private readonly secret: string | undefined,
  ) {
    socket.on("message", (raw) => this.receive(JSON.parse(String(raw)) as Record<string, unknown>));
    socket.on("close", () => this.fail(new JanusError("the connection to Janus's Admin API closed")));
    socket.on("error", (error) => this.fail(error));
  }

  /** `secret`: Janus's `admin_secret`, which every request must carry when Janus has one. */
  static async open(url: string, secret?: string): Promise<JanusAdmin> {
    const socket = new WebSocket(url, "janus-admin-protocol");
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    return new JanusAdmin(socket, secret);
  }

  /**
   * RTP packets in and out of one handle since its peer connection began, over all its audio and
   * video m-lines (Janus counts RTP only there: DTLS, data channels and RTCP apart). Janus 1.1 lists
   * them in `handle_info` as `info.webrtc.media[mid].stats.in.packets` and `…out.packets`. A handle
   * without a peer connection yet has none: zero.
   */
  async handlePackets(session: number, handle: number): Promise<HandlePackets> {
    const reply = await this.send({ janus: "handle_info", session_id: session, handle_id: handle });
    const media = (reply.info as { webrtc?: { media?: Record<string, MediumSummary> } } | undefined)?.webrtc?.media;
    const counts = { in: 0, out: 0 };
    for (const medium of Object.values(media ?? {})) {
      if (medium.type !== "audio" && medium.type !== "video") continue;
      counts.in += Number(medium.stats?.in?.packets ?? 0);
      counts.out += Number(medium.stats?.out?.packets ?? 0);
    }
    return counts;
  }

  close(): void {
    this.fail(new JanusError("closed"));
    this.socket.close();
  }

  private send(request: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (this.closed) return Promise.reject(new JanusError("the Janus Admin API connection is closed"));
    const transaction = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(transaction);
        reject(new JanusError(`Janus's Admin API did not answer ${String(request.janus)}`));
      }, REQUEST_TIMEOUT_MS);
      this.waiting.set(transaction, { resolve, reject, timer });
      this.socket.send(
        JSON.stringify({ ...request, transaction, ...(this.secret ? { admin_secret: this.secret } : {}) }),
      );
    });
  }

  private receive(message: Record<string, unknown>): void {
    const transaction = typeof message.transaction === "string" ? message.transaction : "";
    const pending = this.waiting.get(transaction);
    if (!pending) return;
    this.waiting.delete(transaction);
    clearTimeout(pending.timer);
    const error = message.error as { reason?: string } | undefined;
    if (message.janus === "error") pending.reject(new JanusError(error?.reason ?? "Janus Admin API error"));
    else pending.resolve(message);
  }

  private fail(error: Error): void {
    if (this.closed) return;
    this.closed = true;
    for (const pending of this.waiting.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.waiting.clear();
  }
}

/** The part of Janus's per-m-line summary in `handle_info` that the packet counts come from. */
interface MediumSummary {
  type?: string;
  stats?: { in?: { packets?: number }; out?: { packets?: number } };
}
