/**
 * A token bucket: `perSecond` tokens refill continuously up to `burst`. Pure, with time passed in,
 * so both the room's per-command limits and the HTTP limits share it and tests need no clock.
 */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export interface Bucket {
  tokens: number;
  at: number;
}

export function fullBucket(limit: RateLimit, now: number): Bucket {
  return { tokens: limit.burst, at: now };
}

/** Takes one token if there is one; returns the new bucket and whether the action may go ahead. */
export function take(bucket: Bucket, limit: RateLimit, now: number): { allowed: boolean; bucket: Bucket } {
  const elapsed = Math.max(0, now - bucket.at) / 1000;
  const tokens = Math.min(limit.burst, bucket.tokens + elapsed * limit.perSecond);
  if (tokens < 1) return { allowed: false, bucket: { tokens, at: now } };
  return { allowed: true, bucket: { tokens: tokens - 1, at: now } };
}

/** Buckets keyed by a string (an IP address, a client id and command), forgetting idle keys. */
export class KeyedRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly maxKeys = 10_000,
  ) {}

  allow(key: string, now: number): boolean {
    const current = this.buckets.get(key) ?? fullBucket(this.limit, now);
    const { allowed, bucket } = take(current, this.limit, now);
    if (this.buckets.size >= this.maxKeys && !this.buckets.has(key)) this.forgetFull(now);
    this.buckets.set(key, bucket);
    return allowed;
  }

  /** Drops buckets that have refilled completely: they carry no information. */
  private forgetFull(now: number): void {
    const refillMs = (this.limit.burst / this.limit.perSecond) * 1000;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at >= refillMs) this.buckets.delete(key);
    }
    // Under a flood of distinct keys, start over rather than grow without bound.
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}
