import { create } from "zustand";
import { defineAction } from "../actions/registry";

/**
 * Settings a person needs to take part at all, remembered in this browser: larger text, high
 * contrast, reduced motion (by default what the system asks for) and voices in mono, from the middle
 * instead of from each speaker's direction (for one ear, one speaker, or a hearing aid).
 */
export interface AccessibilitySettings {
  largerText: boolean;
  highContrast: boolean;
  reducedMotion: boolean;
  monoVoices: boolean;
}

const KEY = "yhteistila.accessibility";

function systemAsksForLessMotion(): boolean {
  return globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
}

function load(): AccessibilitySettings {
  const defaults = {
    largerText: false,
    highContrast: false,
    reducedMotion: systemAsksForLessMotion(),
    monoVoices: false,
  };
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? "null") as Partial<AccessibilitySettings> | null;
    const out = { ...defaults };
    for (const key of Object.keys(defaults) as (keyof AccessibilitySettings)[]) {
      if (typeof saved?.[key] === "boolean") out[key] = saved[key];
    }
    return out;
  } catch {
    return defaults;
  }
}

export const useAccessibilitySettings = create<AccessibilitySettings>(load);

export function toggleSetting(key: keyof AccessibilitySettings): void {
  useAccessibilitySettings.setState((s) => ({ [key]: !s[key] }));
  globalThis.localStorage?.setItem(KEY, JSON.stringify(useAccessibilitySettings.getState()));
}

/** The page follows the settings through attributes on <html>, which styles.css reads. */
export function applyToPage(settings: AccessibilitySettings, root: HTMLElement = document.documentElement): void {
  root.toggleAttribute("data-larger-text", settings.largerText);
  root.toggleAttribute("data-high-contrast", settings.highContrast);
  root.toggleAttribute("data-reduced-motion", settings.reducedMotion);
}

const toggle = (key: keyof AccessibilitySettings, labelKey: Parameters<typeof defineAction>[0]["labelKey"]) =>
  defineAction({
    id: `accessibility.${key}`,
    labelKey,
    group: "comfort",
    pressed: () => useAccessibilitySettings.getState()[key],
    run: () => toggleSetting(key),
  });

/** Toggles in the session menu, beside the chime's. */
export const accessibilityActions = [
  toggle("largerText", "a11y.setting.largerText"),
  toggle("highContrast", "a11y.setting.highContrast"),
  toggle("reducedMotion", "a11y.setting.reducedMotion"),
  toggle("monoVoices", "a11y.setting.monoVoices"),
];
