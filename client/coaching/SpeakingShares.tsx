import { useT } from "../i18n/locale";
import { useSpeakingStore } from "./speaking-store";

/**
 * One zone's speaking time on a balcony card: each member's share (or "not heard yet") and the
 * organisations' shares; the card's flags say when one voice has most of the time. Nothing shows
 * until the server has sent figures, which it does to facilitators and coaches only.
 */
export function SpeakingShares({
  zone,
  zoneName,
  names,
}: {
  zone: string;
  zoneName: string;
  names: Record<string, string>;
}) {
  const t = useT();
  const speaking = useSpeakingStore((s) => s.zones[zone]);
  if (!speaking) return null;
  const percent = (share: number) => t("speaking.share", { percent: Math.round(share * 100) });
  return (
    <div className="balcony__speaking" aria-label={t("speaking.label", { zone: zoneName })} data-speaking-zone={zone}>
      <ul>
        {speaking.people.map((p) => (
          <li key={p.id} data-speaking-person={p.id}>
            {names[p.id] ?? p.id}: {speaking.silent.includes(p.id) ? t("speaking.notHeard") : percent(p.share)}
          </li>
        ))}
      </ul>
      {speaking.organisations.length > 0 && (
        <p className="person__meta">
          {t("speaking.organisations", {
            list: speaking.organisations.map((o) => `${o.organisation || "–"} ${percent(o.share)}`).join(", "),
          })}
        </p>
      )}
    </div>
  );
}
