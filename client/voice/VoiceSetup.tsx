import { useEffect, useId, useRef, useState } from "react";
import { useT } from "../i18n/locale";
import { listMicrophones, openMicrophone, recordAndPlayBack, type InputDevice } from "./microphone";
import { currentVoice } from "./runtime";
import { savePrefs, useVoiceStore } from "./voice-store";

/** A bar that follows the microphone's level, redrawn per animation frame (never through React state). */
function LevelMeter({ labelId }: { labelId: string }) {
  const bar = useRef<HTMLDivElement>(null);
  const meter = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let frame = 0;
    const draw = () => {
      const level = currentVoice()?.micLevel() ?? -Infinity;
      // -60 dBFS (silence) to -10 dBFS (loud speech) fills the bar.
      const fraction = Math.max(0, Math.min(1, (level + 60) / 50));
      if (bar.current) bar.current.style.width = `${Math.round(fraction * 100)}%`;
      meter.current?.setAttribute("aria-valuenow", String(Math.round(fraction * 100)));
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <div
      ref={meter}
      className="level-meter"
      role="meter"
      aria-labelledby={labelId}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={0}
    >
      <div ref={bar} className="level-meter__bar" />
    </div>
  );
}

/**
 * Asks for the microphone the polite way: what it is for and what happens to the sound, then the
 * browser's prompt, a device picker, a level meter and a recorded test. Listening needs none of it.
 */
export function VoiceSetup() {
  const t = useT();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const open = useVoiceStore((s) => s.setupOpen);
  const mic = useVoiceStore((s) => s.mic);
  const deviceId = useVoiceStore((s) => s.deviceId);
  const pushToTalk = useVoiceStore((s) => s.pushToTalk);
  const setupDone = useVoiceStore((s) => s.setupDone);
  const [devices, setDevices] = useState<InputDevice[]>([]);
  const [testPhase, setTestPhase] = useState<"idle" | "recording" | "playing">("idle");

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  useEffect(() => {
    if (mic === "on") void listMicrophones().then(setDevices);
  }, [mic]);

  const useMicrophone = async (device = deviceId) => {
    useVoiceStore.setState({ mic: "asking" });
    const result = await openMicrophone(device);
    if (!result.ok) {
      useVoiceStore.setState({ mic: result.state });
      currentVoice()?.setMicrophone(null);
      return;
    }
    const chosen = result.stream.getAudioTracks()[0]?.getSettings().deviceId ?? device;
    useVoiceStore.setState({ mic: "on", deviceId: chosen });
    savePrefs({ deviceId: chosen });
    currentVoice()?.setMicrophone(result.stream);
  };

  const finish = (choice: "unmuted" | "muted" | "listen" | "keep") => {
    if (choice === "listen") {
      currentVoice()?.setMicrophone(null);
      useVoiceStore.setState({ mic: "listenOnly", muted: true });
    } else if (choice !== "keep") {
      useVoiceStore.setState({ muted: choice === "muted" || useVoiceStore.getState().pushToTalk });
    }
    useVoiceStore.setState({ setupOpen: false, setupDone: true });
    const voice = currentVoice();
    // This click is the user gesture browsers want before they play sound.
    void voice?.graph.resume();
    voice?.applyMic();
  };

  const test = async () => {
    const stream = currentVoice()?.micStream;
    if (!stream || testPhase !== "idle") return;
    await recordAndPlayBack(stream, 3, (phase) => setTestPhase(phase === "done" ? "idle" : phase));
  };

  const failure = mic === "denied" || mic === "none" || mic === "error";

  return (
    <dialog
      ref={dialog}
      className="voice-setup"
      aria-labelledby={`${id}-heading`}
      onCancel={(event) => {
        event.preventDefault();
        finish(mic === "on" ? (setupDone ? "keep" : "muted") : "listen");
      }}
    >
      <h2 id={`${id}-heading`}>{t("voice.setup.heading")}</h2>
      {(mic === "unasked" || mic === "listenOnly" || mic === "asking") && (
        <>
          <p>{t("voice.setup.intro")}</p>
          <p className="help">
            {t("voice.setup.privacy")} {t("voice.setup.headphones")}
          </p>
          {mic === "asking" && (
            <p role="status" className="notice">
              {t("voice.setup.asking")}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" onClick={() => finish("listen")} disabled={mic === "asking"}>
              {setupDone ? t("voice.setup.done") : t("voice.setup.listenOnly")}
            </button>
            <button
              type="button"
              className="button--primary"
              onClick={() => void useMicrophone()}
              disabled={mic === "asking"}
              autoFocus
            >
              {t("voice.setup.allow")}
            </button>
          </div>
        </>
      )}
      {failure && (
        <>
          <p role="alert" className="error-text">
            {t(`voice.setup.${mic}`)}
          </p>
          <div className="dialog__actions">
            <button type="button" onClick={() => finish("listen")}>
              {t("voice.setup.continueListening")}
            </button>
            <button type="button" className="button--primary" onClick={() => void useMicrophone("")} autoFocus>
              {t("voice.setup.retry")}
            </button>
          </div>
        </>
      )}
      {mic === "on" && (
        <>
          <div className="field">
            <label htmlFor={`${id}-device`}>{t("voice.setup.device")}</label>
            <select id={`${id}-device`} value={deviceId} onChange={(event) => void useMicrophone(event.target.value)}>
              {devices.map((device) => (
                <option key={device.id} value={device.id}>
                  {device.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <span id={`${id}-level`}>{t("voice.setup.level")}</span>
            <LevelMeter labelId={`${id}-level`} />
            <span className="help">{t("voice.setup.levelHelp")}</span>
          </div>
          <div className="field">
            <button type="button" onClick={() => void test()} disabled={testPhase !== "idle"}>
              {t("voice.setup.test")}
            </button>
            <span className="help" role="status">
              {testPhase === "recording"
                ? t("voice.setup.recording")
                : testPhase === "playing"
                  ? t("voice.setup.playing")
                  : t("voice.setup.testHelp")}
            </span>
          </div>
          <label className="checkbox field">
            <input
              type="checkbox"
              checked={pushToTalk}
              onChange={(event) => {
                useVoiceStore.setState({ pushToTalk: event.target.checked });
                savePrefs({ pushToTalk: event.target.checked });
              }}
            />
            <span>{t("voice.setup.pushToTalk")}</span>
          </label>
          <div className="dialog__actions">
            {setupDone ? (
              <button type="button" className="button--primary" onClick={() => finish("keep")} autoFocus>
                {t("voice.setup.done")}
              </button>
            ) : (
              <>
                <button type="button" onClick={() => finish("muted")}>
                  {t("voice.setup.enterMuted")}
                </button>
                <button type="button" className="button--primary" onClick={() => finish("unmuted")} autoFocus>
                  {t("voice.setup.enterUnmuted")}
                </button>
              </>
            )}
          </div>
        </>
      )}
    </dialog>
  );
}
