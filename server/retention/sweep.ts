import type { SessionServices } from "../session/services";
import { deleteSessionEverywhere } from "./delete";

const DAY_MS = 24 * 3600 * 1000;

/**
 * Deletes sessions nobody has changed for `days` days (no new note, vote, upload, nor anything
 * else stored): a session in use is never old, however long ago it was created. A session whose
 * room is open right now is left alone until the next sweep.
 */
export async function sweepOldSessions(services: SessionServices, days: number): Promise<string[]> {
  const cutoff = services.now() - days * DAY_MS;
  const deleted: string[] = [];
  for (const code of await services.store.sessionsIdleSince(cutoff)) {
    if (services.rooms.has(code)) continue;
    await deleteSessionEverywhere(services, code);
    deleted.push(code);
  }
  return deleted;
}

/** Sweeps at start-up and then every few hours; the timer does not keep the process alive. */
export function startRetention(services: SessionServices, days: number, everyMs = 6 * 3600 * 1000): () => void {
  const run = () =>
    sweepOldSessions(services, days).then(
      (deleted) => {
        if (deleted.length > 0) console.log(`Retention: deleted ${deleted.length} session(s) idle for ${days}+ days.`);
      },
      (error: unknown) => console.error("Retention sweep failed:", error instanceof Error ? error.message : error),
    );
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** `RETENTION_DAYS`: a whole number of days, or unset/0 to keep sessions until a facilitator deletes them. */
export function retentionDaysFrom(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "" || value.trim() === "0") return undefined;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 36500) {
    throw new Error(`RETENTION_DAYS must be a whole number of days (1 or more), not "${value}"`);
  }
  return days;
}
