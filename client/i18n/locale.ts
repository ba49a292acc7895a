import { create } from "zustand";
import { useCallback } from "react";
import { LOCALES, type Locale } from "../../shared/protocol/constants";
import { pickLocale, translate, type TranslateParams, type TranslationKey } from "../../shared/i18n";
import { loadStrings } from "./strings";

const STORAGE_KEY = "yhteistila.locale";

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  return pickLocale(globalThis.navigator?.languages ?? []);
}

const initial = initialLocale();
/** The visitor's language, requested as soon as the app starts; main.tsx renders once it is here. */
export const initialStringsReady = loadStrings(initial);

interface LocaleStore {
  locale: Locale;
  setLocale(locale: Locale): void;
}

let latestChoice: Locale = initial;

/**
 * The interface language, chosen per user and remembered in this browser. A newly chosen language
 * takes effect once its strings have arrived, so the page never shows raw keys in between.
 */
export const useLocaleStore = create<LocaleStore>((set) => ({
  locale: initial,
  setLocale(locale) {
    latestChoice = locale;
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    const apply = () => {
      if (latestChoice !== locale) return; // a later choice overrides this one
      document.documentElement.lang = locale;
      set({ locale });
    };
    // If the strings cannot be fetched, switch anyway: English fallbacks and keys beat a dead control.
    void loadStrings(locale).then(apply, apply);
  },
}));

export type Translate = (key: TranslationKey, params?: TranslateParams) => string;

/** Returns `t(key, params)` in the current language; components re-render when it changes. */
export function useT(): Translate {
  const locale = useLocaleStore((s) => s.locale);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}
