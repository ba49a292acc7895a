import { defineRecordType } from "../storage/records";
import type { StoredRecord } from "../storage/store";
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

/**
 * The room's Open Space marketplaces (shared/methods/marketplace.ts holds the rules), one for each
 * marketplace the run opened (a morning and an afternoon Open Space keep two): kept in memory and each
 * in a record of its own, stored before any post is acknowledged, so a restart loses none.
 */
export const marketRecord = defineRecordType({ kind: "methods.market", schema: marketSchema });

/** A marketplace's record is named by the entry of the step that opened it. */
export const marketRecordId = (entry: number) => `entry-${entry}`;
/** Where a server from before each marketplace had a record of its own kept its one marketplace. */
export const LEGACY_MARKET_ID = "market";

interface RoomMarkets {
  byEntry: Map<number, Market>;
  /** Entries whose marketplace was read from the legacy record: it goes when that one is next stored. */
  legacy: Set<number>;
}

const rooms = new WeakMap<RoomApi, RoomMarkets>();
/** Each room's changes one after another: two topics posted at once must each build on the other. */
const queues = new WeakMap<RoomApi, Promise<unknown>>();

/** Runs `change` on the latest marketplaces once every earlier change is stored (a queue per room). */
export function queueMarketChange<T>(room: RoomApi, change: () => Promise<T>): Promise<T> {
  const before = queues.get(room) ?? Promise.resolve();
  const run = before.then(change, change);
  queues.set(
    room,
    run.catch(() => undefined),
  );
  return run;
}

function marketsOfRoom(room: RoomApi): RoomMarkets {
  let markets = rooms.get(room);
  if (!markets) {
    markets = { byEntry: new Map(), legacy: new Set() };
    rooms.set(room, markets);
  }
  return markets;
}

/** Every marketplace of the run, in step order. */
export function marketsOf(room: RoomApi): Market[] {
  return [...marketsOfRoom(room).byEntry.values()].sort((a, b) => a.entry - b.entry);
}

/** The marketplace people see and post on: the latest one opened. */
export function marketOf(room: RoomApi): Market | null {
  return shownMarket(marketsOf(room));
}

/**
 * The stored marketplaces by entry, from a session's records: each one's own record, or the legacy one
 * (a marketplace's own record wins should both name the same entry). Records of other kinds are ignored.
 */
export function storedMarkets(
  records: readonly StoredRecord[],
  unreadable: (message: string) => void,
): { byEntry: Map<number, Market>; legacy: Set<number> } {
  const byEntry = new Map<number, Market>();
  const legacy = new Set<number>();
  for (const record of records) {
    if (record.kind !== marketRecord.kind) continue;
    try {
      const market = marketRecord.decode(record);
      const fromLegacy = record.id === LEGACY_MARKET_ID;
      if (fromLegacy) legacy.add(market.entry);
      if (!fromLegacy || !byEntry.has(market.entry)) byEntry.set(market.entry, market);
    } catch (error) {
      unreadable(error instanceof Error ? error.message : String(error));
    }
  }
  return { byEntry, legacy };
}

/** Takes the stored marketplaces back after a restart. */
export function restoreMarkets(room: RoomApi, records: readonly StoredRecord[]): void {
  const stored = storedMarkets(records, (m) => console.error("marketplace unreadable:", m));
  const markets = marketsOfRoom(room);
  for (const [entry, market] of stored.byEntry) markets.byEntry.set(entry, market);
  for (const entry of stored.legacy) markets.legacy.add(entry);
}

/**
 * Stores `next` as the marketplace opened at `entry` (null drops it); memory changes only once it is
 * durable. One read from the legacy record moves to its own record the first time it is stored.
 */
export async function commitMarket(room: RoomApi, entry: number, next: Market | null, now: number): Promise<boolean> {
  const markets = marketsOfRoom(room);
  try {
    if (next) await room.saveRecord(marketRecord.encode(marketRecordId(entry), next, now));
    else if (markets.byEntry.has(entry) && !markets.legacy.has(entry)) {
      await room.deleteRecord(marketRecord.kind, marketRecordId(entry));
    }
    if (markets.legacy.has(entry)) await room.deleteRecord(marketRecord.kind, LEGACY_MARKET_ID);
  } catch (error) {
    console.error("marketplace not saved:", error instanceof Error ? error.message : error);
    return false;
  }
  markets.legacy.delete(entry);
  if (next) markets.byEntry.set(entry, next);
  else markets.byEntry.delete(entry);
  return true;
}

/**
 * Brings the marketplaces in line with the run (shared `marketsFor`): Back before a marketplace's
 * opening step drops it, and an opening step just entered opens a fresh grid on the room's zones. The
 * earlier marketplaces are kept as they were, to read, harvest and export. Then each zone of any of
 * them says what runs there now (`showSlot`). Call it inside `queueMarketChange`.
 */
export async function syncMarkets(room: RoomApi, run: MethodsRun, now: number): Promise<void> {
  const before = marketsOf(room);
  const shownBefore = shownMarket(before);
  const { drop, open } = marketsFor(
    before.map((m) => m.entry),
    run,
  );
  const dropped = before.filter((m) => drop.includes(m.entry));
  for (const entry of drop.sort((a, b) => b - a)) {
    if (!(await commitMarket(room, entry, null, now))) console.error("marketplace not dropped with the step");
  }
  if (open !== null) {
    const entry = run.entries[open]!;
    const mechanic = run.plan?.steps[entry.step]?.mechanic;
    if (mechanic?.kind === "marketplace") {
      // The room's zones in letter order, as a method hands them out (boards.ts zoneIdsOf).
      const zones = [...room.state.zones.values()]
        .sort((a, b) => a.letter.localeCompare(b.letter))
        .map((zone) => ({ id: zone.id, letter: zone.letter }));
      if (!(await commitMarket(room, open, openMarket(open, mechanic, zones), now))) {
        console.error("marketplace not opened with the step");
      }
    }
  }
  // The zones the marketplace shown until now (and any dropped) used are cleared or rewritten too.
  await showSlot(room, [...(shownBefore ? [shownBefore] : []), ...dropped], marketOf(room), run, now);
}

/**
 * Each column's zone says what runs there now: the topic of the shown marketplace's running slot as its
 * task, on a clock to the step's end; idle and blank outside a slot. Only the zones of `markets` (those
 * the change touched, the shown one among them) are touched.
 */
export async function showSlot(
  room: RoomApi,
  markets: readonly Market[],
  market: Market | null,
  run: MethodsRun,
  now: number,
): Promise<void> {
  const ids = new Set([...markets, ...(market ? [market] : [])].flatMap((m) => m.zones.map((z) => z.id)));
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
