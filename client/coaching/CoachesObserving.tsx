import "./coaching.css";
import { useT } from "../i18n/locale";
import { useCoachingStore } from "./coaching-store";

/**
 * "1 coach observing", for everyone: observing is never hidden from the people being watched.
 * Inside the room the count comes from the state; on the join page, from the session's lookup.
 */
export function CoachesObserving({ count: given }: { count?: number }) {
  const t = useT();
  const live = useCoachingStore((s) => s.coaches);
  const count = given ?? live;
  if (count <= 0) return null;
  return (
    <p className="coaching-observing" role="note" data-testid="coaches-observing">
      <strong>{t("coaching.observing", { count })}</strong> <span>{t("coaching.observingHelp")}</span>
    </p>
  );
}
