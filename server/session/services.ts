import type { SessionStore } from "../storage/store";
import type { VoiceConfig } from "../voice/config";

/** What rooms and routes depend on, handed in once at start-up (no module-level singletons). */
export interface SessionServices {
  store: SessionStore;
  /** Wall-clock time, ms; injectable for tests. */
  now(): number;
  /** Seconds a dropped connection keeps its seat. */
  reconnectSeconds: number;
  /** How voice reaches browsers (server/voice/config.ts); the embedded defaults when absent. */
  voice?: VoiceConfig;
}
