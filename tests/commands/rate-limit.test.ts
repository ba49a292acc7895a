import { describe, expect, it } from "vitest";
import { fullBucket, KeyedRateLimiter, take, type RateLimit } from "../../server/commands/rate-limit";

const limit: RateLimit = { perSecond: 2, burst: 3 };

describe("take", () => {
  it("allows a full burst at once, then refuses", () => {
    let bucket = fullBucket(limit, 0);
    const allowed: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const verdict = take(bucket, limit, 0);
      allowed.push(verdict.allowed);
      bucket = verdict.bucket;
    }
    expect(allowed).toEqual([true, true, true, false]);
    expect(bucket).toEqual({ tokens: 0, at: 0 });
  });

  it("refills continuously at the rate: half a second brings back one token at 2/s", () => {
    const empty = { tokens: 0, at: 1000 };
    expect(take(empty, limit, 1499).allowed).toBe(false);
    const refused = take(empty, limit, 1499);
    expect(refused.bucket.tokens).toBeCloseTo(0.998, 9);
    expect(refused.bucket.at).toBe(1499);
    const verdict = take(empty, limit, 1500);
    expect(verdict.allowed).toBe(true);
    expect(verdict.bucket.tokens).toBeCloseTo(0, 9);
  });

  it("never banks more than the burst however long the pause", () => {
    const verdict = take({ tokens: 0, at: 0 }, limit, 3_600_000);
    expect(verdict.bucket.tokens).toBe(limit.burst - 1);
  });

  it("does not mint tokens when the clock steps backwards", () => {
    const verdict = take({ tokens: 0.5, at: 5000 }, limit, 4000);
    expect(verdict.allowed).toBe(false);
    expect(verdict.bucket.tokens).toBe(0.5);
  });

  it("lets a refused attempt keep the partial refill it earned", () => {
    // 0.4 s at 2/s = 0.8 tokens: refused; 0.1 s later the bucket has 1.0 and allows.
    const refused = take({ tokens: 0, at: 0 }, limit, 400);
    expect(refused.allowed).toBe(false);
    expect(take(refused.bucket, limit, 500).allowed).toBe(true);
  });
});

describe("KeyedRateLimiter", () => {
  it("keeps a separate bucket per key", () => {
    const limiter = new KeyedRateLimiter({ perSecond: 1, burst: 2 });
    expect([limiter.allow("a", 0), limiter.allow("a", 0), limiter.allow("a", 0)]).toEqual([true, true, false]);
    expect(limiter.allow("b", 0)).toBe(true);
    expect(limiter.allow("a", 1000)).toBe(true);
    expect(limiter.allow("a", 1000)).toBe(false);
  });

  it("when full, forgets only keys whose buckets have refilled, and remembers one still draining", () => {
    const limiter = new KeyedRateLimiter({ perSecond: 1, burst: 2 }, 2);
    limiter.allow("idle", 0);
    limiter.allow("busy", 1500);
    limiter.allow("busy", 1500); // busy: 0 tokens at 1.5 s
    // A third key at 2 s: "idle" (refilled after 2 s) is dropped, "busy" is kept.
    expect(limiter.allow("new", 2000)).toBe(true);
    // busy has refilled only 0.5 tokens since 1.5 s: a forgotten bucket would have allowed this.
    expect(limiter.allow("busy", 2000)).toBe(false);
    expect(sizeOf(limiter)).toBe(2);
  });

  it("under a flood of distinct keys starts over rather than growing without bound", () => {
    const limiter = new KeyedRateLimiter({ perSecond: 1, burst: 1 }, 100);
    expect(limiter.allow("victim", 0)).toBe(true);
    expect(limiter.allow("victim", 0)).toBe(false);
    for (let i = 0; i < 1000; i++) limiter.allow(`flood-${i}`, 0);
    expect(sizeOf(limiter)).toBeLessThanOrEqual(100);
    // The reset gave everyone, the victim included, a fresh bucket.
    expect(limiter.allow("victim", 0)).toBe(true);
  });
});

/** The limiter's memory footprint is its point; read the private map rather than add an accessor for tests. */
function sizeOf(limiter: KeyedRateLimiter): number {
  return (limiter as unknown as { buckets: Map<string, unknown> }).buckets.size;
}
