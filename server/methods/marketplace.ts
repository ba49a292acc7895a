import { defineRecordType } from "../storage/records";
import {
  marketNow,
  marketSchema,
  marketsFor,
  openMarket,
  shownMarket,
  slotTasks,
  type Market,
} from "../../shared/methods/marketplace";
import type { MethodsRun } from "../../shared/methods/run";
import { IDLE_TIMER, startTimer, TIMER_LIMITS } from "../../shared/timers/timer";
import { currentStepEndsAt } from "../../shared/methods/run";
import { ZONE_LIMITS } from "../../shared/zones/geometry";
import type { RoomApi } from "../commands/registry";
import { writeTimer } from "../timers/write";
import { saveZone } from "../zones/records";
import { perStepStore } from "./per-step-store";

/**
 * The room's Open Space marketplaces (shared/methods/marketplace.ts holds the rules), one for each
 * marketplace the run opened (a morning and an afternoon Open Space keep two), each stored before any
 * post is acknowledged, so a restart loses none.
 */
export const marketRecord = defineRecordType({ kind: "methods.market", schema: marketSchema });

/** Where a server from before each marketplace had a record of its own kept its one marketplace. */
export const LEGACY_MARKET_ID = "market";

export const markets = perStepStore({ recordType: marketRecord, legacyId: LEGACY_MARKET_ID, label: "marketplace" });

/** The marketplace people see and post on: the latest one opened. */
export function marketOf(room: RoomApi): Market | null {
  return shownMarket(markets.all(room));
}

/**
 * Brings the marketplaces in line with the run (shared `marketsFor`): Back before a marketplace's
 * opening step drops it, and an opening step just entered opens a fresh grid on the room's zones. The
 * earlier marketplaces are kept as they were, to read, harvest and export. Then each zone of any of
 * them says what runs there now (`showSlot`). Call it inside `markets.queue`.
 */
export async function syncMarkets(room: RoomApi, run: MethodsRun, now: number): Promise<void> {
  const before = markets.all(room);
  const shownBefore = shownMarket(before);
  const { drop, open } = marketsFor(
    before.map((m) => m.entry),
    run,
  );
  const dropped = before.filter((m) => drop.includes(m.entry));
  for (const entry of drop.sort((a, b) => b - a)) {
    if (!(await markets.commit(room, entry, null, now))) console.error("marketplace not dropped with the step");
  }
  if (open !== null) {
    const entry = run.entries[open]!;
    const mechanic = run.plan?.steps[entry.step]?.mechanic;
    if (mechanic?.kind === "marketplace") {
      // The room's zones in letter order, as a method hands them out (boards.ts zoneIdsOf).
      const zones = [...room.state.zones.values()]
        .sort((a, b) => a.letter.localeCompare(b.letter))
        .map((zone) => ({ id: zone.id, letter: zone.letter }));
      if (!(await markets.commit(room, open, openMarket(open, mechanic, zones), now))) {
        console.error("marketplace not opened with the step");
      }
    }
  }
  // The zones the marketplace shown until now (and any dropped) used are cleared or rewritten too.
  await showSlot(room, [...(shownBefore ? [shownBefore] : []), ...dropped], marketOf(room), run, now);
}

/**
 * Each column's zone says what runs there now: the topic of the shown marketplace's running slot as its
 * task, on a clock to the step's end; idle and blank outside a slot. Only the zones of `touched` (those
 * the change touched, the shown one among them) are touched.
 */
export async function showSlot(
  room: RoomApi,
  touched: readonly Market[],
  market: Market | null,
  run: MethodsRun,
  now: number,
): Promise<void> {
  const ids = new Set([...touched, ...(market ? [market] : [])].flatMap((m) => m.zones.map((z) => z.id)));
  const zones = [...ids].flatMap((id) => room.state.zones.get(id) ?? []);
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
