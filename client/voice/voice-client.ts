import { Callbacks } from "@colyseus/sdk";
import type { ServerMessage } from "../../shared/protocol";
import type { VoicePersonState } from "../../shared/voice/state";
import type { SessionConnection } from "../session/connection";
import { showToast } from "../ui/toast-store";
import { AudioGraph, rmsDbfs } from "./audio-graph";
import { micOpen, useVoiceStore, type VoicePersonView } from "./voice-store";

/** Waits this long for the browser's ICE candidates before answering with what it has. */
const GATHER_TIMEOUT_MS = 2000;
/** An offer that does not come, or a connection that does not come up, is retried after this. */
const CONNECT_TIMEOUT_MS = 12_000;
/** A connection "disconnected" for this long is rebuilt rather than waited for. */
const DISCONNECTED_GRACE_MS = 4000;
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15_000];

function view(state: VoicePersonState): VoicePersonView {
  return { muted: state.muted, mic: state.mic, connected: state.connected };
}

/**
 * How a page asks for its voice connection and says whether its microphone is open. A person uses
 * the voice messages; a coach, who has no place in the room, their own (client/coaching/coach-voice.ts).
 */
export interface VoiceRequests {
  connect(): void;
  status(muted: boolean, mic: boolean): void;
}

/**
 * This browser's voice: one RTCPeerConnection to the server carrying the microphone up and the
 * voices this person may hear down, in fixed receive slots. With a Janus gateway instead of the
 * embedded engine the two directions are two connections: the microphone's, which this browser
 * offers (`voice.microphone`), and the listening one, which the server offers and renegotiates as
 * the people heard change (`voice.offer` with a `revision`). Spatial placement is done per frame by
 * VoiceScene through `graph`. Reconnects on its own when the connection fails.
 */
export class VoiceClient {
  readonly graph = new AudioGraph();
  /** Who plays in each receive slot ("" = idle), as the server last said. */
  slots: string[] = [];
  /** Size of the last answer sent, characters (it must fit a 16 KiB message). */
  answerSize = 0;
  micStream: MediaStream | null = null;
  private micAnalyser: AnalyserNode | null = null;
  private micSource: MediaStreamAudioSourceNode | null = null;
  private readonly micSamples = new Float32Array(1024);
  /** The connection whose state is voice's state (the only one, or the microphone's with Janus). */
  private pc: RTCPeerConnection | null = null;
  /** Where the voices arrive: `pc` itself, or Janus's listening connection once it exists. */
  private listenPc: RTCPeerConnection | null = null;
  /** Renegotiations of the listening connection, one at a time and in order. */
  private listenChain: Promise<void> = Promise.resolve();
  private readonly attached: (MediaStreamTrack | null)[] = [];
  private generation = 0;
  private micSender: RTCRtpSender | null = null;
  private lastStatus = "";
  private retries = 0;
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly disposers: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly connection: SessionConnection,
    private readonly requests: VoiceRequests = {
      connect: () => connection.send("voice.connect", {}),
      status: (muted, mic) => connection.send("voice.status", { muted, mic }),
    },
  ) {
    const { room } = connection;
    this.disposers.push(
      connection.on("voice.offer", (offer) => {
        if (offer.revision === undefined) void this.onOffer(offer);
        else this.listenChain = this.listenChain.then(() => this.onListenOffer(offer, offer.revision!));
      }),
      connection.on("voice.microphone", (message) => void this.onMicrophone(message)),
      connection.on("voice.micAnswer", ({ generation, sdp }) => {
        const pc = this.pc;
        if (generation !== this.generation || pc?.signalingState !== "have-local-offer") return;
        pc.setRemoteDescription({ type: "answer", sdp }).catch(() => this.fail());
      }),
      connection.on("voice.slots", (message) => this.onSlots(message)),
      connection.on("voice.unavailable", ({ reason }) => {
        useVoiceStore.setState({ status: reason === "disabled" ? "disabled" : "unavailable" });
        if (reason === "failed") this.scheduleRetry();
      }),
      connection.on("voice.mutedByFacilitator", () => {
        useVoiceStore.setState({ muted: true });
        this.applyMic();
        showToast({ key: "voice.mutedByFacilitator" });
      }),
    );
    this.mirrorRoomState();
    // After the room connection comes back, make sure voice did too.
    room.onReconnect(() => {
      if (this.pc?.connectionState !== "connected") this.restart();
    });
    this.watchAudioPolicy();
  }

  /** Asks the server for a voice connection. */
  start(): void {
    if (this.closed) return;
    const { status } = useVoiceStore.getState();
    if (status === "disabled") return;
    useVoiceStore.setState({ status: status === "connected" ? "connected" : "connecting" });
    this.requests.connect();
    this.later(CONNECT_TIMEOUT_MS, () => {
      if (this.pc?.connectionState !== "connected") this.fail();
    });
  }

  /** Uses this microphone from now on (null: listen only). */
  setMicrophone(stream: MediaStream | null): void {
    if (this.micStream && this.micStream !== stream) for (const track of this.micStream.getTracks()) track.stop();
    this.micStream = stream;
    this.micSource?.disconnect();
    this.micSource = null;
    this.micAnalyser = null;
    if (stream) {
      this.micSource = this.graph.context.createMediaStreamSource(stream);
      this.micAnalyser = this.graph.context.createAnalyser();
      this.micAnalyser.fftSize = 1024;
      this.micSource.connect(this.micAnalyser);
    }
    this.applyMic();
  }

  /** The microphone's level, dBFS, whether or not it is sent (for the meter and "you are muted"). */
  micLevel(): number {
    return this.micAnalyser ? rmsDbfs(this.micAnalyser, this.micSamples) : -Infinity;
  }

  /** Sends or stops the microphone to match the store, and tells the server. */
  applyMic(): void {
    const state = useVoiceStore.getState();
    const open = micOpen(state);
    const track = this.micStream?.getAudioTracks()[0] ?? null;
    // Muted means nothing is sent at all, not silence: the server would drop it anyway.
    if (this.micSender && this.micSender.track !== (open ? track : null)) {
      void this.micSender.replaceTrack(open ? track : null).catch(() => undefined);
    }
    const status = JSON.stringify({ muted: !open, mic: state.mic === "on" });
    if (status === this.lastStatus) return;
    this.lastStatus = status;
    this.requests.status(!open, state.mic === "on");
  }

  toggleMute(): void {
    const { muted } = useVoiceStore.getState();
    useVoiceStore.setState({ muted: !muted });
    this.applyMic();
  }

  setTalkHeld(held: boolean): void {
    if (useVoiceStore.getState().talkHeld === held) return;
    useVoiceStore.setState({ talkHeld: held });
    this.applyMic();
  }

  /** Receive statistics per slot, for diagnostics and the end-to-end tests. */
  async slotStats(): Promise<{ speaker: string; packets: number; bytes: number }[]> {
    const pc = this.listenPc;
    if (!pc) return this.slots.map((speaker) => ({ speaker, packets: 0, bytes: 0 }));
    const report = await pc.getStats();
    const byMid = new Map<string, { packets: number; bytes: number }>();
    report.forEach((entry: RTCStats & { mid?: string; packetsReceived?: number; bytesReceived?: number }) => {
      if (entry.type === "inbound-rtp" && entry.mid !== undefined) {
        byMid.set(entry.mid, { packets: entry.packetsReceived ?? 0, bytes: entry.bytesReceived ?? 0 });
      }
    });
    return this.slotMids.map((mid, i) => ({
      speaker: this.slots[i] ?? "",
      ...(byMid.get(mid) ?? { packets: 0, bytes: 0 }),
    }));
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    for (const dispose of this.disposers) dispose();
    this.closeConnections();
    for (const track of this.micStream?.getTracks() ?? []) track.stop();
    this.graph.close();
  }

  private slotMids: string[] = [];

  private async onOffer(offer: ServerMessage<"voice.offer">): Promise<void> {
    if (this.closed) return;
    this.closeConnections();
    this.generation = offer.generation;
    this.slotMids = offer.slotMids;
    this.slots = offer.slotMids.map(() => "");
    const pc = new RTCPeerConnection({ iceServers: offer.iceServers, bundlePolicy: "max-bundle" });
    this.pc = pc;
    this.listenPc = pc;
    pc.addEventListener("connectionstatechange", () => this.onConnectionState(pc));
    pc.addEventListener("track", (event) => {
      const index = this.slotMids.indexOf(event.transceiver.mid ?? "");
      if (index >= 0) this.graph.attach(index, event.track);
    });
    try {
      await pc.setRemoteDescription({ type: "offer", sdp: offer.sdp });
      for (const transceiver of pc.getTransceivers()) {
        if (transceiver.mid === offer.micMid) {
          transceiver.direction = "sendonly";
          this.micSender = transceiver.sender;
        } else {
          transceiver.direction = "recvonly";
        }
      }
      // The first answer carries a track so that the browser announces its sending stream; the
      // microphone is then opened or closed with replaceTrack, never renegotiated.
      const placeholder = this.placeholderTrack();
      await this.micSender?.replaceTrack(placeholder);
      await pc.setLocalDescription(await pc.createAnswer());
      await this.gathered(pc);
      if (this.pc !== pc) return;
      const sdp = pc.localDescription!.sdp;
      this.answerSize = sdp.length;
      this.connection.send("voice.answer", { generation: offer.generation, sdp });
      this.lastStatus = "";
      this.applyMic();
      if (placeholder && placeholder !== this.micStream?.getAudioTracks()[0]) placeholder.stop();
    } catch (error) {
      console.warn("voice: could not answer", error);
      this.fail();
    }
  }

  /** Janus: a connection of its own for the microphone, offered by this browser, answered by Janus. */
  private async onMicrophone({ generation, iceServers }: ServerMessage<"voice.microphone">): Promise<void> {
    if (this.closed) return;
    this.closeConnections();
    this.generation = generation;
    this.slotMids = [];
    this.slots = [];
    const pc = new RTCPeerConnection({ iceServers, bundlePolicy: "max-bundle" });
    this.pc = pc;
    pc.addEventListener("connectionstatechange", () => this.onConnectionState(pc));
    try {
      const placeholder = this.placeholderTrack();
      this.micSender = pc.addTransceiver("audio", { direction: "sendonly" }).sender;
      await this.micSender.replaceTrack(placeholder);
      await pc.setLocalDescription(await pc.createOffer());
      await this.gathered(pc);
      if (this.pc !== pc) return;
      const sdp = pc.localDescription!.sdp;
      this.answerSize = sdp.length;
      this.connection.send("voice.micOffer", { generation, sdp });
      this.lastStatus = "";
      this.applyMic();
      if (placeholder && placeholder !== this.micStream?.getAudioTracks()[0]) placeholder.stop();
    } catch (error) {
      console.warn("voice: could not offer the microphone", error);
      this.fail();
    }
  }

  /** Janus: the listening connection's offer, the first or a renegotiation as the people heard change. */
  private async onListenOffer(offer: ServerMessage<"voice.offer">, revision: number): Promise<void> {
    if (this.closed || offer.generation !== this.generation) return;
    let pc = this.listenPc;
    if (!offer.renegotiate || !pc || pc === this.pc) {
      if (pc && pc !== this.pc) pc.close();
      pc = new RTCPeerConnection({ iceServers: offer.iceServers, bundlePolicy: "max-bundle" });
      this.listenPc = pc;
      const created = pc;
      created.addEventListener("connectionstatechange", () => {
        if (this.listenPc === created && created.connectionState === "failed") this.fail();
      });
    }
    this.slotMids = offer.slotMids;
    try {
      // Transceivers made by a remote offer already receive only: nothing to set.
      await pc.setRemoteDescription({ type: "offer", sdp: offer.sdp });
      await pc.setLocalDescription(await pc.createAnswer());
      await this.gathered(pc);
      if (this.listenPc !== pc) return;
      this.connection.send("voice.answer", { generation: offer.generation, sdp: pc.localDescription!.sdp, revision });
      this.attachSlots(pc);
    } catch (error) {
      console.warn("voice: could not answer", error);
      this.fail();
    }
  }

  /** Janus: plays each slot's m-line in that slot (a renegotiation may move, add or end them). */
  private attachSlots(pc: RTCPeerConnection): void {
    const transceivers = pc.getTransceivers();
    const count = Math.max(this.slotMids.length, this.attached.length);
    for (let i = 0; i < count; i++) {
      const mid = this.slotMids[i] ?? "";
      const track = mid === "" ? null : (transceivers.find((t) => t.mid === mid)?.receiver.track ?? null);
      if ((this.attached[i] ?? null) === track) continue;
      this.attached[i] = track;
      if (track) this.graph.attach(i, track);
      else this.graph.detach(i);
    }
  }

  private closeConnections(): void {
    if (this.listenPc && this.listenPc !== this.pc) this.listenPc.close();
    this.pc?.close();
    this.pc = null;
    this.listenPc = null;
    for (let i = 0; i < this.attached.length; i++) if (this.attached[i]) this.graph.detach(i);
    this.attached.length = 0;
  }

  private placeholderTrack(): MediaStreamTrack | null {
    const live = this.micStream?.getAudioTracks()[0];
    if (live) return live;
    return this.graph.context.createMediaStreamDestination().stream.getAudioTracks()[0] ?? null;
  }

  private gathered(pc: RTCPeerConnection): Promise<void> {
    return new Promise((resolve) => {
      if (pc.iceGatheringState === "complete") return resolve();
      const done = () => {
        if (pc.iceGatheringState !== "complete") return;
        pc.removeEventListener("icegatheringstatechange", done);
        resolve();
      };
      pc.addEventListener("icegatheringstatechange", done);
      this.later(GATHER_TIMEOUT_MS, resolve);
    });
  }

  private onSlots({ generation, speakers }: ServerMessage<"voice.slots">): void {
    if (generation !== this.generation) return;
    this.slots = speakers;
  }

  private onConnectionState(pc: RTCPeerConnection): void {
    if (this.pc !== pc) return;
    const state = pc.connectionState;
    if (state === "connected") {
      const wasDown = useVoiceStore.getState().status === "unavailable";
      this.retries = 0;
      useVoiceStore.setState({ status: "connected" });
      if (wasDown) showToast({ key: "voice.status.restored" });
    } else if (state === "failed") {
      this.fail();
    } else if (state === "disconnected") {
      this.later(DISCONNECTED_GRACE_MS, () => {
        if (this.pc === pc && pc.connectionState !== "connected") this.fail();
      });
    }
  }

  private fail(): void {
    if (this.closed) return;
    useVoiceStore.setState({ status: "unavailable" });
    this.scheduleRetry();
  }

  private restart(): void {
    this.retries = 0;
    this.start();
  }

  private scheduleRetry(): void {
    const delay = RETRY_DELAYS_MS[Math.min(this.retries, RETRY_DELAYS_MS.length - 1)]!;
    this.retries++;
    this.later(delay, () => this.start());
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) run();
    }, ms);
    this.timers.add(timer);
  }

  private mirrorRoomState(): void {
    const { room } = this.connection;
    const $ = Callbacks.get(room);
    const setPerson = (id: string, state: VoicePersonState) =>
      useVoiceStore.setState((s) => ({ people: { ...s.people, [id]: view(state) } }));
    this.disposers.push(
      $.listen(
        "voice",
        (voice) => {
          if (!voice) return;
          $.listen(voice, "broadcaster", (broadcaster) => useVoiceStore.setState({ broadcaster }), true);
          $.onAdd(
            voice,
            "people",
            (state, id) => {
              setPerson(id, state);
              $.onChange(state, () => setPerson(id, state));
            },
            true,
          );
          $.onRemove(voice, "people", (_state, id) =>
            useVoiceStore.setState((s) => {
              const people = { ...s.people };
              delete people[id];
              return { people };
            }),
          );
        },
        true,
      ),
    );
  }

  /** Browsers may start audio suspended until the person interacts; say so and resume on the next click. */
  private watchAudioPolicy(): void {
    const { context } = this.graph;
    const update = () => useVoiceStore.setState({ audioBlocked: context.state === "suspended" });
    context.addEventListener("statechange", update);
    update();
    const resume = () => void this.graph.resume();
    addEventListener("pointerdown", resume);
    addEventListener("keydown", resume);
    this.disposers.push(() => {
      removeEventListener("pointerdown", resume);
      removeEventListener("keydown", resume);
    });
  }
}
