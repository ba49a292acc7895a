import { useEffect } from "react";
import { useConnection } from "../session/connection-context";
import { installVoiceInspector } from "./inspector";
import { startVoice } from "./runtime";
import { VoiceBar } from "./VoiceBar";
import { VoiceSetup } from "./VoiceSetup";
import "./voice.css";

/** Voice for the session on screen: starts the connection, and shows the controls and the setup dialog. */
export function VoiceOverlay() {
  const connection = useConnection();
  useEffect(() => startVoice(connection), [connection]);
  useEffect(() => installVoiceInspector(), []);
  return (
    <>
      <VoiceBar />
      <VoiceSetup />
    </>
  );
}
