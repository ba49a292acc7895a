/**
 * Each capability keeps its strings in one file here, all three languages side by side:
 * English defines the keys, and Finnish and Swedish must define exactly the same ones
 * (the type checker refuses a missing or extra key). `{name}` marks a value filled in at run time.
 */
export function defineStrings<const T extends Record<string, string>>(strings: {
  en: T;
  fi: { [K in keyof T]: string };
  sv: { [K in keyof T]: string };
}) {
  return strings;
}
