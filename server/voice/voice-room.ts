import { floorSpot } from "../../shared/movement/pose-codec";
import { planHearing, type HearingPlan, type VoiceParticipant } from "../../shared/voice/routing";
import { VoicePersonState } from "../../shared/voice/state";
import type { RoomApi } from "../commands/registry";
import { DEFAULT_VOICE_CONFIG } from "./config";
import type { EngineSignal, VoiceEngine } from "./engine";
import { WeriftVoiceEngine } from "./werift-engine";
import { WorkerVoiceEngine } from "./worker-engine";
import { planWithCoaches, type CoachVoiceState } from "./coach-voice";
import { JanusVoiceEngine } from "./janus-engine";

/** Plenary movement is re-planned at this rate; zone changes, mutes and leaving take effect at once. */
export const REPLAN_INTERVAL_MS = 250;

function sameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Voice for one session room: keeps the hearing plan in step with the room's state and hands it to
 * the media engine. Everything that decides who hears whom goes through `replan()`.
 */
export class VoiceRoom {
  readonly engine: VoiceEngine | null;
  private plan: HearingPlan = new Map();
  private dirty = false;
  /** Coaches with a voice connection, by session id (server-only: see ./coach-voice.ts). */
  readonly coaches = new Map<string, CoachVoiceState>();

  constructor(
    private readonly room: RoomApi,
    engine?: VoiceEngine | null,
  ) {
    const config = room.services.voice ?? DEFAULT_VOICE_CONFIG;
    const callbacks = {
      signal: (id: string, message: EngineSignal) => this.deliver(id, message),
      connection: (id: string, connected: boolean) => this.connectionChanged(id, connected),
    };
    this.engine =
      engine !== undefined
        ? engine
        : !config.enabled
          ? null
          : config.engine === "janus"
            ? new JanusVoiceEngine(config, callbacks)
            : config.engine === "inline"
              ? new WeriftVoiceEngine(config, callbacks)
              : new WorkerVoiceEngine(config, callbacks);
    room.clock.setInterval(() => {
      if (this.dirty) this.replan();
    }, REPLAN_INTERVAL_MS);
  }

  /** Someone moved in the plenary: re-plan on the next tick (distances only matter there). */
  markMoved(): void {
    this.dirty = true;
  }

  addPerson(id: string): void {
    this.room.state.voice.people.set(id, new VoicePersonState());
  }

  removePerson(id: string): void {
    this.room.state.voice.people.delete(id);
    if (this.room.state.voice.broadcaster === id) this.setBroadcaster("");
    this.engine?.leave(id);
    this.replan();
  }

  /** A coach left: their connection closes, and nobody hears them or is heard by them any more. */
  removeCoach(id: string): void {
    if (!this.coaches.delete(id)) return;
    this.engine?.leave(id);
    this.replan();
  }

  setBroadcaster(id: string): void {
    this.room.state.voice.broadcaster = id;
    this.engine?.setBroadcaster(id);
    this.replan();
  }

  /** Recomputes who hears whom from the room's state and tells the engine what changed. */
  replan(): void {
    this.dirty = false;
    const { people, voice } = this.room.state;
    const broadcaster = people.get(voice.broadcaster);
    if (voice.broadcaster !== "" && broadcaster?.role !== "facilitator") {
      // Only a facilitator may speak to every zone; a demoted or departed one stops at once.
      voice.broadcaster = "";
      this.engine?.setBroadcaster("");
    }
    const participants: VoiceParticipant[] = [];
    // A hushed person (Brainwriting's silent writing) is not a speaker: nobody hears them, coaches neither.
    const hushed = this.room.hushed();
    people.forEach((person, id) => {
      const state = voice.people.get(id);
      if (!state) return;
      participants.push({
        id,
        zone: person.zone,
        ...floorSpot(person.pose),
        speaking: state.connected && state.mic && !state.muted && person.role !== "observer" && !hushed.has(id),
        listening: state.connected,
      });
    });
    const base = planHearing(participants, {
      broadcaster: voice.broadcaster,
      previous: this.plan,
      screens: this.room.screens(),
    });
    const next = planWithCoaches(this.room, base, participants, this.coaches);
    if (this.engine) {
      for (const [listener, speakers] of next) {
        if (!sameList(this.plan.get(listener), speakers)) this.engine.setHearing(listener, speakers);
      }
      for (const listener of this.plan.keys()) {
        if (!next.has(listener)) this.engine.setHearing(listener, []);
      }
    }
    this.plan = next;
  }

  /** Who each listener hears right now (for tests and diagnostics). */
  get currentPlan(): HearingPlan {
    return this.plan;
  }

  /**
   * Starts (or restarts) someone's media connection: the engine signals them an offer. Tells them
   * plainly when there is no voice here or it could not start; false then.
   */
  async connect(id: string): Promise<boolean> {
    const client = this.room.clientById(id);
    if (!this.engine) {
      client?.send("voice.unavailable", { reason: "disabled" });
      return false;
    }
    try {
      await this.engine.join(id);
      return true;
    } catch (error) {
      console.error("voice: could not start a connection:", error instanceof Error ? error.message : error);
      client?.send("voice.unavailable", { reason: "failed" });
      return false;
    }
  }

  async close(): Promise<void> {
    await this.engine?.close();
  }

  private deliver(id: string, message: EngineSignal): void {
    const client = this.room.clientById(id);
    if (!client) return;
    if (message.type === "offer") {
      const { type: _type, ...offer } = message;
      client.send("voice.offer", offer);
    } else if (message.type === "slots") {
      client.send("voice.slots", { generation: message.generation, speakers: message.speakers });
    } else if (message.type === "microphone") {
      client.send("voice.microphone", { generation: message.generation, iceServers: message.iceServers });
    } else {
      client.send("voice.micAnswer", { generation: message.generation, sdp: message.sdp });
    }
  }

  private connectionChanged(id: string, connected: boolean): void {
    const coach = this.coaches.get(id);
    if (coach) {
      coach.connected = connected;
      this.replan();
      return;
    }
    const state = this.room.state.voice.people.get(id);
    if (!state) return;
    state.connected = connected;
    this.replan();
  }
}
