import { describe, expect, it } from "vitest";
import { checkDisplayName, checkOrganisation, checkSessionTitle, parseJoinInput } from "../../shared/session/input";

describe("names and titles are refused with their reason", () => {
  it("refuses an empty or all-space name", () => {
    for (const raw of ["", "   ", "\t \n", "\u200b\u200b"]) {
      expect(checkDisplayName(raw), JSON.stringify(raw)).toMatchObject({ ok: false, reason: "empty" });
    }
  });
  it("says a name is too long, with the limit and its length, instead of cutting it", () => {
    expect(checkDisplayName("A".repeat(200))).toEqual({ ok: false, reason: "too_long", max: 40, length: 200 });
    expect(checkDisplayName("A".repeat(40))).toEqual({ ok: true, value: "A".repeat(40) });
    // Spaces around and between words are tidied before counting, as the server does.
    expect(checkDisplayName(`  ${"B".repeat(20)}      ${"C".repeat(19)}  `)).toMatchObject({ ok: true });
  });
  it("refuses control characters and bidi overrides", () => {
    expect(checkDisplayName("Anna\u202eevil")).toMatchObject({ ok: false, reason: "unprintable" });
  });
  it("keeps a tidied name", () => {
    expect(checkDisplayName("  Anna   Virtanen ")).toEqual({ ok: true, value: "Anna Virtanen" });
  });
  it("lets the organisation be empty but not too long", () => {
    expect(checkOrganisation("  ")).toEqual({ ok: true, value: "" });
    expect(checkOrganisation("x".repeat(61))).toMatchObject({ ok: false, reason: "too_long", max: 60 });
  });
  it("checks a session title the same way", () => {
    expect(checkSessionTitle(" ")).toMatchObject({ ok: false, reason: "empty" });
    expect(checkSessionTitle("t".repeat(81))).toMatchObject({ ok: false, reason: "too_long", max: 80 });
  });
});

describe("join with a code", () => {
  it("takes a code as typed or read aloud", () => {
    for (const raw of ["k7m-4pq-xrt", "K7M 4PQ XRT", "k7m4pqxrt", "  K7M-4PQ-XRT  "]) {
      expect(parseJoinInput(raw), raw).toEqual({ ok: true, value: { code: "K7M-4PQ-XRT" } });
    }
  });
  it("takes the code out of a pasted link, and a facilitator link's key with it", () => {
    expect(parseJoinInput("https://tila.example.fi/s/K7M-4PQ-XRT")).toEqual({
      ok: true,
      value: { code: "K7M-4PQ-XRT" },
    });
    expect(parseJoinInput("http://127.0.0.1:8080/s/k7m-4pq-xrt/")).toEqual({
      ok: true,
      value: { code: "K7M-4PQ-XRT" },
    });
    expect(parseJoinInput("tila.example.fi/s/K7M-4PQ-XRT#host=abc_DEF-123")).toEqual({
      ok: true,
      value: { code: "K7M-4PQ-XRT", host: "abc_DEF-123" },
    });
  });
  it("says why a code cannot be used", () => {
    expect(parseJoinInput("   ")).toEqual({ ok: false, reason: "empty" });
    expect(parseJoinInput("K7M-4PQ")).toEqual({ ok: false, reason: "wrong_length", length: 6 });
    expect(parseJoinInput("K7M-4PQ-XRTT")).toEqual({ ok: false, reason: "wrong_length", length: 10 });
    // O, 0, 1, I, L, S and 5 are left out of codes because they are easily mixed up.
    expect(parseJoinInput("KOM-4PQ-XR1")).toEqual({ ok: false, reason: "bad_characters", characters: "O 1" });
    expect(parseJoinInput("https://tila.example.fi/about")).toEqual({ ok: false, reason: "not_session_link" });
  });
});
