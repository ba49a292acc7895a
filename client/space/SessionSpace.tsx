import { useEffect, useState } from "react";
import { decodePose } from "../../shared/movement/pose-codec";
import { LanguagePicker } from "../i18n/LanguagePicker";
import { useT } from "../i18n/locale";
import { LocalPlayer, LocalPlayerContext } from "../movement/local-player";
import { MoveHint } from "../movement/MoveHint";
import { ClosedOverlay, ReconnectingNotice } from "../session/ConnectionNotice";
import { useConnection } from "../session/connection-context";
import { SessionMenu } from "../session/SessionMenu";
import { useSessionStore } from "../session/session-store";
import { Toasts } from "../ui/Toasts";
import { useActionShortcuts } from "../actions/use-actions";
import { SidePanel } from "./SidePanel";
import { SpaceCanvas } from "./SpaceCanvas";
import { Boards2DPage, ViewToggle } from "../boards/BoardsPanel";
import { NoteDialog } from "../boards/NoteDialog";
import { VoteOverlay } from "../boards/VoteOverlay";
import { useViewMode } from "../boards/view-mode";
import { VoiceOverlay } from "../voice/VoiceOverlay";
import { ZoneBanner } from "../zones/ZoneBanner";
import { PresenceBar } from "../zones/PresenceBar";
import { TimerAlerts } from "../timers/TimerAlerts";
import { HandsNotifier } from "../hands/HandsNotifier";
import { EnterVRButton } from "../xr/EnterVRButton";
import { DesktopOnly } from "../xr/guards";
import { ReactionFeed } from "../reactions/ReactionFeed";

function TopBar() {
  const t = useT();
  const title = useSessionStore((s) => s.title);
  const code = useSessionStore((s) => s.code);
  return (
    <header className="topbar">
      <img src="/favicon.svg" alt={t("app.name")} width={28} height={28} />
      <h1 className="topbar__title">{title}</h1>
      <span className="topbar__code code">{code}</span>
      <ReconnectingNotice />
      <span className="topbar__spacer" />
      <ViewToggle />
      <EnterVRButton />
      <LanguagePicker compact />
      <SessionMenu />
    </header>
  );
}

/** Inside a session: the 3D lab with the HTML overlay (top bar, people, hints, messages) around it. */
export default function SessionSpace({ onRejoin }: { onRejoin(): void }) {
  const connection = useConnection();
  const [player] = useState(() => {
    const self = connection.room.state.people.get(connection.room.sessionId);
    return new LocalPlayer(
      self ? decodePose([self.pose.x, self.pose.y, self.pose.z, self.pose.yaw, self.pose.pitch]) : {},
    );
  });

  useActionShortcuts();
  const mode = useViewMode((s) => s.mode);

  // Leaving the page says goodbye on purpose, so others see us go at once instead of after a timeout.
  useEffect(() => {
    const goodbye = () => void connection.leave();
    addEventListener("pagehide", goodbye);
    return () => removeEventListener("pagehide", goodbye);
  }, [connection]);

  return (
    <LocalPlayerContext.Provider value={player}>
      <div className="space">
        {mode === "3d" ? <SpaceCanvas player={player} /> : <Boards2DPage />}
        <TopBar />
        {/* The 2D view fills a phone's screen; its panels are one tap away. */}
        <SidePanel key={mode} defaultOpen={mode === "3d" || matchMedia("(min-width: 900px)").matches} />
        <ZoneBanner />
        <PresenceBar />
        {mode === "3d" && <MoveHint />}
        <TimerAlerts />
        <HandsNotifier />
        <VoteOverlay />
        {/* In a headset the same note dialog state is drawn as a uikit keyboard (client/xr/VRNoteKeyboard.tsx). */}
        <DesktopOnly>
          <NoteDialog />
        </DesktopOnly>
        <VoiceOverlay />
        <Toasts />
        <ReactionFeed />
        <ClosedOverlay onRejoin={onRejoin} />
      </div>
    </LocalPlayerContext.Provider>
  );
}
