import { randomInt } from "node:crypto";
import { assignSlots } from "../../shared/voice/slots";
import { iceServersFor, type VoiceConfig } from "./config";
import type { EngineCallbacks, EngineStats, VoiceEngine } from "./engine";
import { JanusAdmin, JanusSession, type HandlePackets, type JanusMessage } from "./janus-api";
import { PACKET_MS, SPEECH_LEVEL_DBOV } from "./speech";

const VIDEOROOM = "janus.plugin.videoroom";
/** A browser that does not answer a renegotiation in this time is skipped, so the queue moves on. */
const ANSWER_TIMEOUT_MS = 15_000;
/**
 * Janus tells who is talking from the RFC 6464 levels it receives: talking once the average level of
 * this many packets (half a second) is louder than SPEECH_LEVEL_DBOV, the embedded engine's threshold.
 */
const TALKING_PACKETS = 25;

/**
 * Said once per process, not per session room: a Janus without its Admin API is a valid setup, only
 * without packet counts.
 */
let toldNoAdmin = false;

/** RTP packets counted on one handle: from the microphone (publisher) or to the listener (subscriber). */
interface HandleCounts {
  received: number;
  forwarded: number;
}

/** One person's listening connection: a VideoRoom subscriber handle, multistream, one m-line per heard voice. */
interface Subscriber {
  handle: number;
  /** Whether the browser has had an offer for this subscriber (later ones renegotiate). */
  offered: boolean;
  awaiting: { revision: number; resolve(sdp: string | null): void } | null;
  /** Publisher feed → the m-line it arrives on, as Janus last listed the subscription. */
  mids: Map<number, string>;
}

interface Person {
  id: string;
  generation: number;
  /** The publisher handle, carrying the microphone (the browser offers it). */
  handle: number;
  feed: number;
  offered: boolean;
  connected: boolean;
  sub: Subscriber | null;
  /** Subscribers being detached: Janus may forward on them until it confirms. */
  dropping: Set<Subscriber>;
  /** Offers sent for listening connections, numbered across them, so a late answer is never taken for a new one's. */
  revision: number;
  /** Subscription changes for this listener, one at a time (each may wait for the browser's answer). */
  chain: Promise<void>;
}

function streamsOf(message: JanusMessage): { mid: string; feed?: number; active: boolean; type: string }[] {
  const streams = message.plugindata?.data.streams;
  if (!Array.isArray(streams)) return [];
  return streams.map((s: Record<string, unknown>) => ({
    mid: String(s.mid ?? ""),
    ...(s.feed_id !== undefined ? { feed: Number(s.feed_id) } : {}),
    active: s.active !== false,
    type: String(s.type ?? ""),
  }));
}

/**
 * Voice through a Janus gateway (VideoRoom plugin, audio only) instead of the embedded forwarder.
 * Everyone publishes their microphone into the session's Janus room on a connection of its own (the
 * browser offers it); what they hear arrives on a second connection, a multistream subscriber whose
 * subscriptions are exactly the speakers setHearing names. Janus forwards a stream only to handles
 * subscribed to it, and only this server can subscribe (browsers never speak Janus's API), so a
 * person outside a zone receives none of its packets. Subscription changes renegotiate the listening
 * connection: Janus offers, the server relays the offer (`revision`), the browser answers.
 */
export class JanusVoiceEngine implements VoiceEngine {
  private readonly people = new Map<string, Person>();
  private readonly generations = new Map<string, number>();
  private readonly hearing = new Map<string, string[]>();
  private readonly room = randomInt(1, 2 ** 47);
  private session: Promise<JanusSession> | null = null;
  private closed = false;
  /** Feeds Janus says are talking now, since when (ms); and speech per person not yet drained. */
  private readonly talking = new Map<number, number>();
  private spoken = new Map<string, number>();
  /** Packets per live handle as Janus last counted them, and what closed handles had counted by then. */
  private readonly counted = new Map<number, HandleCounts>();
  private readonly retired: HandleCounts = { received: 0, forwarded: 0 };
  private admin: Promise<JanusAdmin> | null = null;
  /** Whether the last reading failed as a whole (said once until one works again). */
  private adminFailing = false;
  /** Whether Janus's failing to gather candidates was said (once per session room). */
  private toldGathering = false;

  constructor(
    private readonly config: VoiceConfig,
    private readonly callbacks: EngineCallbacks,
    private readonly now: () => number = Date.now,
  ) {}

  /** The Janus room this engine's session uses (for tests and diagnostics). */
  get janusRoom(): number {
    return this.room;
  }

  async join(id: string): Promise<void> {
    if (this.closed) return;
    this.closePerson(id);
    const generation = (this.generations.get(id) ?? 0) + 1;
    this.generations.set(id, generation);
    const session = await this.ready();
    const person: Person = {
      id,
      generation,
      handle: 0,
      feed: randomInt(1, 2 ** 47),
      offered: false,
      connected: false,
      sub: null,
      dropping: new Set(),
      revision: 0,
      chain: Promise.resolve(),
    };
    this.people.set(id, person);
    person.handle = await session.attach(VIDEOROOM, (message) => this.onPublisherEvent(person, message));
    if (this.people.get(id) !== person) return void session.detach(person.handle);
    await session.message(person.handle, { request: "join", ptype: "publisher", room: this.room, id: person.feed });
    if (this.people.get(id) !== person) return;
    this.callbacks.signal(id, {
      type: "microphone",
      generation,
      iceServers: iceServersFor(this.config, id, this.now()),
    });
  }

  async micOffer(id: string, generation: number, sdp: string): Promise<void> {
    const person = this.people.get(id);
    if (!person || person.generation !== generation || person.offered) return;
    person.offered = true;
    const session = await this.ready();
    const reply = await session.message(
      person.handle,
      { request: "configure", audio: true, video: false, data: false },
      { type: "offer", sdp },
    );
    if (this.people.get(id) !== person || !reply.jsep) return;
    this.callbacks.signal(id, { type: "micAnswer", generation, sdp: reply.jsep.sdp });
  }

  async answer(id: string, generation: number, sdp: string, revision?: number): Promise<void> {
    const person = this.people.get(id);
    const awaiting = person?.sub?.awaiting;
    if (!person || person.generation !== generation || !awaiting || awaiting.revision !== revision) return;
    awaiting.resolve(sdp);
  }

  leave(id: string): void {
    this.closePerson(id);
    this.generations.delete(id);
    this.hearing.delete(id);
  }

  setHearing(listener: string, speakers: readonly string[]): void {
    const previous = this.hearing.get(listener) ?? [];
    const slots = assignSlots(previous, speakers);
    if (slots.length === previous.length && slots.every((s, i) => s === previous[i])) return;
    this.hearing.set(listener, slots);
    this.cutOff(listener);
    this.sync(listener);
  }

  /** One room for the whole session: the broadcaster is subscribed to by every listener like anyone heard. */
  setBroadcaster(_id: string): void {}

  /**
   * Milliseconds of speech per person since the previous call, from Janus's talking events (its
   * VideoRoom measures the levels the browsers mark on their packets; this process sees no audio).
   * Someone still talking is counted up to now, in whole packets.
   */
  async speech(): Promise<Map<string, number>> {
    const now = this.now();
    for (const [feed, since] of this.talking) {
      this.addSpeech(feed, now - since);
      this.talking.set(feed, now);
    }
    const spoken = this.spoken;
    this.spoken = new Map();
    for (const [id, ms] of spoken) spoken.set(id, Math.round(ms / PACKET_MS) * PACKET_MS);
    return spoken;
  }

  private addSpeech(feed: number, ms: number): void {
    const person = [...this.people.values()].find((p) => p.feed === feed);
    if (person && ms > 0) this.spoken.set(person.id, (this.spoken.get(person.id) ?? 0) + ms);
  }

  /**
   * Packets received from microphones and sent to listeners since the engine started, as the
   * embedded engine counts them; here Janus counts them (this process forwards nothing), read per
   * handle from its Admin API: `received` from the publishers' handles, `forwarded` from the
   * subscribers'. A handle closed since the last reading keeps what it had counted then, so the
   * totals never go back; the packets of its last moments are not counted.
   */
  async stats(): Promise<EngineStats> {
    const peers = this.people.size;
    if (!this.config.janusAdminUrl) {
      if (!toldNoAdmin) {
        toldNoAdmin = true;
        console.warn("voice (Janus): JANUS_ADMIN_URL is not set, so voice statistics count no packets");
      }
      return { peers, received: 0, forwarded: 0 };
    }
    const session = await this.session?.catch(() => null);
    const handles = this.liveHandles();
    if (session && !session.isClosed && handles.size > 0) {
      const readings: PromiseSettledResult<HandlePackets>[] = await this.adminApi().then(
        (admin) =>
          Promise.allSettled([...handles.keys()].map((handle) => admin.handlePackets(session.sessionId, handle))),
        (error: unknown) => [{ status: "rejected", reason: error }],
      );
      const still = this.liveHandles();
      [...handles].forEach(([handle, role], i) => {
        const reading = readings[i];
        // A handle closed while Janus answered was retired already: counting it again would add it twice.
        if (reading?.status !== "fulfilled" || still.get(handle) !== role) return;
        const last = this.counted.get(handle) ?? { received: 0, forwarded: 0 };
        this.counted.set(handle, {
          received: role === "publisher" ? Math.max(last.received, reading.value.in) : 0,
          forwarded: role === "subscriber" ? Math.max(last.forwarded, reading.value.out) : 0,
        });
      });
      // One handle may be gone before Janus is asked about it; all of them failing is worth saying.
      const failed = readings.every((r) => r.status === "rejected");
      if (failed && !this.adminFailing) {
        const reason = readings.find((r) => r.status === "rejected")?.reason;
        console.error(
          "voice (Janus): could not read packet counts from the Admin API:",
          reason instanceof Error ? reason.message : reason,
        );
      }
      this.adminFailing = failed;
    }
    this.retire(this.liveHandles());
    let { received, forwarded } = this.retired;
    for (const counts of this.counted.values()) {
      received += counts.received;
      forwarded += counts.forwarded;
    }
    return { peers, received, forwarded };
  }

  /** Every handle that carries media now: publishers (microphones) and subscribers, those being dropped too. */
  private liveHandles(): Map<number, "publisher" | "subscriber"> {
    const handles = new Map<number, "publisher" | "subscriber">();
    for (const person of this.people.values()) {
      if (person.handle) handles.set(person.handle, "publisher");
      for (const sub of [person.sub, ...person.dropping]) if (sub) handles.set(sub.handle, "subscriber");
    }
    return handles;
  }

  /** Moves the last counts of handles closed since into the totals they keep adding to. */
  private retire(live: Map<number, unknown>): void {
    for (const [handle, counts] of this.counted) {
      if (live.has(handle)) continue;
      this.retired.received += counts.received;
      this.retired.forwarded += counts.forwarded;
      this.counted.delete(handle);
    }
  }

  /** The Admin API connection, opened on the first reading and again after it broke (once for readings at once). */
  private adminApi(): Promise<JanusAdmin> {
    const previous = this.admin?.catch(() => null) ?? Promise.resolve(null);
    this.admin = previous.then((current) =>
      current && !current.isClosed
        ? current
        : JanusAdmin.open(this.config.janusAdminUrl!, this.config.janusAdminSecret),
    );
    return this.admin;
  }

  /**
   * Whom Janus may be forwarding to a listener right now, by person id (tests and diagnostics): their
   * subscriptions, and those of a listening connection being dropped until Janus confirms it is gone.
   */
  subscriptions(listener: string): string[] {
    const person = this.people.get(listener);
    if (!person) return [];
    const byFeed = new Map([...this.people.values()].map((p) => [p.feed, p.id]));
    const feeds = new Set<number>();
    for (const sub of [person.sub, ...person.dropping]) for (const feed of sub?.mids.keys() ?? []) feeds.add(feed);
    return [...feeds].map((feed) => byFeed.get(feed) ?? `feed:${feed}`).sort();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const id of [...this.people.keys()]) this.closePerson(id);
    void this.admin?.then((admin) => admin.close()).catch(() => undefined);
    const session = await this.session?.catch(() => null);
    if (!session) return;
    await session
      .attach(VIDEOROOM, () => undefined)
      .then((handle) => session.message(handle, { request: "destroy", room: this.room }))
      .catch(() => undefined);
    await session.close();
  }

  private ready(): Promise<JanusSession> {
    if (!this.config.janusUrl) return Promise.reject(new Error("VOICE_ENGINE=janus needs JANUS_URL"));
    this.session ??= (async () => {
      const session = await JanusSession.open(this.config.janusUrl!);
      // Janus restarted or the connection broke: every handle is gone with it. Everyone's connection
      // is lost (their browsers reconnect), and the next join opens a new session and room.
      session.onLost = () => {
        this.session = null;
        for (const id of [...this.people.keys()]) this.closePerson(id);
      };
      const handle = await session.attach(VIDEOROOM, () => undefined);
      await session.message(handle, {
        request: "create",
        room: this.room,
        is_private: true,
        publishers: 1000,
        audiocodec: "opus",
        notify_joining: false,
        // Talking events for speaking time (see speech()).
        audiolevel_ext: true,
        audiolevel_event: true,
        audio_active_packets: TALKING_PACKETS,
        audio_level_average: SPEECH_LEVEL_DBOV,
      });
      await session.detach(handle);
      return session;
    })();
    // A failed start is retried on the next join rather than remembered.
    this.session.catch(() => (this.session = null));
    return this.session;
  }

  private onPublisherEvent(person: Person, message: JanusMessage): void {
    if (this.people.get(person.id) !== person) return;
    if (message.janus === "hangup") this.hungUp(message.reason);
    // Every publisher is told when anyone in the room starts or stops talking: the map keeps it once.
    const data = message.plugindata?.data;
    if (data?.videoroom === "talking" || data?.videoroom === "stopped-talking") {
      const feed = Number(data.id);
      const since = this.talking.get(feed);
      if (data.videoroom === "talking" && since === undefined) this.talking.set(feed, this.now());
      if (data.videoroom === "stopped-talking" && since !== undefined) {
        this.talking.delete(feed);
        this.addSpeech(feed, this.now() - since);
      }
      return;
    }
    if (message.janus === "webrtcup" && !person.connected) {
      person.connected = true;
      this.callbacks.connection(person.id, true);
      this.sync(person.id);
    } else if (message.janus === "hangup" && person.connected) {
      person.connected = false;
      this.callbacks.connection(person.id, false);
    }
  }

  private onSubscriberEvent(person: Person, message: JanusMessage): void {
    const sub = person.sub;
    if (this.people.get(person.id) !== person || !sub || message.sender !== sub.handle) return;
    // Janus renegotiates on its own when a publisher it forwards to this listener leaves.
    if (message.jsep?.type === "offer") {
      person.chain = person.chain.then(() => this.negotiate(person, sub, message)).catch(() => undefined);
    } else if (message.janus === "hangup") {
      this.hungUp(message.reason);
      this.dropSubscriber(person, sub);
      this.sync(person.id);
    }
  }

  /**
   * A listener who must stop hearing someone while their browser still owes an answer (changes wait
   * for it, in order) loses the whole listening connection at once rather than after the answer: the
   * browser decides when it answers, never how long it keeps hearing. The next change builds a new one.
   */
  private cutOff(listener: string): void {
    const person = this.people.get(listener);
    const sub = person?.sub;
    if (!person || !sub?.awaiting) return;
    const allowed = new Set(
      (this.hearing.get(listener) ?? []).map((id) => (id === "" ? undefined : this.people.get(id)?.feed)),
    );
    if ([...sub.mids.keys()].every((feed) => allowed.has(feed))) return;
    this.dropSubscriber(person, sub);
  }

  /**
   * Janus hangs up a connection it could not gather candidates for, and never answers the request
   * that asked for it (join, configure): its only trace here would be "did not answer" 10 s later.
   * The usual cause is a configuration one, so it is said plainly, once.
   */
  private hungUp(reason: string | undefined): void {
    if (reason !== "Gathering error" || this.toldGathering) return;
    this.toldGathering = true;
    console.error(
      'voice (Janus): Janus could not gather candidates for a connection ("Gathering error"), so someone hears ' +
        "nobody or is not heard: are the ports of janus.jcfg's rtp_port_range used up (each connection takes one, " +
        "each person has two), or is ice_enforce_list's interface gone?",
    );
  }

  private dropSubscriber(person: Person, sub: Subscriber): void {
    if (person.sub === sub) person.sub = null;
    sub.awaiting?.resolve(null);
    sub.awaiting = null;
    person.dropping.add(sub);
    void this.session
      ?.then((session) => session.detach(sub.handle))
      .catch(() => undefined)
      .finally(() => person.dropping.delete(sub));
  }

  private sync(listener: string): void {
    const person = this.people.get(listener);
    if (!person?.connected) return;
    person.chain = person.chain
      .then(() => this.reconcile(person))
      .catch((error: unknown) => {
        console.error("voice (Janus): could not change subscriptions:", error instanceof Error ? error.message : error);
      });
  }

  /** Brings the listener's Janus subscription to what they may hear now, and tells them who is where. */
  private async reconcile(person: Person): Promise<void> {
    if (this.people.get(person.id) !== person) return;
    const session = await this.ready();
    const wanted = new Set<number>();
    for (const speaker of this.hearing.get(person.id) ?? []) {
      const other = speaker === "" ? undefined : this.people.get(speaker);
      if (other?.connected) wanted.add(other.feed);
    }
    let sub = person.sub;
    if (!sub) {
      // Nobody to hear and no listening connection (it may just have been cut off): the browser must
      // still be told its slots are empty, or it goes on showing whom it heard last.
      if (wanted.size === 0) return this.signalEmptySlots(person);
      const handle = await session.attach(VIDEOROOM, (message) => this.onSubscriberEvent(person, message));
      sub = { handle, offered: false, awaiting: null, mids: new Map() };
      person.sub = sub;
      const reply = await session.message(handle, {
        request: "join",
        ptype: "subscriber",
        room: this.room,
        streams: [...wanted].map((feed) => ({ feed })),
      });
      await this.negotiate(person, sub, reply);
      return;
    }
    const subscribe = [...wanted].filter((feed) => !sub.mids.has(feed));
    const unsubscribe = [...sub.mids.keys()].filter((feed) => !wanted.has(feed));
    if (subscribe.length === 0 && unsubscribe.length === 0) return this.signalSlots(person, sub);
    const reply = await session.message(sub.handle, {
      request: "update",
      ...(subscribe.length ? { subscribe: subscribe.map((feed) => ({ feed })) } : {}),
      ...(unsubscribe.length ? { unsubscribe: unsubscribe.map((feed) => ({ feed })) } : {}),
    });
    await this.negotiate(person, sub, reply);
  }

  /** Takes Janus's list of streams from a reply or event, relays its offer if any, and starts on the answer. */
  private async negotiate(person: Person, sub: Subscriber, message: JanusMessage): Promise<void> {
    const streams = streamsOf(message);
    if (streams.length > 0 || message.plugindata?.data.videoroom === "updated") {
      sub.mids = new Map(
        streams
          .filter((s) => s.active && s.type === "audio" && s.feed !== undefined)
          .map((s) => [s.feed!, s.mid] as [number, string]),
      );
    }
    if (message.jsep?.type !== "offer") return this.signalSlots(person, sub);
    const revision = ++person.revision;
    const renegotiate = sub.offered;
    sub.offered = true;
    const answer = new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), ANSWER_TIMEOUT_MS);
      sub.awaiting = {
        revision,
        resolve: (sdp) => {
          clearTimeout(timer);
          resolve(sdp);
        },
      };
    });
    const { slotMids, speakers } = this.layout(person, sub);
    this.callbacks.signal(person.id, {
      type: "offer",
      generation: person.generation,
      sdp: message.jsep.sdp,
      micMid: "",
      slotMids,
      iceServers: iceServersFor(this.config, person.id, this.now()),
      revision,
      renegotiate,
    });
    this.callbacks.signal(person.id, { type: "slots", generation: person.generation, speakers });
    const sdp = await answer;
    sub.awaiting = null;
    if (this.people.get(person.id) !== person || person.sub !== sub) return;
    if (sdp === null) {
      // No answer: Janus would wait for it forever. Start over with a new listening connection.
      this.dropSubscriber(person, sub);
      this.sync(person.id);
      return;
    }
    const session = await this.ready();
    await session.message(sub.handle, { request: "start" }, { type: "answer", sdp });
  }

  /** The listener's slots in the order setHearing placed them, with the m-line each voice arrives on. */
  private layout(person: Person, sub: Subscriber): { slotMids: string[]; speakers: string[] } {
    const slots = this.hearing.get(person.id) ?? [];
    const slotMids: string[] = [];
    const speakers: string[] = [];
    for (const speaker of slots) {
      const feed = speaker === "" ? undefined : this.people.get(speaker)?.feed;
      const mid = feed === undefined ? undefined : sub.mids.get(feed);
      slotMids.push(mid ?? "");
      speakers.push(mid === undefined ? "" : speaker);
    }
    return { slotMids, speakers };
  }

  private signalSlots(person: Person, sub: Subscriber): void {
    this.callbacks.signal(person.id, {
      type: "slots",
      generation: person.generation,
      speakers: this.layout(person, sub).speakers,
    });
  }

  private signalEmptySlots(person: Person): void {
    const speakers = (this.hearing.get(person.id) ?? []).map(() => "");
    this.callbacks.signal(person.id, { type: "slots", generation: person.generation, speakers });
  }

  private closePerson(id: string): void {
    const person = this.people.get(id);
    if (!person) return;
    this.talking.delete(person.feed);
    this.people.delete(id);
    if (person.connected) this.callbacks.connection(id, false);
    person.sub?.awaiting?.resolve(null);
    const handles = [person.handle, person.sub?.handle].filter((h): h is number => !!h);
    void this.session
      ?.then(async (session) => {
        for (const handle of handles) await session.detach(handle);
      })
      .catch(() => undefined);
  }
}
