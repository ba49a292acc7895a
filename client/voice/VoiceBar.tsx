import { useEffect, useRef, useState } from "react";
import { useT } from "../i18n/locale";
import { isTypingTarget } from "../movement/keyboard";
import { useSelf, useSessionStore } from "../session/session-store";
import { useActions } from "../actions/use-actions";
import { currentVoice } from "./runtime";
import { SPEAKING_DBFS } from "./spatial";
import { micOpen, useVoiceStore } from "./voice-store";
import { MegaphoneIcon, MicIcon } from "./icons";

/** Space held = talking, when push-to-talk is on (never while typing or on a focused button). */
function usePushToTalkKey(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const isControl = (target: EventTarget | null) =>
      target instanceof HTMLElement && target.closest("button, a, select, [role=button], [role=tab]") !== null;
    const down = (event: KeyboardEvent) => {
      if (event.code !== "Space" || isTypingTarget(event.target) || isControl(event.target)) return;
      event.preventDefault();
      if (!event.repeat) currentVoice()?.setTalkHeld(true);
    };
    const up = (event: KeyboardEvent) => {
      if (event.code === "Space") currentVoice()?.setTalkHeld(false);
    };
    const release = () => currentVoice()?.setTalkHeld(false);
    addEventListener("keydown", down);
    addEventListener("keyup", up);
    addEventListener("blur", release);
    return () => {
      removeEventListener("keydown", down);
      removeEventListener("keyup", up);
      removeEventListener("blur", release);
      release();
    };
  }, [enabled]);
}

/** True while the person speaks into a muted microphone, so we can tell them. */
function useTalkingWhileMuted(muted: boolean): boolean {
  const [talking, setTalking] = useState(false);
  const since = useRef(0);
  useEffect(() => {
    if (!muted) {
      setTalking(false);
      return;
    }
    const timer = setInterval(() => {
      const loud = (currentVoice()?.micLevel() ?? -Infinity) > SPEAKING_DBFS + 6;
      const now = performance.now();
      if (loud) since.current ||= now;
      else since.current = 0;
      setTalking(since.current > 0 && now - since.current > 600);
    }, 200);
    return () => clearInterval(timer);
  }, [muted]);
  return talking;
}

function VoiceStatus() {
  const t = useT();
  const status = useVoiceStore((s) => s.status);
  const audioBlocked = useVoiceStore((s) => s.audioBlocked);
  if (audioBlocked) {
    return (
      <button type="button" className="status-pill" onClick={() => void currentVoice()?.graph.resume()}>
        {t("voice.audioBlocked")}
      </button>
    );
  }
  if (status === "connected" || status === "idle") return null;
  const key =
    status === "connecting"
      ? "voice.status.connecting"
      : status === "disabled"
        ? "voice.status.disabled"
        : "voice.status.unavailable";
  return (
    <span className="status-pill" role="status" data-voice-status={status}>
      {t(key)}
    </span>
  );
}

/** Shown to everyone while a facilitator speaks to all zones: who it is, unmistakably. */
function BroadcastBanner() {
  const t = useT();
  const broadcaster = useVoiceStore((s) => s.broadcaster);
  const name = useSessionStore((s) => s.people[broadcaster]?.name ?? "");
  const selfId = useSessionStore((s) => s.selfId);
  if (!broadcaster) return null;
  return (
    <div className="broadcast-banner" role="status" aria-live="polite">
      <MegaphoneIcon />
      {broadcaster === selfId ? t("voice.broadcastingYou") : t("voice.broadcasting", { name })}
    </div>
  );
}

/** The voice controls over the 3D view: microphone, push-to-talk, settings, and the facilitator's two. */
export function VoiceBar() {
  const t = useT();
  const self = useSelf();
  const mic = useVoiceStore((s) => s.mic);
  const muted = useVoiceStore((s) => s.muted);
  const pushToTalk = useVoiceStore((s) => s.pushToTalk);
  const talkHeld = useVoiceStore((s) => s.talkHeld);
  const broadcaster = useVoiceStore((s) => s.broadcaster);
  const open = micOpen({ mic, muted, pushToTalk, talkHeld });
  const { actions, context } = useActions("facilitation");
  const mutedWhileTalking = useTalkingWhileMuted(mic === "on" && !open);
  usePushToTalkKey(pushToTalk && mic === "on");

  if (self?.role === "observer") {
    return (
      <div className="voice-bar" aria-label={t("voice.settings")}>
        <VoiceStatus />
        <BroadcastBanner />
      </div>
    );
  }

  const run = (id: string) => actions.find((a) => a.id === id)?.run(context);
  const broadcasting = self !== undefined && broadcaster === self.id;

  return (
    <>
      <BroadcastBanner />
      <div className="voice-bar" role="toolbar" aria-label={t("voice.settings")}>
        <VoiceStatus />
        {mic === "on" ? (
          <button
            type="button"
            className={open ? "voice-bar__mic voice-bar__mic--open" : "voice-bar__mic"}
            aria-pressed={!muted}
            onClick={() => currentVoice()?.toggleMute()}
            title="M"
            data-voice="mic"
          >
            <MicIcon muted={!open} />
            {muted ? t("voice.unmute") : t("voice.mute")}
          </button>
        ) : (
          <button
            type="button"
            className="voice-bar__mic"
            onClick={() => useVoiceStore.setState({ setupOpen: true })}
            data-voice="mic"
          >
            <MicIcon muted />
            {t("voice.setup.allow")}
          </button>
        )}
        {pushToTalk && mic === "on" && muted && (
          <button
            type="button"
            className={talkHeld ? "voice-bar__talk voice-bar__talk--held" : "voice-bar__talk"}
            onPointerDown={() => currentVoice()?.setTalkHeld(true)}
            onPointerUp={() => currentVoice()?.setTalkHeld(false)}
            onPointerLeave={() => currentVoice()?.setTalkHeld(false)}
            onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && currentVoice()?.setTalkHeld(true)}
            onKeyUp={() => currentVoice()?.setTalkHeld(false)}
            title={t("voice.pttHint")}
          >
            {t("voice.talk")}
          </button>
        )}
        <button
          type="button"
          className="button--quiet"
          onClick={() => useVoiceStore.setState({ setupOpen: true })}
          aria-label={t("voice.settings")}
          title={t("voice.settings")}
        >
          ⚙
        </button>
        {actions.some((a) => a.id === "voice.broadcast") && (
          <>
            <button
              type="button"
              className={broadcasting ? "voice-bar__broadcast voice-bar__broadcast--on" : "voice-bar__broadcast"}
              aria-pressed={broadcasting}
              aria-label={broadcasting ? t("voice.broadcastStop") : t("voice.broadcast")}
              title={broadcasting ? t("voice.broadcastStop") : t("voice.broadcast")}
              onClick={() => run("voice.broadcast")}
              data-voice="broadcast"
            >
              <MegaphoneIcon />
              <span className="voice-bar__label" aria-hidden="true">
                {broadcasting ? t("voice.broadcastStop") : t("voice.broadcast")}
              </span>
            </button>
            <button
              type="button"
              aria-label={t("voice.muteAll")}
              title={t("voice.muteAll")}
              onClick={() => run("voice.muteAll")}
              data-voice="mute-all"
            >
              <MicIcon muted />
              <span className="voice-bar__label" aria-hidden="true">
                {t("voice.muteAll")}
              </span>
            </button>
          </>
        )}
        {mutedWhileTalking && (
          <span className="status-pill" role="status">
            {t("voice.youAreMuted")}
          </span>
        )}
      </div>
    </>
  );
}
