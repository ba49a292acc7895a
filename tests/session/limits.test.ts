import { describe, expect, it } from "vitest";
import { maxPeopleFrom } from "../../server/session/limits";
import { MAX_PEOPLE } from "../../shared/protocol/constants";

describe("MAX_PEOPLE", () => {
  it("is the product's 500 when unset or blank", () => {
    expect(maxPeopleFrom(undefined)).toBe(MAX_PEOPLE);
    expect(maxPeopleFrom("  ")).toBe(MAX_PEOPLE);
    expect(MAX_PEOPLE).toBe(500);
  });

  it("lowers the limit to an operator's whole number", () => {
    expect(maxPeopleFrom("2")).toBe(2);
    expect(maxPeopleFrom("150")).toBe(150);
    expect(maxPeopleFrom(String(MAX_PEOPLE))).toBe(MAX_PEOPLE);
  });

  it.each(["1", "0", "-5", "501", "12.5", "many", "1e9"])("refuses %s with a message naming the setting", (value) => {
    expect(() => maxPeopleFrom(value)).toThrow(/MAX_PEOPLE must be a whole number from 2 to 500/);
  });
});
