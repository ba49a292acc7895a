import type { SessionConnection } from "../session/connection";
import { openMicrophone } from "./microphone";
import { VoiceClient } from "./voice-client";
import { useVoiceStore } from "./voice-store";

/**
 * The one live VoiceClient of the page (one session connection at a time), so that actions run from
 * buttons, the keyboard or the VR menu reach it.
 */
let current: VoiceClient | null = null;

export function currentVoice(): VoiceClient | null {
  return current;
}

/** Makes another page's client the current one (a coach's, client/coaching/coach-voice.ts); null clears it. */
export function setCurrentVoice(client: VoiceClient | null): void {
  current = client;
}

/** Starts voice for a session connection; returns the stop function for the effect that called it. */
export function startVoice(connection: SessionConnection): () => void {
  // What the previous connection knew about the room does not carry over (people, slots, levels).
  useVoiceStore.setState({ status: "idle", people: {}, speaking: {}, broadcaster: "", talkHeld: false });
  const client = new VoiceClient(connection);
  current = client;
  client.start();
  const { setupDone, mic, deviceId } = useVoiceStore.getState();
  const role = connection.room.state.people?.get(connection.room.sessionId)?.role;
  if (role === "observer") {
    // Observers listen; their microphone is never forwarded, so there is nothing to ask.
    useVoiceStore.setState({ mic: "listenOnly", muted: true });
    client.applyMic();
  } else if (!setupDone) {
    useVoiceStore.setState({ setupOpen: true });
  } else if (mic === "on") {
    // Rejoining in the same page: the person already chose; permission is remembered, so no prompt.
    void openMicrophone(deviceId).then((result) => {
      if (current !== client) {
        if (result.ok) for (const track of result.stream.getTracks()) track.stop();
        return;
      }
      if (result.ok) client.setMicrophone(result.stream);
      else useVoiceStore.setState({ mic: result.state });
      client.applyMic();
    });
  } else {
    client.applyMic();
  }
  return () => {
    if (current === client) current = null;
    client.close();
  };
}
