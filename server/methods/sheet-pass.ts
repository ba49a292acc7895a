import { defineRecordType } from "../storage/records";
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
import { perStepStore } from "./per-step-store";

/**
 * The room's Brainwriting sheets (shared/methods/sheet-pass.ts holds the rules), one set for each
 * Brainwriting step that has run, each stored before any row is acknowledged, so a restart loses none.
 */
export const sheetPassRecord = defineRecordType({ kind: "methods.sheetPass", schema: sheetPassSchema });

/** Where a server from before steps had sheets of their own kept its one set. */
export const LEGACY_SHEET_PASS_ID = "sheets";

export const sheetPasses = perStepStore({
  recordType: sheetPassRecord,
  legacyId: LEGACY_SHEET_PASS_ID,
  label: "sheets",
});

/** The sheets people see: the latest step's. */
export function sheetPassOf(room: RoomApi): SheetPass | null {
  return shownSheetPass(sheetPasses.all(room));
}

/**
 * Brings the sheets in line with the run (shared `sheetPassesFor`): Back before a Brainwriting step
 * drops its sheets, a Brainwriting step just entered hands out its own, and a joiner placed in one of
 * its groups gets a blank sheet. Each step's sheets are kept after it, for the group to read and export.
 * Call it inside `sheetPasses.queue`.
 */
export async function syncSheetPasses(room: RoomApi, run: MethodsRun, now: number): Promise<void> {
  const { drop, put } = sheetPassesFor(sheetPasses.all(room), run);
  for (const entry of drop.sort((a, b) => b - a)) {
    if (!(await sheetPasses.commit(room, entry, null, now))) console.error("sheets not dropped with the step");
  }
  if (put && !(await sheetPasses.commit(room, put.entry, put, now))) console.error("sheets not changed with the step");
}

/** The sheets belong to the step the run is on now (not one gone back past or moved on from). */
export function sheetsAreCurrent(pass: SheetPass, run: MethodsRun): boolean {
  return pass.entry === run.entries.length - 1;
}

/** The sheets of the step the run is on now, if it is a Brainwriting step that handed some out. */
export function currentSheetPass(room: RoomApi, run: MethodsRun): SheetPass | null {
  return sheetPasses.at(room, run.entries.length - 1);
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
