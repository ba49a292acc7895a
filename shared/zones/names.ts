import type { TranslateParams, TranslationKey } from "../i18n";

/** What it takes to name a zone: the facilitator's name, or its letter for the default name. */
export interface NamedZone {
  name: string;
  letter: string;
}

/**
 * The name people see: the facilitator's, or the translated default ("Breakout A"). A zone that no
 * longer exists (boards and exports can outlive it) is called a removed zone.
 */
export function zoneDisplayName(
  zone: NamedZone | undefined,
  t: (key: TranslationKey, params?: TranslateParams) => string,
): string {
  if (!zone) return t("zones.removedZone");
  return zone.name || t("zones.defaultName", { letter: zone.letter });
}
