import type { IceServer } from "../../shared/protocol";

/** What the media engine asks the room to deliver to one person over the signalling channel. */
export type EngineSignal =
  | {
      type: "offer";
      generation: number;
      sdp: string;
      micMid: string;
      slotMids: string[];
      iceServers: IceServer[];
      /** Janus: the listening connection's offers are numbered, and may renegotiate the current one. */
      revision?: number;
      renegotiate?: boolean;
    }
  | { type: "slots"; generation: number; speakers: string[] }
  /** Janus: the microphone goes on a connection of its own, which the browser offers. */
  | { type: "microphone"; generation: number; iceServers: IceServer[] }
  | { type: "micAnswer"; generation: number; sdp: string };

export interface EngineCallbacks {
  signal(id: string, message: EngineSignal): void;
  /** A person's media connection came up (true) or was lost (false). */
  connection(id: string, connected: boolean): void;
}

export interface EngineStats {
  peers: number;
  /** RTP packets received from microphones since start. */
  received: number;
  /** RTP packets sent to listeners since start. */
  forwarded: number;
}

/**
 * The media side of voice, behind the one interface the voice module uses. The embedded engine
 * (werift-engine.ts) forwards packets inside this process; a scale-out engine would drive an external
 * SFU (LiveKit, Janus: one room per zone, subscriptions granted from the same hearing plan) instead.
 * The engine never decides who hears whom: it is told, and forwards nothing else.
 */
export interface VoiceEngine {
  /** Starts, or restarts after a failure, a person's media connection: the engine signals an offer. */
  join(id: string): Promise<void>;
  /** The browser's answer to the offer of that generation; an older generation is ignored. */
  answer(id: string, generation: number, sdp: string, revision?: number): Promise<void>;
  /** The browser's offer for its microphone's own connection, asked for by a `microphone` signal (Janus). */
  micOffer?(id: string, generation: number, sdp: string): Promise<void>;
  /** The person left: close their connection and stop forwarding to and from them at once. */
  leave(id: string): void;
  /** The allowed speakers of one listener changed (most important first); nothing else reaches them. */
  setHearing(listener: string, speakers: readonly string[]): void;
  /** Who speaks to every zone ("" for nobody). Already reflected in setHearing; an external SFU publishes them into every zone's room. */
  setBroadcaster(id: string): void;
  stats(): Promise<EngineStats>;
  /**
   * Milliseconds of speech per person since the previous call, from voice activity (server/voice/speech.ts);
   * engines that cannot tell leave it out and the balcony shows no speaking time.
   */
  speech?(): Promise<Map<string, number>>;
  close(): Promise<void>;
}
