import { randomInt } from "node:crypto";
import {
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RtpHeader,
  RtpPacket,
  useAudioLevelIndication,
  type Extensions,
  type RTCRtpTransceiver,
} from "werift";
import { assignSlots, VOICE_SLOTS } from "../../shared/voice/slots";
import { iceServersFor, loopbackPairsOnly, type VoiceConfig } from "./config";
import type { EngineCallbacks, EngineStats, VoiceEngine } from "./engine";
import { SpeechCounter } from "./speech";

/** Opus at 48 kHz: 48 timestamp ticks per millisecond, 960 per 20 ms frame. */
const TICKS_PER_MS = 48;
const FRAME_TICKS = 960;

/**
 * DTX (`usedtx=1`) lets a silent microphone send one packet every 400 ms instead of fifty a second;
 * in-band FEC covers single lost packets. Browsers read these from our offer when they send.
 */
const OPUS = () =>
  new RTCRtpCodecParameters({
    mimeType: "audio/opus",
    clockRate: 48000,
    channels: 2,
    parameters: "minptime=10;useinbandfec=1;usedtx=1",
    rtcpFeedback: [{ type: "transport-cc" }],
  });

const AUDIO_LEVEL_URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
type AudioLevel = { v: boolean; level: number };

/** One receive slot on a listener's connection and the rewriting that keeps its stream continuous. */
interface Slot {
  transceiver: RTCRtpTransceiver;
  speaker: string;
  /** The stream last forwarded here (speaker id and connection generation). */
  source: string;
  seq: number;
  tsOffset: number;
  lastTs: number;
  lastAt: number;
  started: boolean;
}

interface Peer {
  id: string;
  generation: number;
  pc: RTCPeerConnection;
  mic: RTCRtpTransceiver;
  slots: Slot[];
  connected: boolean;
}

/**
 * The embedded selective forwarding unit: one WebRTC connection per person (werift, pure TypeScript).
 * Each connection receives that person's microphone once and carries VOICE_SLOTS receive slots; the
 * engine copies a speaker's packets into the slots of exactly the listeners it was told about
 * (setHearing), rewriting sequence numbers and timestamps so each slot is one continuous stream.
 */
export class WeriftVoiceEngine implements VoiceEngine {
  private readonly peers = new Map<string, Peer>();
  private readonly generations = new Map<string, number>();
  /** Wanted slot contents per listener, kept even while their connection is (re)starting. */
  private readonly hearing = new Map<string, string[]>();
  /** speaker id → listener id → slot index: the forwarding table, read for every packet. */
  private readonly targets = new Map<string, Map<string, number>>();
  private counters = { received: 0, forwarded: 0 };
  /** Speech per microphone from voice activity, drained by speech() (./speech.ts). */
  private readonly speechCounter = new SpeechCounter();
  private closed = false;

  constructor(
    private readonly config: VoiceConfig,
    private readonly callbacks: EngineCallbacks,
    private readonly now: () => number = Date.now,
  ) {}

  async join(id: string): Promise<void> {
    if (this.closed) return;
    this.closePeer(id);
    const generation = (this.generations.get(id) ?? 0) + 1;
    this.generations.set(id, generation);
    const iceServers = iceServersFor(this.config, id, this.now());
    const pc = new RTCPeerConnection({
      codecs: { audio: [OPUS()] },
      // RFC 6464 audio levels: the browser marks each packet's level and voice activity, so speaking
      // time is counted without decoding (or keeping) a single sample.
      headerExtensions: { audio: [useAudioLevelIndication()] },
      // werift's default is a public STUN server; nothing may leave the host unless configured.
      iceServers: iceServers.map((s) => ({ ...s })),
      iceAdditionalHostAddresses: this.config.extraHostAddresses,
      ...(this.config.portRange ? { icePortRange: this.config.portRange } : {}),
      iceUseIpv6: false,
      ...(this.config.loopbackOnly ? { iceFilterCandidatePair: loopbackPairsOnly } : {}),
      bundlePolicy: "max-bundle",
    });
    const mic = pc.addTransceiver("audio", { direction: "recvonly" });
    const slots: Slot[] = Array.from({ length: VOICE_SLOTS }, () => ({
      transceiver: pc.addTransceiver("audio", { direction: "sendonly" }),
      speaker: "",
      source: "",
      seq: randomInt(0, 0xffff),
      tsOffset: 0,
      lastTs: 0,
      lastAt: 0,
      started: false,
    }));
    const peer: Peer = { id, generation, pc, mic, slots, connected: false };
    this.peers.set(id, peer);

    mic.onTrack.subscribe((track) => {
      track.onReceiveRtp.subscribe((rtp, extensions) => {
        if (this.peers.get(id) === peer) this.countSpeech(id, rtp, extensions);
        this.forward(peer, rtp);
      });
    });
    pc.connectionStateChange.subscribe((state) => {
      if (this.peers.get(id) !== peer) return;
      const connected = state === "connected";
      if (connected === peer.connected) return;
      peer.connected = connected;
      this.callbacks.connection(id, connected);
    });

    await pc.setLocalDescription(await pc.createOffer());
    if (this.peers.get(id) !== peer) return;
    const sdp = pc.localDescription?.sdp ?? "";
    this.callbacks.signal(id, {
      type: "offer",
      generation,
      sdp,
      micMid: mic.mid ?? "",
      slotMids: slots.map((s) => s.transceiver.mid ?? ""),
      iceServers,
    });
    // Slots start empty on a new connection; whatever the listener may hear is placed afresh.
    this.placeSlots(id);
  }

  async answer(id: string, generation: number, sdp: string): Promise<void> {
    const peer = this.peers.get(id);
    if (!peer || peer.generation !== generation || peer.pc.signalingState !== "have-local-offer") return;
    await peer.pc.setRemoteDescription({ type: "answer", sdp });
  }

  leave(id: string): void {
    this.closePeer(id);
    this.generations.delete(id);
    this.setHearing(id, []);
    this.hearing.delete(id);
    this.targets.delete(id);
  }

  setHearing(listener: string, speakers: readonly string[]): void {
    const previous = this.hearing.get(listener) ?? [];
    const slots = assignSlots(previous, speakers);
    if (slots.length === previous.length && slots.every((s, i) => s === previous[i])) return;
    this.hearing.set(listener, slots);
    this.placeSlots(listener);
  }

  /** Nothing to do here: the hearing plan already routes the broadcaster to every listener. */
  setBroadcaster(_id: string): void {}

  async stats(): Promise<EngineStats> {
    return { peers: this.peers.size, ...this.counters };
  }

  /** Milliseconds of speech per person since the last call (then forgotten here). */
  async speech(): Promise<Map<string, number>> {
    return this.speechCounter.drain();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const id of [...this.peers.keys()]) this.closePeer(id);
    this.targets.clear();
    this.hearing.clear();
  }

  /** Rewrites the forwarding table for one listener from its wanted slots, and tells them who is where. */
  private placeSlots(listener: string): void {
    const wanted = this.hearing.get(listener) ?? [];
    for (const table of this.targets.values()) table.delete(listener);
    const peer = this.peers.get(listener);
    if (!peer) return;
    peer.slots.forEach((slot, index) => {
      slot.speaker = wanted[index] ?? "";
      if (slot.speaker === "") return;
      let table = this.targets.get(slot.speaker);
      if (!table) this.targets.set(slot.speaker, (table = new Map()));
      table.set(listener, index);
    });
    this.callbacks.signal(listener, {
      type: "slots",
      generation: peer.generation,
      speakers: peer.slots.map((s) => s.speaker),
    });
  }

  private countSpeech(id: string, rtp: RtpPacket, extensions: Extensions | undefined): void {
    this.speechCounter.packet(id, rtp.payload.length, extensions?.[AUDIO_LEVEL_URI] as AudioLevel | undefined);
  }

  private forward(speaker: Peer, rtp: RtpPacket): void {
    if (this.peers.get(speaker.id) !== speaker) return;
    this.counters.received++;
    const table = this.targets.get(speaker.id);
    if (!table || table.size === 0) return;
    const source = `${speaker.id}#${speaker.generation}`;
    const now = this.now();
    for (const [listenerId, index] of table) {
      const listener = this.peers.get(listenerId);
      const slot = listener?.slots[index];
      if (!listener?.connected || !slot) continue;
      let marker = rtp.header.marker;
      if (slot.source !== source) {
        // A new voice in this slot: continue the slot's timeline as if the gap had been silence.
        const gap = slot.started ? Math.max(FRAME_TICKS, Math.round((now - slot.lastAt) * TICKS_PER_MS)) : 0;
        slot.tsOffset = (slot.lastTs + gap - rtp.header.timestamp) >>> 0;
        slot.source = source;
        marker = true;
      }
      slot.seq = (slot.seq + 1) & 0xffff;
      const timestamp = (rtp.header.timestamp + slot.tsOffset) >>> 0;
      slot.lastTs = timestamp;
      slot.lastAt = now;
      slot.started = true;
      const header = new RtpHeader({
        payloadType: rtp.header.payloadType,
        sequenceNumber: slot.seq,
        timestamp,
        marker,
        ssrc: 0,
      });
      this.counters.forwarded++;
      slot.transceiver.sender.sendRtp(new RtpPacket(header, rtp.payload)).catch(() => undefined);
    }
  }

  private closePeer(id: string): void {
    const peer = this.peers.get(id);
    if (!peer) return;
    this.peers.delete(id);
    if (peer.connected) this.callbacks.connection(id, false);
    void peer.pc.close().catch(() => undefined);
  }
}
