import { describe, expect, it } from "vitest";
import { DISPLAY_NAME_MAX, displayNameSchema, plainText, sessionTitleSchema } from "../../shared/protocol";

function accepted(input: unknown): string {
  const result = displayNameSchema.safeParse(input);
  if (!result.success) throw new Error(`refused ${JSON.stringify(input)}: ${result.error.issues[0]?.message}`);
  return result.data;
}

function refused(input: unknown): boolean {
  return !displayNameSchema.safeParse(input).success;
}

describe("displayNameSchema", () => {
  it("trims and collapses runs of whitespace, newlines and tabs into single spaces", () => {
    expect(accepted("  Anna  ")).toBe("Anna");
    expect(accepted("Anna   Maria\t\tVirtanen")).toBe("Anna Maria Virtanen");
    expect(accepted("Anna\nMaria")).toBe("Anna Maria");
    expect(accepted("\u00a0Åsa\u2003Öberg\u3000")).toBe("Åsa Öberg");
  });

  it("keeps letters of any script and emoji", () => {
    expect(accepted("Jyväskylän Äijä")).toBe("Jyväskylän Äijä");
    expect(accepted("李小龍")).toBe("李小龍");
    expect(accepted("Noor 👩🏽‍💻")).toBe("Noor 👩🏽‍💻");
  });

  it("normalises to NFC so that the same name typed two ways compares equal", () => {
    const decomposed = "A\u0308ij\u00e4"; // A + combining diaeresis
    expect(accepted(decomposed)).toBe("Äijä");
  });

  it("refuses control characters", () => {
    for (const ch of ["\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u009b"]) {
      expect(refused(`An${ch}na`), JSON.stringify(ch)).toBe(true);
    }
  });

  it("refuses bidi overrides, embeddings, isolates and marks", () => {
    for (const ch of ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]) {
      expect(refused(`evil${ch}eman`), JSON.stringify(ch)).toBe(true);
    }
    expect(refused("a\u200eb")).toBe(true);
    expect(refused("a\u200fb")).toBe(true);
  });

  it("refuses the Arabic letter mark, a bidi control like the marks above", () => {
    expect(refused("a\u061cb")).toBe(true);
  });

  it("refuses a name that would show as nothing: only zero-width or blank characters", () => {
    for (const name of ["\u200b", "\u200b\u200b", "\u2060", "\u00ad", "\u200d", "\u3164", "\u2800", "\u200b \u2060"]) {
      expect(refused(name), JSON.stringify(name)).toBe(true);
    }
    expect(accepted("\u200bAnna")).toBe("\u200bAnna");
  });

  it("refuses an empty or whitespace-only name", () => {
    expect(refused("")).toBe(true);
    expect(refused("   \t\n ")).toBe(true);
  });

  it("enforces the maximum length after trimming", () => {
    expect(accepted("x".repeat(DISPLAY_NAME_MAX))).toHaveLength(DISPLAY_NAME_MAX);
    expect(refused("x".repeat(DISPLAY_NAME_MAX + 1))).toBe(true);
    // Padding that trims away does not count against the limit.
    expect(accepted(`   ${"x".repeat(DISPLAY_NAME_MAX)}   `)).toHaveLength(DISPLAY_NAME_MAX);
    // Nor can megabytes of padding be sent to be trimmed.
    expect(refused(" ".repeat(10_000) + "x")).toBe(true);
  });

  it("refuses what is not a string", () => {
    expect(refused(42)).toBe(true);
    expect(refused(null)).toBe(true);
    expect(refused(["Anna"])).toBe(true);
  });
});

describe("plainText", () => {
  it("honours its own bounds", () => {
    const short = plainText(5, 2);
    expect(short.safeParse("a").success).toBe(false);
    expect(short.safeParse("ab").success).toBe(true);
    expect(short.safeParse("abcde").success).toBe(true);
    expect(short.safeParse("abcdef").success).toBe(false);
  });

  it("backs the session title too", () => {
    expect(sessionTitleSchema.parse("  Palvelumuotoilu   päivä 1 ")).toBe("Palvelumuotoilu päivä 1");
    expect(sessionTitleSchema.safeParse("x".repeat(81)).success).toBe(false);
    expect(sessionTitleSchema.safeParse("Day\u202e1").success).toBe(false);
  });
});
