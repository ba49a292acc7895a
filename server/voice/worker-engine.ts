import { Worker } from "node:worker_threads";
import type { VoiceConfig } from "./config";
import type { EngineCallbacks, EngineSignal, EngineStats, VoiceEngine } from "./engine";

/** What the room asks of the engine thread; those with a `requestId` are answered. */
export type EngineRequest =
  | { op: "join"; id: string; requestId: number }
  | { op: "answer"; id: string; generation: number; sdp: string; requestId: number }
  | { op: "leave"; id: string }
  | { op: "setHearing"; id: string; speakers: readonly string[] }
  | { op: "setBroadcaster"; id: string }
  | { op: "stats"; requestId: number }
  | { op: "speech"; requestId: number }
  | { op: "close"; requestId: number };

export type EngineEvent =
  | { type: "signal"; id: string; message: EngineSignal }
  | { type: "connection"; id: string; connected: boolean }
  | { type: "reply"; requestId: number; error?: string; stats?: EngineStats; speech?: Map<string, number> };

/**
 * The embedded engine (werift-engine.ts) run in a worker thread, behind the same interface: media
 * gets a core of its own and the room's event loop stays free for people's messages. Requests keep
 * their order, so a hearing change reaches the forwarder before anything sent after it.
 */
export class WorkerVoiceEngine implements VoiceEngine {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(event: EngineEvent): void; reject(error: Error): void }>();
  private nextRequest = 1;
  private failed: Error | null = null;

  constructor(config: VoiceConfig, callbacks: EngineCallbacks) {
    // A plain-JavaScript entry loads the TypeScript engine through tsx, however the server was started.
    this.worker = new Worker(new URL("./engine-worker.mjs", import.meta.url), { workerData: config });
    this.worker.on("message", (event: EngineEvent) => {
      if (event.type === "signal") callbacks.signal(event.id, event.message);
      else if (event.type === "connection") callbacks.connection(event.id, event.connected);
      else {
        const waiting = this.pending.get(event.requestId);
        this.pending.delete(event.requestId);
        if (event.error) waiting?.reject(new Error(event.error));
        else waiting?.resolve(event);
      }
    });
    this.worker.on("error", (error) => {
      console.error("voice engine thread failed:", error.message);
      this.failed = error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    });
    this.worker.unref();
  }

  join(id: string): Promise<void> {
    return this.request({ op: "join", id }).then(() => undefined);
  }

  answer(id: string, generation: number, sdp: string): Promise<void> {
    return this.request({ op: "answer", id, generation, sdp }).then(() => undefined);
  }

  leave(id: string): void {
    this.worker.postMessage({ op: "leave", id } satisfies EngineRequest);
  }

  setHearing(listener: string, speakers: readonly string[]): void {
    this.worker.postMessage({ op: "setHearing", id: listener, speakers: [...speakers] } satisfies EngineRequest);
  }

  setBroadcaster(id: string): void {
    this.worker.postMessage({ op: "setBroadcaster", id } satisfies EngineRequest);
  }

  async stats(): Promise<EngineStats> {
    const reply = await this.request({ op: "stats" });
    return reply.type === "reply" && reply.stats ? reply.stats : { peers: 0, received: 0, forwarded: 0 };
  }

  async speech(): Promise<Map<string, number>> {
    const reply = await this.request({ op: "speech" });
    return reply.type === "reply" && reply.speech ? reply.speech : new Map();
  }

  async close(): Promise<void> {
    if (!this.failed) await this.request({ op: "close" }).catch(() => undefined);
    await this.worker.terminate();
  }

  private request(message: DistributiveOmit<EngineRequest, "requestId">): Promise<EngineEvent> {
    if (this.failed) return Promise.reject(this.failed);
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.worker.postMessage({ ...message, requestId } as EngineRequest);
    });
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
