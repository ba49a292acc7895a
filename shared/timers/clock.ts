/**
 * Estimating the server's clock from a client whose own clock may be minutes off. The client asks the
 * server for the time (`timers.sync`), notes when it asked and when the answer came, and assumes the
 * server answered half way (Cristian's algorithm); of several samples the one with the shortest round
 * trip is the most trustworthy.
 */
export interface ClockSample {
  /** Client clock when the question left, ms. */
  sentAt: number;
  /** Client clock when the answer arrived, ms. */
  receivedAt: number;
  /** Server clock in the answer, ms. */
  serverTime: number;
}

export interface ClockEstimate {
  /** Add to the client's clock to get the server's. */
  offsetMs: number;
  /** Round trip of the sample the estimate rests on; the estimate is good to about half of it. */
  rttMs: number;
}

export function estimateFromSample(sample: ClockSample): ClockEstimate {
  const rttMs = Math.max(0, sample.receivedAt - sample.sentAt);
  return { offsetMs: sample.serverTime - (sample.sentAt + rttMs / 2), rttMs };
}

/** The estimate from the sample with the shortest round trip; null with no samples. */
export function bestEstimate(samples: readonly ClockSample[]): ClockEstimate | null {
  let best: ClockEstimate | null = null;
  for (const sample of samples) {
    if (sample.receivedAt < sample.sentAt) continue;
    const estimate = estimateFromSample(sample);
    if (!best || estimate.rttMs < best.rttMs) best = estimate;
  }
  return best;
}

/** The server's time now, from the client's clock and an estimate (no estimate: trust the client). */
export function serverNow(clientNow: number, estimate: ClockEstimate | null): number {
  return clientNow + (estimate?.offsetMs ?? 0);
}
