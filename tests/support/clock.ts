/**
 * The server's clock in room tests (`startTestServer({ now: clock.now })`): real time, plus whatever
 * the test skips ahead, so a cooldown or a countdown passes at once instead of after a fixed sleep.
 */
export function skippableClock(): { now: () => number; skip(ms: number): void } {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    skip(ms) {
      offset += ms;
    },
  };
}
