import { passDue, passNow, setVoiceOpen, writeRow, type SheetPass } from "../../shared/methods/sheet-pass";
import { defineCommand, type CommandOutcome, type RoomApi } from "../commands/registry";
import { currentSheetPass, sheetPasses } from "./sheet-pass";
import { runOf, tellEveryone } from "./runtime";

/**
 * Brainwriting's messages: a participant writes their row on the sheet they hold; a facilitator
 * passes a group's sheets now and opens (or closes) the groups' voice in a silent step. The sheets
 * also pass by themselves once every row of a pass is written, or by the clock (`passDueSheets`).
 * Each change is stored before it is acknowledged or told.
 */

type Change = { ok: true; pass: SheetPass } | { ok: false; key: string };

function apply(room: RoomApi, now: number, change: (pass: SheetPass) => Change): Promise<CommandOutcome> {
  return sheetPasses.queue(room, async (): Promise<CommandOutcome> => {
    // Only the current step's sheets are written on: an earlier step's are only read.
    const pass = currentSheetPass(room, runOf(room));
    if (!pass) return { error: "not_found", detail: "methods.sheetPass.none" };
    const result = change(pass);
    if (!result.ok) return { error: "invalid_payload", detail: result.key };
    if (!(await sheetPasses.commit(room, pass.entry, result.pass, now))) return { error: "storage_failed" };
    tellEveryone(room);
    // Silence may have been lifted or put back: voice applies it now.
    if (result.pass.voiceOpen !== pass.voiceOpen) room.screensChanged();
  });
}

/** The server's pass clock, run every second: groups whose time is up pass, stored, then told. */
export function passDueSheets(room: RoomApi): Promise<void> {
  return sheetPasses.queue(room, async () => {
    const pass = currentSheetPass(room, runOf(room));
    if (!pass) return;
    const now = room.services.now();
    const next = passDue(pass, now);
    if (next !== pass && (await sheetPasses.commit(room, pass.entry, next, now))) tellEveryone(room);
  });
}

export const sheetPassCommands = [
  defineCommand({
    name: "methods.sheet.write",
    permission: "member",
    // A row a pass is all a person needs; the burst leaves room for rewrites and a refused try or two.
    rate: { perSecond: 1, burst: 10 },
    overRate: "reject",
    run(ctx, { sheet, row, ideas }) {
      return apply(ctx.room, ctx.now, (pass) => writeRow(pass, ctx.privateData.uid, sheet, row, ideas, ctx.now));
    },
  }),
  defineCommand({
    name: "methods.sheet.pass",
    permission: "facilitator",
    rate: { perSecond: 5, burst: 30 },
    overRate: "reject",
    run(ctx, { group, from }) {
      return apply(ctx.room, ctx.now, (pass) => passNow(pass, group, from, ctx.now));
    },
  }),
  defineCommand({
    name: "methods.sheet.voice",
    permission: "facilitator",
    rate: { perSecond: 2, burst: 10 },
    overRate: "reject",
    run(ctx, { open }) {
      return apply(ctx.room, ctx.now, (pass) => setVoiceOpen(pass, open));
    },
  }),
];
