import { defineRecordType } from "../storage/records";
import { cardPassSchema, startCardPass, type CardPass } from "../../shared/methods/card-pass";
import type { MethodsRun } from "../../shared/methods/run";
import type { RoomApi } from "../commands/registry";

/**
 * The room's 25/10 card pass (shared/methods/card-pass.ts holds the rules): kept in memory and in
 * its own record, stored before any score or card is acknowledged, so a restart loses none.
 */
export const cardPassRecord = defineRecordType({ kind: "methods.cardPass", schema: cardPassSchema });
export const CARD_PASS_ID = "pass";

const passes = new WeakMap<RoomApi, CardPass>();

export function cardPassOf(room: RoomApi): CardPass | null {
  return passes.get(room) ?? null;
}

export function restoreCardPass(room: RoomApi, pass: CardPass): void {
  passes.set(room, pass);
}

/** Stores `next` as the pass (null drops it); the pass in memory changes only once it is durable. */
export async function commitCardPass(room: RoomApi, next: CardPass | null, now: number): Promise<boolean> {
  try {
    if (next) await room.saveRecord(cardPassRecord.encode(CARD_PASS_ID, next, now));
    else if (passes.has(room)) await room.deleteRecord(cardPassRecord.kind, CARD_PASS_ID);
  } catch (error) {
    console.error("card pass not saved:", error instanceof Error ? error.message : error);
    return false;
  }
  if (next) passes.set(room, next);
  else passes.delete(room);
  return true;
}

/**
 * The pass the run now calls for: a fresh one when its last step is a cardPass step just entered,
 * none when Back went before the step that started it (or a new plan), a revealed one when the run
 * moved on while cards were still passing, else the one there is.
 */
export function cardPassForRun(current: CardPass | null, run: MethodsRun): CardPass | null {
  const last = run.entries.length - 1;
  if (current && current.entry > last) return null;
  // Moving on from a pass still running reveals what was scored so far (25/10's next step is the reveal).
  if (current && current.entry < last && current.phase === "passing") return { ...current, phase: "done" };
  const entry = run.entries[last];
  const mechanic = entry && run.plan?.steps[entry.step]?.mechanic;
  if (mechanic?.kind === "cardPass" && (!current || current.entry !== last)) {
    return startCardPass(last, mechanic, (run.seed + last * 7919) | 0);
  }
  return current;
}

/** The pass belongs to the step the run is on now (not one gone back past or moved on from). */
export function passIsCurrent(pass: CardPass, run: MethodsRun): boolean {
  return pass.entry === run.entries.length - 1;
}
