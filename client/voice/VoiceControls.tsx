import { useEffect, useRef, useState } from "react";
import { useT } from "../i18n/locale";
import { isTypingTarget } from "../movement/keyboard";
import { useSelf, useSessionStore } from "../session/session-store";
import { useActions } from "../actions/use-actions";
import { currentVoice } from "./runtime";
import { SPEAKING_DBFS } from "./spatial";
import { micOpen, useVoiceStore } from "./voice-store";
import { MegaphoneIcon, MicIcon } from "./icons";
import { Icon } from "../ui/icons";

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

/** The microphone's settings, and whether it sends right now (open, or push-to-talk held). */
function useMic() {
  const mic = useVoiceStore((s) => s.mic);
  const muted = useVoiceStore((s) => s.muted);
  const pushToTalk = useVoiceStore((s) => s.pushToTalk);
  const talkHeld = useVoiceStore((s) => s.talkHeld);
  return { mic, muted, pushToTalk, talkHeld, open: micOpen({ mic, muted, pushToTalk, talkHeld }) };
}

/** The microphone's level as a small bar inside the mic button, redrawn per frame (never React state). */
function MicLevel() {
  const bar = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let frame = 0;
    const draw = () => {
      const level = currentVoice()?.micLevel() ?? -Infinity;
      // The same scale as the setup dialog's meter: -60 dBFS (silence) to -10 dBFS (loud speech).
      const fraction = Math.max(0, Math.min(1, (level + 60) / 50));
      if (bar.current) bar.current.style.transform = `scaleY(${fraction.toFixed(2)})`;
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <span className="dock__level" aria-hidden="true">
      <span ref={bar} className="dock__level-bar" />
    </span>
  );
}

/**
 * What the voice says about itself, in the message stack at the top of the view: connection trouble,
 * blocked audio, "you are muted" while speaking into a muted microphone, and who speaks to all zones.
 */
export function VoiceNotices() {
  const t = useT();
  const self = useSelf();
  const { mic, open } = useMic();
  const mutedWhileTalking = useTalkingWhileMuted(self?.role !== "observer" && mic === "on" && !open);
  return (
    <>
      <BroadcastBanner />
      <VoiceStatus />
      {mutedWhileTalking && (
        <span className="status-pill" role="status">
          {t("voice.youAreMuted")}
        </span>
      )}
    </>
  );
}

/**
 * The voice's buttons in the control dock: the one microphone toggle (with its level), push-to-talk
 * and the voice settings.
 */
export function VoiceControls() {
  const t = useT();
  const self = useSelf();
  const { mic, muted, pushToTalk, talkHeld, open } = useMic();
  usePushToTalkKey(pushToTalk && mic === "on");

  if (!self || self.role === "observer") return null;

  const micLabel = mic !== "on" ? t("voice.setup.allow") : muted ? t("voice.unmute") : t("voice.mute");

  return (
    <div className="dock__group">
      {mic === "on" ? (
        <button
          type="button"
          className={open ? "dock__button dock__mic dock__mic--open" : "dock__button dock__mic"}
          aria-pressed={!muted}
          aria-keyshortcuts="M"
          onClick={() => currentVoice()?.toggleMute()}
          title={`${micLabel} (M)`}
          data-voice="mic"
        >
          <MicIcon muted={!open} size={20} />
          {open && <MicLevel />}
          <span className="dock__label">{micLabel}</span>
        </button>
      ) : (
        <button
          type="button"
          className="dock__button dock__mic"
          onClick={() => useVoiceStore.setState({ setupOpen: true })}
          title={micLabel}
          data-voice="mic"
        >
          <MicIcon muted size={20} />
          <span className="dock__label">{micLabel}</span>
        </button>
      )}
      {pushToTalk && mic === "on" && muted && (
        <button
          type="button"
          className={talkHeld ? "dock__button dock__talk dock__button--on" : "dock__button dock__talk"}
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
        className="dock__button dock__button--icon"
        onClick={() => useVoiceStore.setState({ setupOpen: true })}
        aria-label={t("voice.settings")}
        title={t("voice.settings")}
      >
        <Icon name="gear" />
      </button>
    </div>
  );
}

/** The facilitator's voice buttons in the control dock: speak to all zones, and mute everyone. */
export function FacilitatorVoiceControls() {
  const t = useT();
  const self = useSelf();
  const broadcaster = useVoiceStore((s) => s.broadcaster);
  const { actions, context } = useActions("facilitation");
  const run = (id: string) => actions.find((a) => a.id === id)?.run(context);
  const broadcasting = self !== undefined && broadcaster === self.id;
  if (!actions.some((a) => a.id === "voice.broadcast")) return null;
  return (
    <div className="dock__group dock__group--secondary">
      <button
        type="button"
        className={broadcasting ? "dock__button dock__button--on" : "dock__button"}
        aria-pressed={broadcasting}
        aria-label={broadcasting ? t("voice.broadcastStop") : t("voice.broadcast")}
        title={broadcasting ? t("voice.broadcastStop") : t("voice.broadcast")}
        onClick={() => run("voice.broadcast")}
        data-voice="broadcast"
      >
        <MegaphoneIcon size={20} />
        <span className="dock__label" aria-hidden="true">
          {broadcasting ? t("voice.broadcastStop") : t("voice.broadcast")}
        </span>
      </button>
      <button
        type="button"
        className="dock__button"
        aria-label={t("voice.muteAll")}
        title={t("voice.muteAll")}
        onClick={() => run("voice.muteAll")}
        data-voice="mute-all"
      >
        <MicIcon muted size={20} />
        <span className="dock__label" aria-hidden="true">
          {t("voice.muteAll")}
        </span>
      </button>
    </div>
  );
}
