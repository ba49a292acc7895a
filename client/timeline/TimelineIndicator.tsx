import "./debrief.css";
import { useT } from "../i18n/locale";
import { useTimelineStore } from "./timeline-store";

/** "Timeline on" in the top bar for everyone while the debrief timeline is kept: it is never kept unseen. */
export function TimelineIndicator() {
  const t = useT();
  const on = useTimelineStore((s) => s.on);
  if (!on) return null;
  return (
    <span className="timeline-indicator" role="status" title={t("timeline.indicatorHelp")} data-testid="timeline-on">
      <span aria-hidden="true" className="timeline-indicator__dot" />
      <span className="timeline-indicator__label">{t("timeline.indicator")}</span>
      <span className="visually-hidden">: {t("timeline.indicatorHelp")}</span>
    </span>
  );
}
