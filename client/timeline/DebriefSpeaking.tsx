import { useMemo } from "react";
import { loggedSpeaking } from "../../shared/coaching/speaking";
import type { TimelineItem } from "../../shared/timeline/log";
import { zoneNamesIn } from "../../shared/timeline/markers";
import { useT } from "../i18n/locale";

/**
 * The debrief's speaking time up to the slider's moment: each zone's total and its organisations'
 * shares, from the timeline's `speak` events. The log never holds per-person figures, so neither does this.
 */
export function DebriefSpeaking({ items, at }: { items: readonly TimelineItem[]; at: number }) {
  const t = useT();
  const speech = useMemo(() => items.filter((item) => item.e === "speak"), [items]);
  const zoneNames = useMemo(() => zoneNamesIn(items), [items]);
  const zones = useMemo(() => loggedSpeaking(speech.filter((item) => item.at <= at)), [speech, at]);
  const rows = [...zones]
    .map(([zone, organisations]) => ({
      zone,
      name: zone === "" ? t("timeline.plenary") : (zoneNames.get(zone) ?? "–"),
      totalMs: organisations.reduce((sum, o) => sum + o.ms, 0),
      organisations,
    }))
    .filter((row) => row.totalMs > 0)
    .sort((a, b) => (a.zone === "" ? -1 : b.zone === "" ? 1 : a.name.localeCompare(b.name)));
  return (
    <section className="debrief__panel" aria-labelledby="debrief-speaking" data-testid="debrief-speaking">
      <h2 id="debrief-speaking">{t("speaking.debriefTitle")}</h2>
      <p className="debrief__none">{t("speaking.debriefHelp")}</p>
      {rows.length === 0 ? (
        <p data-testid="debrief-speaking-none">{t("speaking.debriefNone")}</p>
      ) : (
        <ul className="debrief__speaking">
          {rows.map((row) => {
            const seconds = Math.round(row.totalMs / 1000);
            return (
              <li key={row.zone || "plenary"} data-speaking-zone={row.zone}>
                <strong>
                  {t("speaking.debriefZone", {
                    zone: row.name,
                    minutes: Math.floor(seconds / 60),
                    seconds: seconds % 60,
                  })}
                </strong>
                <ul>
                  {row.organisations.map((o) => (
                    <li key={o.organisation} className="debrief__share">
                      <span className="debrief__share-name">{o.organisation || t("speaking.noOrganisation")}</span>
                      <span className="debrief__share-bar" aria-hidden="true">
                        <span style={{ width: `${Math.round(o.share * 100)}%` }} />
                      </span>
                      <span>{t("speaking.share", { percent: Math.round(o.share * 100) })}</span>
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
