import type { SessionConnection } from "../session/connection";
import { openMicrophone } from "../voice/microphone";
import { setCurrentVoice } from "../voice/runtime";
import { VoiceClient } from "../voice/voice-client";
import { useVoiceStore } from "../voice/voice-store";
import { useCoachingStore } from "./coaching-store";

/**
 * The coach's voice (issue 11): the same VoiceClient as everyone's, asked for with the coach's own
 * messages. It connects when the coach first chooses what to listen to, and the microphone is only
 * ever open while push-to-talk is held; the server decides that only the facilitators hear it.
 */
let current: { client: VoiceClient; connection: SessionConnection; started: boolean } | null = null;

export function startCoachVoice(connection: SessionConnection): () => void {
  // Push-to-talk is the coach's only way to speak: never an open microphone.
  useVoiceStore.setState({ status: "idle", people: {}, speaking: {}, broadcaster: "", muted: true, pushToTalk: true });
  const client = new VoiceClient(connection, {
    connect: () => connection.send("coaching.listen", { zone: useCoachingStore.getState().listen }),
    status: (muted) => {
      // Before the connection there is no microphone to forward, and the server would refuse.
      if (current?.started) connection.send("coaching.talk", { on: !muted });
    },
  });
  current = { client, connection, started: false };
  // The voice scene and the inspector find the page's voice there.
  setCurrentVoice(client);
  return () => {
    if (current?.client === client) {
      current = null;
      setCurrentVoice(null);
    }
    useCoachingStore.setState({ talkHeld: false });
    client.close();
  };
}

/** Listen to a zone ("" the plenary around the facilitator, null nobody); the first choice connects. */
export function coachListen(zone: string | null): void {
  useCoachingStore.setState({ listen: zone });
  if (!current) return;
  if (!current.started) {
    current.started = true;
    current.client.start();
  } else {
    current.connection.send("coaching.listen", { zone });
  }
}

/** Push-to-talk pressed or released; the microphone is asked for on the first press. */
export async function coachTalk(held: boolean): Promise<void> {
  const voice = current;
  if (!voice?.started) return;
  useCoachingStore.setState({ talkHeld: held });
  if (held && useVoiceStore.getState().mic !== "on") {
    const result = await openMicrophone(useVoiceStore.getState().deviceId);
    if (!result.ok) {
      useVoiceStore.setState({ mic: result.state });
      useCoachingStore.setState({ talkHeld: false });
      return;
    }
    useVoiceStore.setState({ mic: "on" });
    voice.client.setMicrophone(result.stream);
    // Released while the browser was asking: the first press only opened the microphone.
    if (!useCoachingStore.getState().talkHeld) return;
  }
  voice.client.setTalkHeld(useCoachingStore.getState().talkHeld);
}
