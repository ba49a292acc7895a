import type { Locale } from "../protocol/common";
import { catalog, type MessageKey } from "./catalog";

export type { MessageKey };

const tables: Record<Locale, Record<MessageKey, string>> = catalog;
const en = catalog.en;

export type TranslateParams = Record<string, string | number>;

/** Keys that have `_one` / `_other` forms, addressed without the suffix. */
type PluralBase<K> = K extends `${infer B}_one` ? B : never;
export type TranslationKey = MessageKey | PluralBase<MessageKey>;

/**
 * Looks up a string in the chosen language and fills in `{placeholders}`.
 * With a numeric `count`, a key without suffix picks its `_one` or `_other` form.
 */
export function translate(locale: Locale, key: TranslationKey, params?: TranslateParams): string {
  const table = tables[locale] ?? en;
  let resolved = key as MessageKey;
  if (!(key in table) && typeof params?.count === "number") {
    const rule = new Intl.PluralRules(locale).select(params.count);
    resolved = (rule === "one" ? `${key}_one` : `${key}_other`) as MessageKey;
  }
  const template = table[resolved] ?? en[resolved] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Picks the first supported language from a browser's preference list. */
export function pickLocale(preferences: readonly string[], fallback: Locale = "fi"): Locale {
  for (const tag of preferences) {
    const base = tag.toLowerCase().split("-")[0];
    if (base === "fi" || base === "sv" || base === "en") return base;
  }
  return fallback;
}

export function isMessageKey(key: string): key is MessageKey {
  // Every language has the same keys, and the browser may hold only its visitor's language.
  return Object.values(tables).some((table) => key in table);
}
