import { create } from "zustand";
import { VOLUME_DEFAULT } from "./spatial";

/** The state of this browser's voice connection to the server. */
export type VoiceLinkStatus = "idle" | "connecting" | "connected" | "unavailable" | "disabled";

/** Where the microphone stands: not asked yet, being asked, working, or why not. */
export type MicState = "unasked" | "asking" | "on" | "denied" | "none" | "error" | "listenOnly";

/** Another person's voice as the room reports it. */
export interface VoicePersonView {
  muted: boolean;
  mic: boolean;
  connected: boolean;
}

interface VoiceStore {
  status: VoiceLinkStatus;
  mic: MicState;
  /** Chosen input device, remembered in this browser. */
  deviceId: string;
  /** The person's own choice; with push-to-talk on, the microphone also opens while `talkHeld`. */
  muted: boolean;
  pushToTalk: boolean;
  talkHeld: boolean;
  /** The setup dialog (explanation, device, level, test) is showing. */
  setupOpen: boolean;
  /** The person has made their choice in this page (a rejoin does not ask again). */
  setupDone: boolean;
  /** The audio output is waiting for a click (autoplay policy). */
  audioBlocked: boolean;
  /** Per-person volume, 0–2, set by this listener only. */
  volumes: Record<string, number>;
  /** Who is speaking right now among those this browser hears, and oneself. */
  speaking: Record<string, boolean>;
  people: Record<string, VoicePersonView>;
  broadcaster: string;
}

const PREFS_KEY = "yhteistila.voice";

interface Prefs {
  deviceId: string;
  pushToTalk: boolean;
}

function loadPrefs(): Prefs {
  try {
    const raw = JSON.parse(globalThis.localStorage?.getItem(PREFS_KEY) ?? "{}") as Partial<Prefs>;
    return {
      deviceId: typeof raw.deviceId === "string" ? raw.deviceId : "",
      pushToTalk: raw.pushToTalk === true,
    };
  } catch {
    return { deviceId: "", pushToTalk: false };
  }
}

export function savePrefs(prefs: Partial<Prefs>): void {
  const next = { ...loadPrefs(), ...prefs };
  globalThis.localStorage?.setItem(PREFS_KEY, JSON.stringify(next));
}

const prefs = loadPrefs();

/** Voice state for components (read with selectors). Written by voice-client.ts and the voice UI. */
export const useVoiceStore = create<VoiceStore>(() => ({
  status: "idle",
  mic: "unasked",
  deviceId: prefs.deviceId,
  muted: true,
  pushToTalk: prefs.pushToTalk,
  talkHeld: false,
  setupOpen: false,
  setupDone: false,
  audioBlocked: false,
  volumes: {},
  speaking: {},
  people: {},
  broadcaster: "",
}));

export function volumeOf(id: string): number {
  return useVoiceStore.getState().volumes[id] ?? VOLUME_DEFAULT;
}

/** Whether the microphone is open right now (what the server is told). */
export function micOpen(state: Pick<VoiceStore, "mic" | "muted" | "pushToTalk" | "talkHeld">): boolean {
  if (state.mic !== "on") return false;
  return !state.muted || (state.pushToTalk && state.talkHeld);
}

export function setSpeaking(id: string, speaking: boolean): void {
  const current = useVoiceStore.getState().speaking;
  if ((current[id] ?? false) === speaking) return;
  useVoiceStore.setState({ speaking: { ...current, [id]: speaking } });
}
