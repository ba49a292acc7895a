import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { SESSION_CODE_ALPHABET } from "../../shared/protocol";

/** A random session code like `K7M-4PQ-XRT`; `pick` is injectable so tests can fix it. */
export function generateSessionCode(pick: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < 9; i++) {
    if (i === 3 || i === 6) code += "-";
    code += SESSION_CODE_ALPHABET[pick(SESSION_CODE_ALPHABET.length)];
  }
  return code;
}

/** 256 random bits, URL-safe: the facilitator's key to a session. */
export function generateFacilitatorSecret(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The secret has 256 bits of entropy, so a plain SHA-256 is enough to make the stored hash useless
 * to whoever reads the database; a slow password hash would only slow down joining.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A person's stable id in one session: a hash of the key their browser keeps, salted with the
 * session code so the same browser is a different person in every session. Without a key (an old
 * client) the person is new at every connection.
 */
export function personUid(code: string, personKey: string | undefined, fallback: string): string {
  if (!personKey) return `c-${fallback}`;
  return createHash("sha256").update(`${code}\u0000${personKey}`, "utf8").digest("base64url").slice(0, 22);
}
