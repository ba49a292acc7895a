import { useEffect, useLayoutEffect, useState } from "react";
import { currentPose } from "../../shared/movement/poses-message";
import { decodePoseState } from "../../shared/movement/pose-codec";
import { LanguagePicker } from "../i18n/LanguagePicker";
import { useT } from "../i18n/locale";
import { LocalPlayer, LocalPlayerContext } from "../movement/local-player";
import { MoveHint, useMoveHint } from "../movement/MoveHint";
import { ClosedOverlay, ReconnectingNotice } from "../session/ConnectionNotice";
import { useConnection } from "../session/connection-context";
import { SessionMenu } from "../session/SessionMenu";
import { useSessionStore } from "../session/session-store";
import { Toasts } from "../ui/Toasts";
import { ChatNotices } from "../chat/ChatNotices";
import { useActionShortcuts } from "../actions/use-actions";
import { SidePanel } from "./SidePanel";
import { SpaceCanvas } from "./SpaceCanvas";
import { ControlDock } from "./ControlDock";
import { NARROW_QUERY, usePanelStore } from "./panel-store";
import { Boards2DPage, ViewToggle } from "../boards/BoardsPanel";
import { NoteDialog } from "../boards/NoteDialog";
import { VoteOverlay } from "../boards/VoteOverlay";
import { RoundOverlay } from "../boards/RoundOverlay";
import { useViewMode } from "../boards/view-mode";
import { VoiceOverlay } from "../voice/VoiceOverlay";
import { VoiceNotices } from "../voice/VoiceControls";
import { ZoneBanner } from "../zones/ZoneBanner";
import { TimerAlerts } from "../timers/TimerAlerts";
import { HandsNotifier } from "../hands/HandsNotifier";
import { EnterVRButton } from "../xr/EnterVRButton";
import { DesktopOnly } from "../xr/guards";
import { ReactionFeed } from "../reactions/ReactionFeed";
import { NowCard } from "../methods/NowCard";
import { CardPassCard } from "../methods/CardPassCard";
import { SheetPassCard } from "../methods/SheetPassCard";
import { MarketplaceCard } from "../methods/MarketplaceCard";
import { KanbanCard } from "../methods/KanbanCard";
import { WhisperNotices } from "../coaching/WhisperNotices";
import { OverheadNotice } from "../coaching/OverheadNotice";
import { CoachLinkDialog } from "../coaching/CoachLinkDialog";
import "./overlay.css";
import { STAGE_ID } from "./FreeViewCentre";
import { RoomAnnouncer } from "../accessibility/RoomAnnouncer";
import { HybridNotice } from "../hybrid/HybridNotice";
import { WalkersOnly } from "../hybrid/guards";
import { TimelineIndicator } from "../timeline/TimelineIndicator";

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
      <TimelineIndicator />
      <span className="topbar__spacer" />
      <ViewToggle />
      <EnterVRButton />
      <LanguagePicker compact />
      <SessionMenu />
    </header>
  );
}

/**
 * Inside a session: the 3D lab (or the 2D page) with the HTML overlay around it, laid out in fixed
 * places that never overlap: the top bar; the side panel on the right (a bottom sheet on phones);
 * and beside it one column: messages (voice notices, toasts) and cards (zone, timers, votes) at the
 * top, the 3D view or the 2D page in the middle, and at the bottom the move hint above the one
 * control dock.
 */
export default function SessionSpace({ onRejoin }: { onRejoin(): void }) {
  const connection = useConnection();
  const [player] = useState(() => {
    const self = connection.room.state.people.get(connection.room.sessionId);
    const pose = self && currentPose(self, connection.nearPoses);
    return new LocalPlayer(pose ? decodePoseState(pose) : {});
  });

  useActionShortcuts();
  const mode = useViewMode((s) => s.mode);

  // The panels start open where there is room: beside the 3D view except on phones, and beside the
  // 2D page on wide screens (on a phone the 2D page is the point, its panels one tap away). Where the
  // panel is a sheet, the first-visit move hint goes first (they share the space above the dock).
  // Before the first paint, so a phone never flashes the sheet open.
  useLayoutEffect(() => {
    const room = matchMedia(mode === "3d" ? "(min-width: 481px)" : "(min-width: 900px)").matches;
    const hintFirst = mode === "3d" && useMoveHint.getState().open && matchMedia(NARROW_QUERY).matches;
    usePanelStore.getState().setOpen(room && !hintFirst);
    if (!room || !hintFirst) return;
    // Once the hint is read, the panel it held back opens.
    const stop = useMoveHint.subscribe((hint) => {
      if (hint.open) return;
      stop();
      usePanelStore.getState().setOpen(true);
    });
    return stop;
  }, [mode]);

  // Leaving the page says goodbye on purpose, so others see us go at once instead of after a timeout.
  useEffect(() => {
    const goodbye = () => void connection.leave();
    addEventListener("pagehide", goodbye);
    return () => removeEventListener("pagehide", goodbye);
  }, [connection]);

  return (
    <LocalPlayerContext.Provider value={player}>
      <div className="space" data-mode={mode}>
        {mode === "3d" && <SpaceCanvas player={player} />}
        <TopBar />
        <div className="overlay" id={STAGE_ID}>
          <div className="overlay__top">
            <div className="overlay__messages">
              <VoiceNotices />
              <ChatNotices />
              <WhisperNotices />
              <OverheadNotice />
              <Toasts />
            </div>
            <div className="overlay__cards">
              <NowCard />
              <CardPassCard />
              <SheetPassCard />
              <MarketplaceCard />
              <KanbanCard />
              <HybridNotice />
              <ZoneBanner />
              <VoteOverlay />
              <RoundOverlay />
            </div>
          </div>
          {/* The 2D page sits in the flow between the cards and the dock, so nothing covers it. */}
          {mode === "3d" ? <div className="overlay__spacer" /> : <Boards2DPage />}
          <div className="overlay__bottom">
            {mode === "3d" && (
              <WalkersOnly>
                <MoveHint />
              </WalkersOnly>
            )}
            <ControlDock />
          </div>
        </div>
        <SidePanel />
        <TimerAlerts />
        <RoomAnnouncer />
        <HandsNotifier />
        {/* In a headset the same note dialog state is drawn as a uikit keyboard (client/xr/VRNoteKeyboard.tsx). */}
        <DesktopOnly>
          <NoteDialog />
        </DesktopOnly>
        <VoiceOverlay />
        <ReactionFeed />
        <CoachLinkDialog />
        <ClosedOverlay onRejoin={onRejoin} />
      </div>
    </LocalPlayerContext.Provider>
  );
}
