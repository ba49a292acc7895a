import { describe, expect, it } from "vitest";
import { isMessageKey, pickLocale, translate, type MessageKey } from "../../shared/i18n";
import { catalog } from "../../shared/i18n/catalog";
import { ERROR_CODES } from "../../shared/protocol";

const { en, fi, sv } = catalog;
const keys = Object.keys(en) as MessageKey[];
const tables = catalog;

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

describe("translation tables", () => {
  it("have the same keys in every language", () => {
    expect(Object.keys(fi).sort()).toEqual([...keys].sort());
    expect(Object.keys(sv).sort()).toEqual([...keys].sort());
  });

  it.each(Object.keys(tables) as (keyof typeof tables)[])("have no empty string in %s", (locale) => {
    const table: Record<string, string> = tables[locale];
    const empty = keys.filter((key) => typeof table[key] !== "string" || table[key].trim() === "");
    expect(empty).toEqual([]);
  });

  it.each(["fi", "sv"] as const)("use exactly the English placeholders in %s", (locale) => {
    const mismatched = keys
      .filter((key) => placeholders(tables[locale][key]).join() !== placeholders(en[key]).join())
      .map((key) => `${key}: ${tables[locale][key]}`);
    expect(mismatched).toEqual([]);
  });

  it("translate every error code the server can send", () => {
    const missing = ERROR_CODES.filter((code) => !isMessageKey(`errors.${code}`));
    expect(missing).toEqual([]);
  });
});

describe("translate", () => {
  it("returns the string of the chosen language", () => {
    expect(translate("fi", "session.leave")).toBe(fi["session.leave"]);
    expect(translate("sv", "session.leave")).toBe(sv["session.leave"]);
    expect(translate("en", "session.leave")).toBe(en["session.leave"]);
  });

  it("fills every named placeholder and leaves unknown ones visible", () => {
    const text = translate("en", "join.heading", { title: "Kick-off" });
    expect(text).toContain("Kick-off");
    expect(text).not.toContain("{title}");
    expect(translate("en", "join.heading", { other: "x" })).toContain("{title}");
    expect(translate("fi", "notFound.body", { code: "K7M-4PQ-XRT" })).toContain("K7M-4PQ-XRT");
  });

  it("does not treat placeholder-like text in a value as a template", () => {
    // A name that looks like another placeholder stays as typed: filling is a single pass.
    expect(translate("en", "people.actionsFor", { name: "{count}", count: 3 })).toContain("{count}");
    expect(translate("en", "people.actionsFor", { name: "$& $1" })).toContain("$& $1");
  });

  it("picks the singular or plural form by count, per language", () => {
    for (const locale of ["en", "fi", "sv"] as const) {
      const table = tables[locale];
      expect(translate(locale, "people.count", { count: 1 })).toBe(table["people.count_one"].replace("{count}", "1"));
      expect(translate(locale, "people.count", { count: 0 })).toBe(table["people.count_other"].replace("{count}", "0"));
      expect(translate(locale, "people.count", { count: 2 })).toBe(table["people.count_other"].replace("{count}", "2"));
      expect(translate(locale, "people.count", { count: 150 })).toBe(
        table["people.count_other"].replace("{count}", "150"),
      );
    }
    expect(translate("en", "people.count", { count: 1 })).not.toBe(translate("en", "people.count", { count: 2 }));
  });

  it("falls back to English for a locale it does not know, and to the key for a key it does not know", () => {
    expect(translate("de" as never, "session.leave")).toBe(en["session.leave"]);
    expect(translate("en", "no.such.key" as never)).toBe("no.such.key");
  });
});

describe("pickLocale", () => {
  it("takes the first supported language from the browser's list", () => {
    expect(pickLocale(["de-DE", "sv-FI", "en-GB"])).toBe("sv");
    expect(pickLocale(["EN-us", "fi"])).toBe("en");
    expect(pickLocale(["fi-FI"])).toBe("fi");
  });

  it("falls back to Finnish, or to the given fallback, when nothing matches", () => {
    expect(pickLocale([])).toBe("fi");
    expect(pickLocale(["de", "fr"])).toBe("fi");
    expect(pickLocale(["de"], "en")).toBe("en");
  });

  it("does not mistake a longer code for a supported one", () => {
    expect(pickLocale(["fil", "svk", "eng"], "en")).toBe("en");
  });
});
