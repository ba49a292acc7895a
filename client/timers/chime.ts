import { create } from "zustand";

/**
 * The timer's sounds, made on the spot with Web Audio (no sound files to download): a soft two-tone
 * call at one minute left and a small bell at the end. Muted per person, remembered in this browser.
 */
const MUTE_KEY = "yhteistila.chimeMuted";

interface ChimeStore {
  muted: boolean;
  setMuted(muted: boolean): void;
}

export const useChimeStore = create<ChimeStore>((set) => ({
  muted: globalThis.localStorage?.getItem(MUTE_KEY) === "1",
  setMuted(muted) {
    globalThis.localStorage?.setItem(MUTE_KEY, muted ? "1" : "0");
    set({ muted });
  },
}));

let context: AudioContext | null = null;

/** Browsers start audio only after a gesture; the first click or key press unlocks it. */
function audio(): AudioContext | null {
  if (typeof AudioContext === "undefined") return null;
  if (!context) {
    context = new AudioContext();
    const unlock = () => void context?.resume();
    addEventListener("pointerdown", unlock, { once: true });
    addEventListener("keydown", unlock, { once: true });
  }
  return context;
}

/** Warms up the audio context so a later chime is not the first sound (call on a user gesture). */
export function prepareChimes(): void {
  void audio()?.resume();
}

/** One bell-like note: a few inharmonic partials, each dying away at its own pace. */
function bell(ctx: AudioContext, at: number, frequency: number, volume: number): void {
  const partials: [number, number, number][] = [
    [1, 1, 2.4],
    [2.76, 0.45, 1.2],
    [5.4, 0.2, 0.6],
  ];
  for (const [ratio, gain, decay] of partials) {
    const osc = ctx.createOscillator();
    const amp = ctx.createGain();
    osc.type = "sine";
    osc.frequency.value = frequency * ratio;
    amp.gain.setValueAtTime(0, at);
    amp.gain.linearRampToValueAtTime(volume * gain, at + 0.01);
    amp.gain.exponentialRampToValueAtTime(0.0001, at + decay);
    osc.connect(amp).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + decay + 0.05);
  }
}

export type Chime = "warning" | "end";

/** Plays a chime unless muted; returns whether it was played (for tests and the inspector). */
export function playChime(kind: Chime): boolean {
  if (useChimeStore.getState().muted) return false;
  const ctx = audio();
  if (!ctx || ctx.state !== "running") return false;
  const now = ctx.currentTime + 0.02;
  if (kind === "warning") {
    bell(ctx, now, 660, 0.12);
    bell(ctx, now + 0.35, 880, 0.1);
  } else {
    bell(ctx, now, 784, 0.18);
    bell(ctx, now + 0.45, 659, 0.16);
    bell(ctx, now + 0.9, 523, 0.2);
  }
  return true;
}
