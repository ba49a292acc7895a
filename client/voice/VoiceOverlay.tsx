import { useEffect } from "react";
import { useConnection } from "../session/connection-context";
import { installVoiceInspector } from "./inspector";
import { startVoice } from "./runtime";
import { startCoachVoice } from "../coaching/coach-voice";
import { VoiceSetup } from "./VoiceSetup";
import { useCoachingStore } from "../coaching/coaching-store";
import { useSeatedInRoom } from "../hybrid/guards";
import "./voice.css";

/**
 * Voice for the session on screen: starts the connection and shows the setup dialog. Its buttons
 * live in the control dock (VoiceControls) and its notices in the message stack (VoiceNotices).
 */
export function VoiceOverlay() {
  const connection = useConnection();
  // A coach has no voice in the room: they listen to a zone they choose and whisper to the
  // facilitators, through their own connection (client/coaching/coach-voice.ts).
  const isCoach = useCoachingStore((s) => s.isCoach);
  // Someone sitting in a physical room neither speaks nor listens through their phone: the room
  // device does both for the room, and a second microphone or speaker there would echo.
  const seated = useSeatedInRoom();
  const silent = isCoach || seated;
  useEffect(() => (silent ? undefined : startVoice(connection)), [connection, silent]);
  useEffect(() => (isCoach ? startCoachVoice(connection) : undefined), [connection, isCoach]);
  useEffect(() => installVoiceInspector(), []);
  return silent ? null : <VoiceSetup />;
}
