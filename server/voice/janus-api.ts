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
 * One WebSocket to Janus (its API or its Admin API): requests stamped with a transaction and what
 * every request of that connection carries (`stamp`), replies matched back to them, and anything
 * that answers no request handed to `unmatched`. When the connection ends, every waiting request
 * fails with the reason, and `onEnd` is told once.
 */
class JanusChannel {
  private readonly waiting = new Map<
    string,
    { resolve(message: JanusMessage): void; reject(error: Error): void; async: boolean; timer: NodeJS.Timeout }
  >();
  private ended = false;
  /** Added to every request: the session id, or the admin secret. */
  stamp: Record<string, unknown> = {};
  unmatched: (message: JanusMessage) => void = () => undefined;
  onEnd: (() => void) | null = null;

  private constructor(
    private readonly socket: WebSocket,
    /** Who is talking, for the errors: "Janus" or "Janus's Admin API". */
    private readonly peer: string,
  ) {
    socket.on("message", (raw) => this.receive(JSON.parse(String(raw)) as JanusMessage));
    socket.on("close", () => this.end(new JanusError(`the connection to ${peer} closed`)));
    socket.on("error", (error) => this.end(error));
  }

  static async open(url: string, protocol: string, peer: string): Promise<JanusChannel> {
    const socket = new WebSocket(url, protocol);
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    return new JanusChannel(socket, peer);
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /**
   * Sends a request and resolves with its reply. `async`: the request is first acknowledged and
   * answered by a later event (a plugin's join, configure, start...), which is what it waits for.
   */
  send(request: Record<string, unknown>, async = false): Promise<JanusMessage> {
    if (this.ended) return Promise.reject(new JanusError(`the connection to ${this.peer} is closed`));
    const transaction = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(transaction);
        reject(new JanusError(`${this.peer} did not answer ${String(request.janus)}`));
      }, REQUEST_TIMEOUT_MS);
      this.waiting.set(transaction, { resolve, reject, async, timer });
      this.socket.send(JSON.stringify({ ...request, transaction, ...this.stamp }));
    });
  }

  /** Ends the channel (rejecting what still waits with `reason`) and closes its socket. */
  close(reason: Error): void {
    this.end(reason);
    this.socket.close();
  }

  private receive(message: JanusMessage): void {
    const pending = message.transaction ? this.waiting.get(message.transaction) : undefined;
    if (!pending) return this.unmatched(message);
    if (message.janus === "ack" && pending.async) return;
    this.waiting.delete(message.transaction!);
    clearTimeout(pending.timer);
    if (message.janus === "error") pending.reject(new JanusError(message.error?.reason ?? `${this.peer} error`));
    else pending.resolve(message);
  }

  private end(error: Error): void {
    if (this.ended) return;
    this.ended = true;
    this.onEnd?.();
    for (const pending of this.waiting.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.waiting.clear();
  }
}

/**
 * A small client for Janus's WebSocket API: one session, plugin handles on it, requests matched to
 * their replies by transaction, and every other message (webrtcup, hangup, unsolicited plugin events
 * with a new offer) handed to the handle's listener. Nothing here knows about voice.
 */
export class JanusSession {
  private readonly listeners = new Map<number, (message: JanusMessage) => void>();
  private keepalive: NodeJS.Timeout | null = null;
  private id = 0;
  /** Called once when the session ends on its own (Janus stopped or the connection broke). */
  onLost: (() => void) | null = null;

  get isClosed(): boolean {
    return this.channel.isEnded;
  }

  /** The session's id in Janus, which its Admin API asks for with a handle's. */
  get sessionId(): number {
    return this.id;
  }

  private constructor(private readonly channel: JanusChannel) {
    channel.unmatched = (message) => {
      if (message.sender !== undefined) this.listeners.get(message.sender)?.(message);
    };
    channel.onEnd = () => {
      if (this.keepalive) clearInterval(this.keepalive);
      this.onLost?.();
    };
  }

  static async open(url: string): Promise<JanusSession> {
    const session = new JanusSession(await JanusChannel.open(url, "janus-protocol", "Janus"));
    const created = await session.channel.send({ janus: "create" });
    session.id = created.data?.id ?? 0;
    session.channel.stamp = { session_id: session.id };
    session.keepalive = setInterval(
      () => void session.channel.send({ janus: "keepalive" }).catch(() => undefined),
      KEEPALIVE_MS,
    );
    session.keepalive.unref();
    return session;
  }

  /** A new handle on a plugin; `listen` gets the handle's events that answer no request of ours. */
  async attach(plugin: string, listen: (message: JanusMessage) => void): Promise<number> {
    const reply = await this.channel.send({ janus: "attach", plugin });
    const handle = reply.data?.id ?? 0;
    this.listeners.set(handle, listen);
    return handle;
  }

  async detach(handle: number): Promise<void> {
    this.listeners.delete(handle);
    if (this.isClosed) return;
    await this.channel.send({ janus: "detach", handle_id: handle }).catch(() => undefined);
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
    const reply = await this.channel.send(
      { janus: "message", handle_id: handle, body, ...(jsep ? { jsep } : {}) },
      true,
    );
    const data = reply.plugindata?.data;
    if (data && typeof data.error === "string") throw new JanusError(`${String(body.request)}: ${data.error}`);
    return reply;
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.onLost = null;
    await this.channel.send({ janus: "destroy" }).catch(() => undefined);
    this.channel.close(new JanusError("closed"));
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
  get isClosed(): boolean {
    return this.channel.isEnded;
  }

  private constructor(private readonly channel: JanusChannel) {}

  /** `secret`: Janus's `admin_secret`, which every request must carry when Janus has one. */
  static async open(url: string, secret?: string): Promise<JanusAdmin> {
    const channel = await JanusChannel.open(url, "janus-admin-protocol", "Janus's Admin API");
    if (secret) channel.stamp = { admin_secret: secret };
    return new JanusAdmin(channel);
  }

  /**
   * RTP packets in and out of one handle since its peer connection began, over all its audio and
   * video m-lines (Janus counts RTP only there: DTLS, data channels and RTCP apart). Janus 1.1 lists
   * them in `handle_info` as `info.webrtc.media[mid].stats.in.packets` and `…out.packets`. A handle
   * without a peer connection yet has none: zero.
   */
  async handlePackets(session: number, handle: number): Promise<HandlePackets> {
    const reply = (await this.channel.send({ janus: "handle_info", session_id: session, handle_id: handle })) as {
      info?: { webrtc?: { media?: Record<string, MediumSummary> } };
    };
    const media = reply.info?.webrtc?.media;
    const counts = { in: 0, out: 0 };
    for (const medium of Object.values(media ?? {})) {
      if (medium.type !== "audio" && medium.type !== "video") continue;
      counts.in += Number(medium.stats?.in?.packets ?? 0);
      counts.out += Number(medium.stats?.out?.packets ?? 0);
    }
    return counts;
  }

  close(): void {
    this.channel.close(new JanusError("closed"));
  }
}

/** The part of Janus's per-m-line summary in `handle_info` that the packet counts come from. */
interface MediumSummary {
  type?: string;
  stats?: { in?: { packets?: number }; out?: { packets?: number } };
}
