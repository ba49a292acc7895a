import { useId, useState } from "react";
import { useT } from "../i18n/locale";
import type { PersonView } from "../session/session-store";
import { HeadphonesIcon, MicIcon, SpeakerIcon } from "./icons";
import { VOLUME_DEFAULT, VOLUME_MAX } from "./spatial";
import { useVoiceStore } from "./voice-store";

/**
 * A person's voice in the People panel: speaking, muted or listening only, and (for others) the
 * listener's own volume for them. Speaking shows only for voices this browser hears.
 */
export function PersonVoice({ person, isSelf }: { person: PersonView; isSelf: boolean }) {
  const t = useT();
  const id = useId();
  const state = useVoiceStore((s) => s.people[person.id]);
  const speaking = useVoiceStore((s) => s.speaking[person.id] ?? false);
  const volume = useVoiceStore((s) => s.volumes[person.id] ?? VOLUME_DEFAULT);
  const [adjusting, setAdjusting] = useState(false);
  if (!state?.connected) return null;

  const label = !state.mic
    ? t("voice.listenOnly")
    : state.muted
      ? t("voice.muted")
      : speaking
        ? t("voice.speaking")
        : "";
  return (
    <span className="person-voice" data-speaking={speaking} data-muted={state.muted}>
      {label !== "" && (
        <span
          className={speaking ? "person-voice__icon person-voice__icon--speaking" : "person-voice__icon"}
          role="img"
          aria-label={label}
          title={label}
        >
          {state.mic ? <MicIcon muted={state.muted} size={16} /> : <HeadphonesIcon />}
        </span>
      )}
      {!isSelf && (
        <>
          <button
            type="button"
            className="button--quiet person-voice__volume"
            aria-label={t("voice.volumeFor", { name: person.name })}
            aria-expanded={adjusting}
            aria-controls={id}
            onClick={() => setAdjusting(!adjusting)}
          >
            <SpeakerIcon silent={volume === 0} />
          </button>
          {adjusting && (
            <input
              id={id}
              type="range"
              min={0}
              max={VOLUME_MAX}
              step={0.1}
              value={volume}
              aria-label={t("voice.volumeFor", { name: person.name })}
              aria-valuetext={`${Math.round(volume * 100)} %`}
              onChange={(event) =>
                useVoiceStore.setState((s) => ({ volumes: { ...s.volumes, [person.id]: Number(event.target.value) } }))
              }
              onKeyDown={(event) => event.key === "Escape" && setAdjusting(false)}
              autoFocus
            />
          )}
        </>
      )}
    </span>
  );
}
