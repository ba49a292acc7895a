import { z } from "zod";
import { defineRecordType } from "../storage/records";

/** A countdown as stored (see shared/timers/timer.ts); a running one keeps running across a restart. */
export const timerSchema = z.object({
  status: z.enum(["idle", "running", "paused", "done"]),
  durationMs: z.number().finite().min(0),
  remainingMs: z.number().finite().min(0),
  stampedAt: z.number().finite(),
});

/** The plenary's countdown (each zone's is stored with its zone). */
export const timerRecord = defineRecordType({ kind: "timer", schema: timerSchema });
