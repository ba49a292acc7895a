import { defineRecordType } from "../storage/records";
import {
  hushedMembers,
  joinSheetPass,
  sheetPassSchema,
  startSheetPass,
  type SheetPass,
} from "../../shared/methods/sheet-pass";
import { groupOf, type MethodsRun } from "../../shared/methods/run";
import type { RoomApi } from "../commands/registry";
import type { ClientPrivate } from "../commands/dispatch";

/**
 * The room's Brainwriting sheets (shared/methods/sheet-pass.ts holds the rules): kept in memory and
 * in their own record, stored before any row is acknowledged, so a restart loses none.
 */
export const sheetPassRecord = defineRecordType({ kind: "methods.sheetPass", schema: sheetPassSchema });
export const SHEET_PASS_ID = "sheets";

const sheets = new WeakMap<RoomApi, SheetPass>();
/** Each room's changes one after another: six people writing at once must each build on the others' rows. */
const queues = new WeakMap<RoomApi, Promise<unknown>>();

export function sheetPassOf(room: RoomApi): SheetPass | null {
  return sheets.get(room) ?? null;
}

export function restoreSheetPass(room: RoomApi, pass: SheetPass): void {
  sheets.set(room, pass);
}

/** Stores `next` as the sheets (null drops them); the sheets in memory change only once durable. */
export async function commitSheetPass(room: RoomApi, next: SheetPass | null, now: number): Promise<boolean> {
  try {
    if (next) await room.saveRecord(sheetPassRecord.encode(SHEET_PASS_ID, next, now));
    else if (sheets.has(room)) await room.deleteRecord(sheetPassRecord.kind, SHEET_PASS_ID);
  } catch (error) {
    console.error("sheets not saved:", error instanceof Error ? error.message : error);
    return false;
  }
  if (next) sheets.set(room, next);
  else sheets.delete(room);
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
 * The sheets the run now calls for: fresh ones when its last step is a sheetPass step just entered
 * (one sheet per member of each of its groups), none when Back went before the step that started them
 * (or a new plan), else the ones there are (kept after moving on, for the group to read and export),
 * with anyone who has joined a group of the step since given a sheet in its round.
 */
export function sheetPassForRun(current: SheetPass | null, run: MethodsRun): SheetPass | null {
  const last = run.entries.length - 1;
  if (current && current.entry > last) return null;
  const entry = run.entries[last];
  const step = entry && run.plan?.steps[entry.step];
  const mechanic = step?.mechanic;
  if (entry && step && mechanic?.kind === "sheetPass" && (!current || current.entry !== last)) {
    return startSheetPass(last, mechanic, entry.groups, step.silent, entry.startedAt);
  }
  // Someone the run placed in a group while the sheets go round gets a blank sheet in that group's round.
  if (!current || current.entry !== last || !entry) return current;
  let next = current;
  for (const uid of entry.groups.flat()) next = joinSheetPass(next, uid, groupOf(run, uid));
  return next;
}

/** The sheets belong to the step the run is on now (not one gone back past or moved on from). */
export function sheetsAreCurrent(pass: SheetPass, run: MethodsRun): boolean {
  return pass.entry === run.entries.length - 1;
}

/** Silent writing in this room's terms: the session ids whose voice nobody hears now. */
export function hushedSessions(room: RoomApi, run: MethodsRun): Set<string> {
  const pass = sheetPassOf(room);
  const out = new Set<string>();
  if (!pass || !sheetsAreCurrent(pass, run)) return out;
  const hushed = new Set(hushedMembers(pass));
  if (hushed.size === 0) return out;
  for (const client of room.clients) {
    const uid = (client.userData as ClientPrivate | undefined)?.uid;
    if (uid && hushed.has(uid)) out.add(client.sessionId);
  }
  return out;
}
