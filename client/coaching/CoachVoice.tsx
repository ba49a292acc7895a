import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useT } from "../i18n/locale";
import { Field } from "../ui/Field";
import { useVoiceStore } from "../voice/voice-store";
import { useZonesStore } from "../zones/zones-store";
import { coachListen, coachTalk } from "./coach-voice";
import { useCoachingStore } from "./coaching-store";

/** The select's value for "nobody" (a zone id never starts with "-"). */
const NOBODY = "-";

/**
 * The coach's voice controls: which place to listen to, and push-to-talk to the facilitators. The
 * button is held with a pointer, or with Space or Enter while it has focus (a key's repeats are ignored).
 */
export function CoachVoice() {
  const t = useT();
  const zones = useZonesStore((s) => s.zones);
  const listen = useCoachingStore((s) => s.listen);
  const held = useCoachingStore((s) => s.talkHeld);
  const mic = useVoiceStore((s) => s.mic);
  const connected = useVoiceStore((s) => s.status === "connected");
  // Letting go anywhere (or leaving the page) ends the whisper, not only over the button.
  useEffect(() => {
    if (!held) return;
    const release = () => void coachTalk(false);
    window.addEventListener("pointerup", release);
    window.addEventListener("blur", release);
    return () => {
      window.removeEventListener("pointerup", release);
      window.removeEventListener("blur", release);
    };
  }, [held]);
  // The zone listened to is removed (its people recalled): listen where they went, and say so.
  const [closed, setClosed] = useState<string | null>(null);
  const present = useRef(new Map<string, string>());
  useEffect(() => {
    const before = present.current;
    present.current = new Map(zones.map((zone) => [zone.id, zone.name || zone.letter]));
    // Only a zone seen here and now gone: an empty list while the room loads is not a removal.
    if (listen && before.has(listen) && !present.current.has(listen)) {
      setClosed(before.get(listen)!);
      coachListen("");
    }
  }, [zones, listen]);
  const isTalkKey = (event: KeyboardEvent) => event.key === " " || event.key === "Enter";
  return (
    <section aria-labelledby="coaching-voice">
      <h3 id="coaching-voice">{t("coaching.voice")}</h3>
      <Field label={t("coaching.listenTo")} help={t("coaching.listenHelp")}>
        {(control) => (
          <select
            {...control}
            value={listen ?? NOBODY}
            onChange={(e) => {
              setClosed(null);
              coachListen(e.target.value === NOBODY ? null : e.target.value);
            }}
          >
            <option value={NOBODY}>{t("coaching.listenNobody")}</option>
            <option value="">{t("coaching.listenPlenary")}</option>
            {zones.map((zone) => (
              <option key={zone.id} value={zone.id}>
                {t("coaching.listenZone", { name: zone.name || zone.letter })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button
        type="button"
        className={held ? "coach-talk coach-talk--held" : "coach-talk"}
        aria-pressed={held}
        aria-describedby="coach-talk-help"
        disabled={listen === null || !connected}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture?.(e.pointerId);
          void coachTalk(true);
        }}
        onPointerUp={() => void coachTalk(false)}
        onKeyDown={(e) => {
          if (!isTalkKey(e)) return;
          e.preventDefault();
          if (!e.repeat) void coachTalk(true);
        }}
        onKeyUp={(e) => {
          if (!isTalkKey(e)) return;
          e.preventDefault();
          void coachTalk(false);
        }}
        // A click would toggle nothing: holding is the whole gesture.
        onClick={(e) => e.preventDefault()}
      >
        {t("coaching.talk")}
      </button>
      <p id="coach-talk-help" className="help">
        {t("coaching.talkHelp")}
      </p>
      <p className="help" role="status" aria-live="polite">
        {held
          ? t("coaching.talkingSelf")
          : mic === "denied" || mic === "none"
            ? t("coaching.noMicrophone")
            : closed !== null
              ? t("coaching.listenZoneClosed", { name: closed })
              : ""}
      </p>
    </section>
  );
}

/** For the facilitators: which coach is whispering by voice right now. */
export function CoachTalkingNotice() {
  const t = useT();
  const isCoach = useCoachingStore((s) => s.isCoach);
  const talking = useCoachingStore((s) => s.talking);
  const names = Object.values(talking);
  if (isCoach || names.length === 0) return null;
  return (
    <div className="toast coach-talking" role="status" data-testid="coach-talking">
      {names.map((name) => (
        <span key={name}>{t("coaching.talkingNotice", { name })}</span>
      ))}
    </div>
  );
}
