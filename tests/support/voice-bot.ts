import {
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RtpHeader,
  RtpPacket,
  type MediaStreamTrack,
  type RTCRtpTransceiver,
} from "werift";
import type { ServerMessage } from "../../shared/protocol";
import { loopbackPairsOnly } from "../../server/voice/config";
import { sendCommand } from "../../shared/protocol/send";
import type { SdkSessionRoom } from "./server";

/**
 * A simulated person's voice: a werift peer that answers the server's offer like a browser does,
 * sends Opus-sized RTP packets at 50 a second when talking, and counts what each receive slot gets.
 * Each payload carries the bot's number and a counter, so a listener can tell exactly whose packets
 * reached it, and how many were lost, whatever slot they came through.
 */
export class VoiceBot {
  readonly received = new Map<number, number>();
  /** Per speaker number: packets this bot got from them. */
  readonly receivedFrom = new Map<number, number>();
  sent = 0;
  slots: string[] = [];
  private pc: RTCPeerConnection | null = null;
  /** Janus: the listening connection, renegotiated in order as the people heard change. */
  private listenPc: RTCPeerConnection | null = null;
  private listenChain: Promise<void> = Promise.resolve();
  private slotMids: string[] = [];
  private generation = 0;
  /** Janus: a browser that stops answering renegotiations (it must not keep hearing on that account). */
  withholdAnswers = false;
  private mic: RTCRtpTransceiver | null = null;
  private talkingSince: number | null = null;
  private framesSinceTalk = 0;
  /** One clock for every talking bot in the process (sixty 20 ms timers drift and drop ticks). */
  private static readonly talking = new Set<VoiceBot>();
  private static ticker: NodeJS.Timeout | null = null;
  private seq = Math.floor(Math.random() * 60000);
  private ts = Math.floor(Math.random() * 2 ** 31);
  private connectedResolve!: () => void;
  readonly connected: Promise<void> = new Promise((resolve) => (this.connectedResolve = resolve));

  constructor(
    readonly room: SdkSessionRoom,
    readonly number: number,
    /** Addresses the bot's connectivity checks may use: loopback, and in the Janus tests the namespace's own link. */
    private readonly hosts: readonly string[] = ["127.0.0.1"],
  ) {
    room.onMessage("voice.offer", (offer: ServerMessage<"voice.offer">) => {
      if (offer.revision === undefined) void this.answer(offer);
      // A bot closed mid-renegotiation has nothing left to answer with.
      else
        this.listenChain = this.listenChain
          .then(() => this.answerListening(offer, offer.revision!))
          .catch(() => undefined);
    });
    room.onMessage("voice.microphone", (message: ServerMessage<"voice.microphone">) => void this.offerMic(message));
    room.onMessage("voice.micAnswer", ({ generation, sdp }: ServerMessage<"voice.micAnswer">) => {
      if (generation === this.generation) void this.pc?.setRemoteDescription({ type: "answer", sdp });
    });
    room.onMessage("voice.slots", ({ speakers }: ServerMessage<"voice.slots">) => {
      this.slots = speakers;
    });
    // A bot follows nobody's corrections and ignores being muted: the server must enforce both.
    room.onMessage("movement.corrected", () => undefined);
    room.onMessage("voice.mutedByFacilitator", () => undefined);
  }

  /**
   * Asks for a voice connection and resolves once media flows both ways. A coach asks differently
   * (`coaching.listen`), so the request can be given.
   */
  async connect(timeoutMs = 15_000, request = () => sendCommand(this.room, "voice.connect", {})): Promise<void> {
    request();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.connected,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`bot ${this.number}: voice did not connect`)), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
  }

  private newConnection(): RTCPeerConnection {
    return new RTCPeerConnection({
      codecs: {
        audio: [
          new RTCRtpCodecParameters({ mimeType: "audio/opus", clockRate: 48000, channels: 2, parameters: "usedtx=1" }),
        ],
      },
      headerExtensions: { audio: [] },
      iceServers: [],
      iceAdditionalHostAddresses: ["127.0.0.1"],
      iceUseIpv6: false,
      // Connectivity checks stay on 127.0.0.1: nothing is sent to this machine's other addresses.
      iceFilterCandidatePair:
        this.hosts.length === 1 && this.hosts[0] === "127.0.0.1"
          ? loopbackPairsOnly
          : (pair) =>
              this.hosts.includes(pair.protocol.localCandidate?.host ?? "") &&
              this.hosts.includes(pair.remoteCandidate.host),
      bundlePolicy: "max-bundle",
    });
  }

  /** Counts what one receive transceiver gets, by the sender stamped in each payload. */
  private count(transceiver: RTCRtpTransceiver): void {
    const counted = new Set<MediaStreamTrack>();
    const countTrack = (track: MediaStreamTrack) => {
      if (counted.has(track)) return;
      counted.add(track);
      track.onReceiveRtp.subscribe((rtp) => {
        const slot = this.slotMids.indexOf(transceiver.mid ?? "");
        this.received.set(slot, (this.received.get(slot) ?? 0) + 1);
        if (rtp.payload.length >= 5) {
          const from = rtp.payload.readUInt16BE(1);
          this.receivedFrom.set(from, (this.receivedFrom.get(from) ?? 0) + 1);
        }
      });
    };
    countTrack(transceiver.receiver.track);
    // A renegotiation (Janus) may bring the same m-line a new stream, and werift a new track for it.
    transceiver.onTrack.subscribe((track) => countTrack(track));
  }

  /** Janus: the microphone on a connection of its own, which the bot offers like a browser. */
  private async offerMic({ generation }: ServerMessage<"voice.microphone">): Promise<void> {
    await this.pc?.close();
    await this.listenPc?.close();
    this.listenPc = null;
    this.generation = generation;
    const pc = this.newConnection();
    this.pc = pc;
    pc.connectionStateChange.subscribe((state) => {
      if (state === "connected") this.connectedResolve();
    });
    this.mic = pc.addTransceiver("audio", { direction: "sendonly" });
    await pc.setLocalDescription(await pc.createOffer());
    sendCommand(this.room, "voice.micOffer", { generation, sdp: pc.localDescription!.sdp });
  }

  /** Janus: the listening connection's offer, the first or a renegotiation. */
  private async answerListening(offer: ServerMessage<"voice.offer">, revision: number): Promise<void> {
    if (offer.generation !== this.generation || this.withholdAnswers) return;
    if (!offer.renegotiate) {
      await this.listenPc?.close();
      this.listenPc = null;
    }
    const pc = (this.listenPc ??= this.newConnection());
    const known = new Set(pc.getTransceivers());
    this.slotMids = offer.slotMids;
    // werift hands an inactive transceiver's place to the next new m-line, even when the same offer
    // reactivates it (Janus reuses an unsubscribed m-line): its mid would vanish. Keep them all.
    for (const transceiver of known) (transceiver as unknown as { usedForSender: boolean }).usedForSender = true;
    await pc.setRemoteDescription({ type: "offer", sdp: offer.sdp });
    for (const transceiver of pc.getTransceivers()) if (!known.has(transceiver)) this.count(transceiver);
    await pc.setLocalDescription(await pc.createAnswer());
    sendCommand(this.room, "voice.answer", { generation: offer.generation, sdp: pc.localDescription!.sdp, revision });
  }

  private async answer(offer: ServerMessage<"voice.offer">): Promise<void> {
    await this.pc?.close();
    const pc = this.newConnection();
    this.pc = pc;
    pc.connectionStateChange.subscribe((state) => {
      if (state === "connected") this.connectedResolve();
    });
    await pc.setRemoteDescription({ type: "offer", sdp: offer.sdp });
    for (const transceiver of pc.getTransceivers()) {
      if (transceiver.mid === offer.micMid) {
        transceiver.setDirection("sendonly");
        this.mic = transceiver;
        continue;
      }
      // The receive track exists once the offer is applied (its onTrack has already fired by then).
      this.slotMids = offer.slotMids;
      this.count(transceiver);
    }
    await pc.setLocalDescription(await pc.createAnswer());
    sendCommand(this.room, "voice.answer", { generation: offer.generation, sdp: pc.localDescription!.sdp });
  }

  /**
   * Starts talking: unmutes on the server and sends a packet every 20 ms. `unmute: false` only sends
   * (a coach has no `voice.status`; their push-to-talk is a message of its own).
   */
  talk(unmute = true): void {
    if (unmute) sendCommand(this.room, "voice.status", { muted: false, mic: true });
    if (this.talkingSince !== null) return;
    this.talkingSince = performance.now();
    this.framesSinceTalk = 0;
    VoiceBot.talking.add(this);
    VoiceBot.ticker ??= setInterval(() => {
      for (const bot of VoiceBot.talking) bot.pump();
    }, 10);
  }

  /**
   * Sends every frame that is due since talking began, like a microphone whose clock does not wait
   * for a busy event loop: a late timer sends two frames, never fewer in total.
   */
  private pump(): void {
    if (this.talkingSince === null) return;
    const due = Math.floor((performance.now() - this.talkingSince) / 20);
    // After a long stall, do not flood: drop what is more than 100 ms late, as a real sender would.
    if (due - this.framesSinceTalk > 5) this.framesSinceTalk = due - 5;
    while (this.framesSinceTalk < due) {
      this.framesSinceTalk++;
      this.sendFrame();
    }
  }

  /** True while this bot sends frames (between `talk()` and `quiet()` or `stopSending()`). */
  get talking(): boolean {
    return this.talkingSince !== null;
  }

  /** Stops sending, and tells the server the microphone is muted. */
  quiet(): void {
    sendCommand(this.room, "voice.status", { muted: true, mic: true });
    this.stopSending();
  }

  stopSending(): void {
    this.talkingSince = null;
    VoiceBot.talking.delete(this);
    if (VoiceBot.talking.size === 0 && VoiceBot.ticker) {
      clearInterval(VoiceBot.ticker);
      VoiceBot.ticker = null;
    }
  }

  /** Packets received from all speakers, or from one. */
  total(from?: number): number {
    if (from !== undefined) return this.receivedFrom.get(from) ?? 0;
    let sum = 0;
    for (const n of this.received.values()) sum += n;
    return sum;
  }

  resetCounts(): void {
    this.received.clear();
    this.receivedFrom.clear();
    this.sent = 0;
  }

  private sendFrame(): void {
    const sender = this.mic?.sender;
    if (!sender) return;
    // A 60-byte payload, about what Opus makes of 20 ms of speech at 24 kbit/s: a TOC byte, the bot's
    // number and a counter.
    const payload = Buffer.alloc(60);
    payload[0] = 0x78;
    payload.writeUInt16BE(this.number, 1);
    payload.writeUInt32BE(this.sent, 3);
    this.seq = (this.seq + 1) & 0xffff;
    this.ts = (this.ts + 960) >>> 0;
    const header = new RtpHeader({ payloadType: 111, sequenceNumber: this.seq, timestamp: this.ts, marker: false });
    this.sent++;
    sender.sendRtp(new RtpPacket(header, payload)).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.stopSending();
    await this.pc?.close();
    await this.listenPc?.close();
  }
}
