import { describe, expect, it } from "vitest";
import {
  IDLE_TIMER,
  addTime,
  crossings,
  formatClock,
  pauseTimer,
  remainingAt,
  resumeTimer,
  settle,
  startTimer,
} from "../../shared/timers/timer";
import { bestEstimate, estimateFromSample, serverNow } from "../../shared/timers/clock";

const T0 = 1_800_000_000_000;

describe("countdown arithmetic on the server's clock", () => {
  it("counts down, pauses, resumes, takes additions and finishes", () => {
    let timer = startTimer(5 * 60_000, T0);
    expect(remainingAt(timer, T0 + 60_000)).toBe(4 * 60_000);
    timer = pauseTimer(timer, T0 + 60_000);
    expect(remainingAt(timer, T0 + 10 * 60_000)).toBe(4 * 60_000);
    timer = resumeTimer(timer, T0 + 10 * 60_000);
    timer = addTime(timer, 60_000, T0 + 11 * 60_000);
    expect(remainingAt(timer, T0 + 11 * 60_000)).toBe(4 * 60_000);
    expect(timer.durationMs).toBe(6 * 60_000);
    expect(settle(timer, T0 + 14 * 60_000)).toBe(timer);
    const done = settle(timer, T0 + 15 * 60_000 + 1);
    expect(done.status).toBe("done");
    expect(remainingAt(done, T0 + 20 * 60_000)).toBe(0);
  });

  it("starts again with the added time once finished or idle", () => {
    const done = settle(startTimer(10_000, T0), T0 + 20_000);
    const again = addTime(done, 300_000, T0 + 30_000);
    expect(again.status).toBe("running");
    expect(remainingAt(again, T0 + 30_000)).toBe(300_000);
    expect(addTime(IDLE_TIMER, 60_000, T0).status).toBe("running");
  });

  it("keeps durations within bounds", () => {
    expect(startTimer(1, T0).durationMs).toBe(10_000);
    expect(startTimer(10 * 3600_000, T0).durationMs).toBe(4 * 3600_000);
  });

  it("shows whole seconds rounded up, and announces the one-minute mark and the end once", () => {
    expect(formatClock(65_000)).toBe("1:05");
    expect(formatClock(59_001)).toBe("1:00");
    expect(formatClock(3_723_000)).toBe("1:02:03");
    expect(crossings(61_000, 60_000, 300_000)).toEqual({ warning: true, end: false });
    expect(crossings(60_000, 59_000, 300_000)).toEqual({ warning: false, end: false });
    expect(crossings(500, 0, 300_000)).toEqual({ warning: false, end: true });
    // A countdown of a minute or less has no one-minute warning.
    expect(crossings(61_000, 59_000, 60_000).warning).toBe(false);
  });
});

describe("clients with wrong clocks", () => {
  // The server's clock, and a client's clock that is `skew` ms off.
  function client(skew: number, oneWayMs: number) {
    return {
      sample(serverAt: number) {
        const sentAt = serverAt - oneWayMs + skew;
        return { sentAt, serverTime: serverAt, receivedAt: sentAt + 2 * oneWayMs };
      },
      clock: (serverAt: number) => serverAt + skew,
    };
  }

  for (const skew of [0, -90_000, 3 * 60_000, -7 * 3600_000, 12_345]) {
    it(`shows the same time left with a client clock ${skew / 1000} s off`, () => {
      const c = client(skew, 40);
      const estimate = bestEstimate([c.sample(T0), c.sample(T0 + 1000)]);
      expect(estimate!.offsetMs).toBeCloseTo(-skew, 5);
      const timer = startTimer(10 * 60_000, T0 + 2000);
      const later = T0 + 2000 + 3 * 60_000;
      const shown = remainingAt(timer, serverNow(c.clock(later), estimate));
      expect(shown).toBeCloseTo(7 * 60_000, 5);
      // Without the correction the same client would be off by the whole skew.
      if (skew !== 0) expect(Math.abs(remainingAt(timer, c.clock(later)) - 7 * 60_000)).toBeGreaterThan(10_000);
    });
  }

  it("trusts the sample with the shortest round trip when the network is uneven", () => {
    // Asymmetric, slow answers overestimate; the quick one is right to within its half round trip.
    const samples = [
      { sentAt: 0, receivedAt: 900, serverTime: 5000 + 850 },
      { sentAt: 1000, receivedAt: 1020, serverTime: 5000 + 1010 },
      { sentAt: 2000, receivedAt: 2600, serverTime: 5000 + 2050 },
    ];
    const best = bestEstimate(samples)!;
    expect(best.rttMs).toBe(20);
    expect(best.offsetMs).toBe(5000);
    expect(estimateFromSample(samples[0]!).offsetMs).not.toBe(5000);
    expect(bestEstimate([])).toBeNull();
    expect(serverNow(100, null)).toBe(100);
  });
});
