import { useEffect } from "react";
import { useConnection } from "../session/connection-context";
import { installVoiceInspector } from "./inspector";
import { startVoice } from "./runtime";
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
  // A coach has no voice in the room (listening to a zone is a later part of issue 11).
  const isCoach = useCoachingStore((s) => s.isCoach);
  // Someone sitting in a physical room neither speaks nor listens through their phone: the room
  // device does both for the room, and a second microphone or speaker there would echo.
  const seated = useSeatedInRoom();
  const silent = isCoach || seated;
  useEffect(() => (silent ? undefined : startVoice(connection)), [connection, silent]);
  useEffect(() => installVoiceInspector(), []);
  return silent ? null : <VoiceSetup />;
}
