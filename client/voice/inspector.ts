import { currentVoice } from "./runtime";
import { useVoiceStore } from "./voice-store";

/**
 * A read-only window into this browser's voice, for the end-to-end tests and for support staff
 * ("can you hear anyone?"): who plays in which slot, packets received, and the level of a tone.
 */
export interface VoiceInspector {
  status(): string;
  slots(): string[];
  slotStats(): Promise<{ speaker: string; packets: number; bytes: number }[]>;
  /** Level at a frequency in what reaches the speakers, dBFS. */
  toneLevel(frequency: number): number;
  audioState(): string;
  speaking(): Record<string, boolean>;
  /** Characters in the last SDP answer sent to the server. */
  answerSize(): number;
}

declare global {
  interface Window {
    yhteistilaVoice?: VoiceInspector;
  }
}

export function installVoiceInspector(): () => void {
  window.yhteistilaVoice = {
    status: () => useVoiceStore.getState().status,
    slots: () => [...(currentVoice()?.slots ?? [])],
    slotStats: () => currentVoice()?.slotStats() ?? Promise.resolve([]),
    toneLevel: (frequency) => currentVoice()?.graph.toneLevel(frequency) ?? -Infinity,
    audioState: () => currentVoice()?.graph.context.state ?? "none",
    speaking: () => ({ ...useVoiceStore.getState().speaking }),
    answerSize: () => currentVoice()?.answerSize ?? 0,
  };
  return () => {
    delete window.yhteistilaVoice;
  };
}
