import { create } from "zustand";
import { useCallback } from "react";
import { LOCALES, type Locale } from "../../shared/protocol/common";
import { pickLocale, translate, type TranslateParams, type TranslationKey } from "../../shared/i18n";

const STORAGE_KEY = "yhteistila.locale";

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  return pickLocale(globalThis.navigator?.languages ?? []);
}

interface LocaleStore {
  locale: Locale;
  setLocale(locale: Locale): void;
}

/** The interface language, chosen per user and remembered in this browser. */
export const useLocaleStore = create<LocaleStore>((set) => ({
  locale: initialLocale(),
  setLocale(locale) {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    document.documentElement.lang = locale;
    set({ locale });
  },
}));

export type Translate = (key: TranslationKey, params?: TranslateParams) => string;

/** Returns `t(key, params)` in the current language; components re-render when it changes. */
export function useT(): Translate {
  const locale = useLocaleStore((s) => s.locale);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}
