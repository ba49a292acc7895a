import { create } from "zustand";
import { bestEstimate, serverNow, type ClockEstimate, type ClockSample } from "../../shared/timers/clock";
import type { BindingContext } from "../session/binding";

interface ClockStore {
  estimate: ClockEstimate | null;
}

/** This client's estimate of the server's clock (see shared/timers/clock.ts). */
export const useClockStore = create<ClockStore>(() => ({ estimate: null }));

/** The server's time now, as well as this client can tell. */
export function serverTime(): number {
  return serverNow(Date.now(), useClockStore.getState().estimate);
}

/** A few quick samples at the start, then one now and then: clocks drift and networks change. */
const FIRST_SAMPLES_MS = [0, 300, 700, 1200, 2000];
const RESAMPLE_MS = 30_000;
const KEEP_SAMPLES = 8;

export function bindServerClock({ connection }: BindingContext): () => void {
  const samples: ClockSample[] = [];
  const pending = new Set<number>();
  const ask = () => {
    const t = Date.now();
    pending.add(t);
    connection.send("timers.sync", { t });
  };
  const off = connection.on("timers.sync", ({ t, server }) => {
    if (!pending.delete(t)) return;
    samples.push({ sentAt: t, receivedAt: Date.now(), serverTime: server });
    if (samples.length > KEEP_SAMPLES) samples.shift();
    useClockStore.setState({ estimate: bestEstimate(samples) });
  });
  const timers = FIRST_SAMPLES_MS.map((delay) => setTimeout(ask, delay));
  const interval = setInterval(ask, RESAMPLE_MS);
  return () => {
    off();
    timers.forEach(clearTimeout);
    clearInterval(interval);
  };
}
