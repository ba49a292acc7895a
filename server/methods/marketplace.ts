import { defineRecordType } from "../storage/records";
import { marketNow, marketSchema, openMarket, slotTasks, type Market } from "../../shared/methods/marketplace";
import type { MethodsRun } from "../../shared/methods/run";
import { IDLE_TIMER, startTimer, TIMER_LIMITS } from "../../shared/timers/timer";
import { currentStepEndsAt } from "../../shared/methods/run";
import { ZONE_LIMITS } from "../../shared/zones/geometry";
import type { RoomApi } from "../commands/registry";
import { writeTimer } from "../timers/write";
import { saveZone } from "../zones/records";

/**
 * The room's Open Space marketplace (shared/methods/marketplace.ts holds the rules): kept in memory and
 * in its own record, stored before any post is acknowledged, so a restart loses none.
 */
export const marketRecord = defineRecordType({ kind: "methods.market", schema: marketSchema });
export const MARKET_ID = "market";

const markets = new WeakMap<RoomApi, Market>();

export function marketOf(room: RoomApi): Market | null {
  return markets.get(room) ?? null;
}

export function restoreMarket(room: RoomApi, market: Market): void {
  markets.set(room, market);
}

/** Stores `next` as the marketplace (null drops it); memory changes only once it is durable. */
export async function commitMarket(room: RoomApi, next: Market | null, now: number): Promise<boolean> {
  try {
    if (next) await room.saveRecord(marketRecord.encode(MARKET_ID, next, now));
    else if (markets.has(room)) await room.deleteRecord(marketRecord.kind, MARKET_ID);
  } catch (error) {
    console.error("marketplace not saved:", error instanceof Error ? error.message : error);
    return false;
  }
  if (next) markets.set(room, next);
  else markets.delete(room);
  return true;
}

/**
 * The marketplace the run now calls for: a fresh one at the first marketplace step, none when Back
 * went before that step (or a new plan), else the one there is (slots and the harvest keep it).
 */
export function marketForRun(room: RoomApi, current: Market | null, run: MethodsRun): Market | null {
  const last = run.entries.length - 1;
  if (current && current.entry > last) return null;
  if (current) return current;
  const entry = run.entries[last];
  const mechanic = entry && run.plan?.steps[entry.step]?.mechanic;
  if (mechanic?.kind !== "marketplace") return null;
  // The room's zones in letter order, as a method hands them out (boards.ts zoneIdsOf).
  const zones = [...room.state.zones.values()]
    .sort((a, b) => a.letter.localeCompare(b.letter))
    .map((zone) => ({ id: zone.id, letter: zone.letter }));
  return openMarket(last, mechanic, zones);
}

/**
 * Each column's zone says what runs there now: the topic of the running slot as its task, on a clock
 * to the step's end; idle and blank outside a slot. Only the marketplace's own zones are touched.
 */
export async function showSlot(room: RoomApi, market: Market | null, run: MethodsRun, now: number): Promise<void> {
  const zones = (market?.zones ?? []).flatMap((z) => room.state.zones.get(z.id) ?? []);
  if (zones.length === 0) return;
  const at = market ? marketNow(market, run) : { slot: -1, closed: true };
  const tasks = market && !at.closed && at.slot >= 0 ? slotTasks(market, at.slot) : new Map<string, string>();
  const endsAt = currentStepEndsAt(run) ?? now;
  const ms = Math.min(TIMER_LIMITS.maxMs, Math.max(TIMER_LIMITS.minMs, endsAt - now));
  const changed = zones.filter((zone) => {
    const task = (tasks.get(zone.id) ?? "").slice(0, ZONE_LIMITS.taskMax);
    if (zone.work.task === task) return false;
    zone.work.task = task;
    writeTimer(zone.work.timer, task ? startTimer(ms, now) : IDLE_TIMER);
    return true;
  });
  await Promise.all(changed.map((zone) => saveZone(room, zone, now)));
}
