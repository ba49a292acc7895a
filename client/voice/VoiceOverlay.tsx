import { useEffect } from "react";
import { useConnection } from "../session/connection-context";
import { installVoiceInspector } from "./inspector";
import { startVoice } from "./runtime";
import { VoiceSetup } from "./VoiceSetup";
import "./voice.css";

/**
 * Voice for the session on screen: starts the connection and shows the setup dialog. Its buttons
 * live in the control dock (VoiceControls) and its notices in the message stack (VoiceNotices).
 */
export function VoiceOverlay() {
  const connection = useConnection();
  useEffect(() => startVoice(connection), [connection]);
  useEffect(() => installVoiceInspector(), []);
  return <VoiceSetup />;
}
