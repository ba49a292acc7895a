import type { MessageKey } from "../../shared/i18n/catalog";
import type { Locale } from "../../shared/protocol/constants";

/**
 * The browser's stand-in for shared/i18n/catalog.ts (client/i18n/build-plugin.ts swaps it in): the tables
 * start empty and a language is fetched, from this host, the first time it is needed. A visitor downloads
 * only their own language before the join form instead of all three (about 15 KB gzip instead of 43 KB).
 * shared/i18n keeps translating from these same objects, so nothing else in the client changes.
 */
export const catalog: Record<Locale, Record<MessageKey, string>> = {
  en: {} as Record<MessageKey, string>,
  fi: {} as Record<MessageKey, string>,
  sv: {} as Record<MessageKey, string>,
};

const loaders: Record<Locale, () => Promise<{ default: Record<string, string> }>> = {
  en: () => import("virtual:yhteistila/strings/en"),
  fi: () => import("virtual:yhteistila/strings/fi"),
  sv: () => import("virtual:yhteistila/strings/sv"),
};

const loading = new Map<Locale, Promise<void>>();

/** Fetches a language's table once; later calls share the same promise. A failed fetch may be retried. */
export function loadStrings(locale: Locale): Promise<void> {
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale]().then(({ default: table }) => {
      Object.assign(catalog[locale], table);
    });
    pending.catch(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}
