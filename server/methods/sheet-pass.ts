import { defineRecordType } from "../storage/records";
import type { StoredRecord } from "../storage/store";
import {
  hushedMembers,
  sheetPassSchema,
  sheetPassesFor,
  shownSheetPass,
  type SheetPass,
} from "../../shared/methods/sheet-pass";
import type { MethodsRun } from "../../shared/methods/run";
import type { RoomApi } from "../commands/registry";
import type { ClientPrivate } from "../commands/dispatch";

/**
 * The room's Brainwriting sheets (shared/methods/sheet-pass.ts holds the rules), one set for each
 * Brainwriting step that has run: kept in memory and each in a record of its own, stored before any
 * row is acknowledged, so a restart loses none.
 */
export const sheetPassRecord = defineRecordType({ kind: "methods.sheetPass", schema: sheetPassSchema });

/** A step's sheets are named by its entry, so two Brainwriting steps keep two sets. */
export const sheetPassRecordId = (entry: number) => `entry-${entry}`;
/** Where a server from before steps had sheets of their own kept its one set. */
export const LEGACY_SHEET_PASS_ID = "sheets";

interface RoomSheets {
  byEntry: Map<number, SheetPass>;
  /** Entries whose sheets were read from the legacy record: it goes when they are next stored. */
  legacy: Set<number>;
}

const rooms = new WeakMap<RoomApi, RoomSheets>();
/** Each room's changes one after another: six people writing at once must each build on the others' rows. */
const queues = new WeakMap<RoomApi, Promise<unknown>>();

function sheetsOf(room: RoomApi): RoomSheets {
  let sheets = rooms.get(room);
  if (!sheets) {
    sheets = { byEntry: new Map(), legacy: new Set() };
    rooms.set(room, sheets);
  }
  return sheets;
}

/** Every Brainwriting step's sheets, in step order. */
export function sheetPassesOf(room: RoomApi): SheetPass[] {
  return [...sheetsOf(room).byEntry.values()].sort((a, b) => a.entry - b.entry);
}

/** The sheets people see: the latest step's. */
export function sheetPassOf(room: RoomApi): SheetPass | null {
  return shownSheetPass(sheetPassesOf(room));
}

/** The sheets of the step at run entry `entry`, if it handed any out. */
export function sheetPassAt(room: RoomApi, entry: number): SheetPass | null {
  return sheetsOf(room).byEntry.get(entry) ?? null;
}

/**
 * The stored sheets by entry, from a session's records: each step's own record, or the legacy one
 * (a step's own record wins should both name the same entry). Records of other kinds are ignored.
 */
export function storedSheetPasses(
  records: readonly StoredRecord[],
  unreadable: (message: string) => void,
): { byEntry: Map<number, SheetPass>; legacy: Set<number> } {
  const byEntry = new Map<number, SheetPass>();
  const legacy = new Set<number>();
  for (const record of records) {
    if (record.kind !== sheetPassRecord.kind) continue;
    try {
      const pass = sheetPassRecord.decode(record);
      const fromLegacy = record.id === LEGACY_SHEET_PASS_ID;
      if (fromLegacy) legacy.add(pass.entry);
      if (!fromLegacy || !byEntry.has(pass.entry)) byEntry.set(pass.entry, pass);
    } catch (error) {
      unreadable(error instanceof Error ? error.message : String(error));
    }
  }
  return { byEntry, legacy };
}

/** Takes the stored sheets back after a restart. */
export function restoreSheetPasses(room: RoomApi, records: readonly StoredRecord[]): void {
  const stored = storedSheetPasses(records, (m) => console.error("sheets unreadable:", m));
  const sheets = sheetsOf(room);
  for (const [entry, pass] of stored.byEntry) sheets.byEntry.set(entry, pass);
  for (const entry of stored.legacy) sheets.legacy.add(entry);
}

/**
 * Stores `next` as the sheets of `entry` (null drops them); memory changes only once it is durable.
 * Sheets read from the legacy record move to their step's own record the first time they are stored.
 */
export async function commitSheetPass(
  room: RoomApi,
  entry: number,
  next: SheetPass | null,
  now: number,
): Promise<boolean> {
  const sheets = sheetsOf(room);
  try {
    if (next) await room.saveRecord(sheetPassRecord.encode(sheetPassRecordId(entry), next, now));
    else if (sheets.byEntry.has(entry)) await room.deleteRecord(sheetPassRecord.kind, sheetPassRecordId(entry));
    if (sheets.legacy.has(entry)) await room.deleteRecord(sheetPassRecord.kind, LEGACY_SHEET_PASS_ID);
  } catch (error) {
    console.error("sheets not saved:", error instanceof Error ? error.message : error);
    return false;
  }
  sheets.legacy.delete(entry);
  if (next) sheets.byEntry.set(entry, next);
  else sheets.byEntry.delete(entry);
  return true;
}

/**
 * Runs `change` on the latest sheets once every earlier change is stored (a queue per room), so two
 * rows written at the same moment both land.
 */
export function queueSheetChange<T>(room: RoomApi, change: () => Promise<T>): Promise<T> {
  const before = queues.get(room) ?? Promise.resolve();
  const run = before.then(change, change);
  queues.set(
    room,
    run.catch(() => undefined),
  );
  return run;
}

/**
 * Brings the sheets in line with the run (shared `sheetPassesFor`): Back before a Brainwriting step
 * drops its sheets, a Brainwriting step just entered hands out its own, and a joiner placed in one of
 * its groups gets a blank sheet. Each step's sheets are kept after it, for the group to read and export.
 * Call it inside `queueSheetChange`.
 */
export async function syncSheetPasses(room: RoomApi, run: MethodsRun, now: number): Promise<void> {
  const { drop, put } = sheetPassesFor(sheetPassesOf(room), run);
  for (const entry of drop.sort((a, b) => b - a)) {
    if (!(await commitSheetPass(room, entry, null, now))) console.error("sheets not dropped with the step");
  }
  if (put && !(await commitSheetPass(room, put.entry, put, now))) console.error("sheets not changed with the step");
}

/** The sheets belong to the step the run is on now (not one gone back past or moved on from). */
export function sheetsAreCurrent(pass: SheetPass, run: MethodsRun): boolean {
  return pass.entry === run.entries.length - 1;
}

/** The sheets of the step the run is on now, if it is a Brainwriting step that handed some out. */
export function currentSheetPass(room: RoomApi, run: MethodsRun): SheetPass | null {
  return sheetPassAt(room, run.entries.length - 1);
}

/** Silent writing in this room's terms: the session ids whose voice nobody hears now. */
export function hushedSessions(room: RoomApi, run: MethodsRun): Set<string> {
  const pass = currentSheetPass(room, run);
  const out = new Set<string>();
  if (!pass) return out;
  const hushed = new Set(hushedMembers(pass));
  if (hushed.size === 0) return out;
  for (const client of room.clients) {
    const uid = (client.userData as ClientPrivate | undefined)?.uid;
    if (uid && hushed.has(uid)) out.add(client.sessionId);
  }
  return out;
}
