import { HEARING } from "../../shared/voice/routing";

/**
 * How a voice is placed in the listener's ears. The server decides *whether* a voice is heard
 * (shared/voice/routing.ts); this decides *how*: from the speaker's avatar, at what loudness.
 */
export type VoiceMode = "plenary" | "zone" | "broadcast";

export function voiceMode(selfZone: string, speakerZone: string, speakerId: string, broadcaster: string): VoiceMode {
  if (speakerId !== "" && speakerId === broadcaster) return "broadcast";
  if (selfZone !== "" && selfZone === speakerZone) return "zone";
  return "plenary";
}

/**
 * Web Audio PannerNode settings. In the plenary: inverse-distance falloff from 1.5 m (half as loud
 * at 3 m, a quarter at 6 m, -18 dB at the 12 m cut-off). In a zone and for a broadcast the reference
 * distance is beyond any zone's size, so everyone in the group is heard at conversation volume
 * while the direction still comes from their avatar.
 */
export const PANNER: Record<VoiceMode, { refDistance: number; rolloffFactor: number }> = {
  plenary: { refDistance: 1.5, rolloffFactor: 1 },
  zone: { refDistance: 10, rolloffFactor: 1 },
  broadcast: { refDistance: 10, rolloffFactor: 1 },
};

/** Over the last metres before the cut-off a plenary voice fades to nothing, instead of stopping abruptly. */
export const FADE_START_M = HEARING.rangeM - 2;

/** Extra gain on top of the panner's falloff: 1 inside the range, fading to 0 at the cut-off. */
export function cutoffGain(mode: VoiceMode, distance: number): number {
  if (mode !== "plenary") return 1;
  if (distance <= FADE_START_M) return 1;
  if (distance >= HEARING.rangeM) return 0;
  return (HEARING.rangeM - distance) / (HEARING.rangeM - FADE_START_M);
}

/** The loudness the panner's inverse model gives at a distance (for tests and the level readout). */
export function inverseFalloff(mode: VoiceMode, distance: number): number {
  const { refDistance, rolloffFactor } = PANNER[mode];
  const d = Math.max(distance, refDistance);
  return refDistance / (refDistance + rolloffFactor * (d - refDistance));
}

/** Per-person volume chosen by the listener: 0–200 %. */
export const VOLUME_MAX = 2;
export const VOLUME_DEFAULT = 1;

/** Above this level (dBFS, RMS over ~20 ms) a voice counts as speaking; quieter is room noise. */
export const SPEAKING_DBFS = -48;
/** A speaker stays "speaking" this long after the last loud frame, so the indicator does not flicker. */
export const SPEAKING_HOLD_MS = 350;
