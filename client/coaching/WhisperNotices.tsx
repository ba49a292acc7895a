import "./coaching.css";
import { useT } from "../i18n/locale";
import { coachingActions, useCoachingStore } from "./coaching-store";
import { CoachTalkingNotice } from "./CoachVoice";

/** A coach's whispers, as notices a facilitator dismisses when read (they do not time out unseen). */
export function WhisperNotices() {
  const t = useT();
  const notices = useCoachingStore((s) => s.notices);
  const talking = useCoachingStore((s) => Object.keys(s.talking).length > 0 && !s.isCoach);
  if (notices.length === 0 && !talking) return null;
  return (
    <div className="toasts whisper-notices" role="status" aria-live="polite">
      <CoachTalkingNotice />
      {notices.map((whisper) => (
        <div key={whisper.id} className="toast whisper-notice" data-testid="whisper-notice">
          <span>{t("coaching.whisperNotice", { name: whisper.from, text: whisper.text })}</span>
          <button
            type="button"

            aria-label={t("coaching.close")}
            onClick={() => coachingActions.dismiss(whisper.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
