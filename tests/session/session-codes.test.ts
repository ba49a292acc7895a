import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  normaliseSessionCode,
  SESSION_CODE_ALPHABET,
  SESSION_CODE_PATTERN,
  sessionCodeSchema,
} from "../../shared/protocol";
import {
  generateFacilitatorSecret,
  generateSessionCode,
  hashSecret,
  secretMatches,
} from "../../server/session/secrets";
import { intBelow, mulberry32 } from "../../shared/random";

describe("normaliseSessionCode", () => {
  it("upper-cases, drops spaces and punctuation, and re-inserts the dashes", () => {
    expect(normaliseSessionCode("k7m4pqxrt")).toBe("K7M-4PQ-XRT");
    expect(normaliseSessionCode(" k7m 4pq xrt ")).toBe("K7M-4PQ-XRT");
    expect(normaliseSessionCode("K7M–4PQ.XRT")).toBe("K7M-4PQ-XRT");
    expect(normaliseSessionCode("K7M-4PQ-XRT")).toBe("K7M-4PQ-XRT");
  });

  it("leaves a code of the wrong length compact, so the pattern refuses it", () => {
    expect(normaliseSessionCode("k7m-4pq")).toBe("K7M4PQ");
    expect(SESSION_CODE_PATTERN.test(normaliseSessionCode("k7m-4pq-xrtt"))).toBe(false);
  });
});

describe("SESSION_CODE_PATTERN", () => {
  it("accepts three dashed groups of three from the alphabet", () => {
    expect(SESSION_CODE_PATTERN.test("K7M-4PQ-XRT")).toBe(true);
    expect(SESSION_CODE_PATTERN.test("222-ZZZ-999")).toBe(true);
  });

  it("refuses the look-alike characters the alphabet leaves out", () => {
    for (const ch of ["0", "O", "1", "I", "L", "5", "S"]) {
      expect(SESSION_CODE_ALPHABET.includes(ch), ch).toBe(false);
      expect(SESSION_CODE_PATTERN.test(`K7M-4PQ-XR${ch}`), ch).toBe(false);
    }
  });

  it("refuses lower case, missing dashes and extra characters", () => {
    expect(SESSION_CODE_PATTERN.test("k7m-4pq-xrt")).toBe(false);
    expect(SESSION_CODE_PATTERN.test("K7M4PQXRT")).toBe(false);
    expect(SESSION_CODE_PATTERN.test("K7M-4PQ-XRT ")).toBe(false);
    expect(SESSION_CODE_PATTERN.test("XK7M-4PQ-XRT")).toBe(false);
  });

  it("agrees with the schema used for joining", () => {
    expect(sessionCodeSchema.parse("k7m 4pq xrt")).toBe("K7M-4PQ-XRT");
    expect(sessionCodeSchema.safeParse("K7M-4PQ-XR0").success).toBe(false);
  });
});

describe("generateSessionCode", () => {
  it("draws each of the nine characters from the alphabet with the injected picker", () => {
    const asked: number[] = [];
    const picks = [0, 1, 2, 3, 4, 5, 26, 27, 28];
    const code = generateSessionCode((max) => {
      asked.push(max);
      return picks[asked.length - 1]!;
    });
    expect(asked).toEqual(Array(9).fill(SESSION_CODE_ALPHABET.length));
    const a = SESSION_CODE_ALPHABET;
    expect(code).toBe(`${a[0]}${a[1]}${a[2]}-${a[3]}${a[4]}${a[5]}-${a[26]}${a[27]}${a[28]}`);
  });

  it("always produces a code the pattern and normalisation accept unchanged", () => {
    const seed = 0xc0de;
    const random = mulberry32(seed);
    for (let i = 0; i < 500; i++) {
      const code = generateSessionCode((max) => intBelow(random, max));
      expect(SESSION_CODE_PATTERN.test(code), `seed ${seed}, run ${i}: ${code}`).toBe(true);
      expect(normaliseSessionCode(code.toLowerCase())).toBe(code);
    }
  });

  it("uses crypto randomness by default", () => {
    const codes = new Set(Array.from({ length: 50 }, () => generateSessionCode()));
    expect(codes.size).toBe(50);
    for (const code of codes) expect(code).toMatch(SESSION_CODE_PATTERN);
  });
});

describe("facilitator secrets", () => {
  it("are 256 random bits in URL-safe base64", () => {
    const secret = generateFacilitatorSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret, "base64url")).toHaveLength(32);
    expect(generateFacilitatorSecret()).not.toBe(secret);
  });

  it("hash to the SHA-256 hex digest", () => {
    // FIPS 180-2 test vector for "abc".
    expect(hashSecret("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const secret = generateFacilitatorSecret();
    expect(hashSecret(secret)).toBe(createHash("sha256").update(secret).digest("hex"));
  });

  it("match only their own stored hash", () => {
    const secret = generateFacilitatorSecret();
    const stored = hashSecret(secret);
    expect(secretMatches(secret, stored)).toBe(true);
    expect(secretMatches(secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A"), stored)).toBe(false);
    expect(secretMatches(generateFacilitatorSecret(), stored)).toBe(false);
  });

  it("do not match a malformed or empty stored hash (and do not throw)", () => {
    const secret = generateFacilitatorSecret();
    expect(secretMatches(secret, "")).toBe(false);
    expect(secretMatches(secret, "not hex at all")).toBe(false);
    expect(secretMatches(secret, hashSecret(secret).slice(0, 62))).toBe(false);
  });
});
