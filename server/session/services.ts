import type { SessionStore } from "../storage/store";
import type { RoomApi } from "../commands/registry";
import type { VoiceConfig } from "../voice/config";

/** What rooms and routes depend on, handed in once at start-up (no module-level singletons). */
export interface SessionServices {
  store: SessionStore;
  /** Wall-clock time, ms; injectable for tests. */
  now(): number;
  /** Seconds a dropped connection keeps its seat. */
  reconnectSeconds: number;
  /** Most people one session room admits; the next is refused with `session_full`. */
  maxPeople: number;
  /**
   * Whether each client receives full-rate poses only of the people near it (shared/movement/interest.ts);
   * on unless set to false, which only the server benchmark does, to measure what it saves.
   */
  interestManagement?: boolean;
  /**
   * The session rooms running in this process, by session code, so that HTTP routes (an upload,
   * a deletion) can reach the live room of a session. Rooms add and remove themselves.
   */
  rooms: Map<string, RoomApi>;
  /** How voice reaches browsers (server/voice/config.ts); the embedded defaults when absent. */
  voice?: VoiceConfig;
}
