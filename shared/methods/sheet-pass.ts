import { z } from "zod";
import { SHEET_IDEA_MAX, SHEET_IDEAS_MAX } from "./sheet-pass-limits";
import { placeLateJoiner, sheetHolder } from "./grouping";
import { groupOf, type MethodsRun } from "./run";

/**
 * Brainwriting 6-3-5 as pure rules: at the sheetPass step each group gets one sheet per member; at
 * pass p the s-th sheet (at first, the s-th member's) is held by sheetHolder(members, s, p), who writes row p
 * of it (`ideasPerRow` ideas, building on the rows above). Earlier rows are read-only. A group passes
 * when every sheet holder has written their row, when `passSeconds` are up (the server's clock), or
 * when the facilitator passes it; after as many passes as members every sheet is full and the group
 * is done. Authors are stored (to refuse a row not one's own) but never shown: rows are anonymous.
 * Someone who joins while their group is still writing gets a blank sheet of their own that enters the
 * rotation (`joinSheetPass`). A sheet keeps its number for its lifetime: the joiner's is the next free
 * one, whatever its place in the round. Each Brainwriting step of a plan keeps sheets of its own
 * (`sheetPassesFor`).
 */

export { SHEET_IDEA_MAX, SHEET_IDEAS_MAX };

const uid = z.string().max(64);
const rowSchema = z.object({ author: uid, ideas: z.array(z.string().max(SHEET_IDEA_MAX)).max(SHEET_IDEAS_MAX) });
const groupSheetsSchema = z.object({
  members: z.array(uid).min(1).max(64),
  /** Passes done so far: the row being written on every sheet; members.length when the group is done. */
  pass: z.number().int().min(0),
  /** Server time (ms) when the current pass began, for the pass timer. */
  passedAt: z.number(),
  /** sheets[s][p]: the row written at pass p on sheet number s + 1 (missing rows are null). */
  sheets: z.array(z.array(rowSchema.nullable())),
  /**
   * The round: order[k] is the sheet (index in `sheets`) at the k-th place of the rotation, the one
   * sheetHolder(members, k, pass) holds. Absent until someone joins late (and in older records): sheet k.
   */
  order: z.array(z.number().int().min(0)).optional(),
  /**
   * How many passes the group runs: its size when the sheets set out (a late joiner does not lengthen
   * it, so no sheet comes round to anyone twice); absent in older records, where it is the members' count.
   */
  passes: z.number().int().min(1).optional(),
});

export const sheetPassSchema = z.object({
  /** The run entry (index in run.entries) whose step started these sheets; Back past it drops them. */
  entry: z.number().int().min(0),
  ideasPerRow: z.number().int().min(1).max(SHEET_IDEAS_MAX),
  passSeconds: z.number().int().min(1),
  /** Silent writing: voices in the groups are off while this is true and `voiceOpen` is false. */
  silent: z.boolean(),
  /** The facilitator opened the groups' voice (a silent step made talkative). */
  voiceOpen: z.boolean(),
  groups: z.array(groupSheetsSchema).max(200),
});
export type SheetPass = z.infer<typeof sheetPassSchema>;
export type GroupSheets = SheetPass["groups"][number];

export type SheetPassResult = { ok: true; pass: SheetPass } | { ok: false; key: string };
const refuse = (key: string): SheetPassResult => ({ ok: false, key });

export function startSheetPass(
  entry: number,
  mechanic: { ideasPerRow: number; passSeconds: number },
  groups: readonly (readonly string[])[],
  silent: boolean,
  now: number,
): SheetPass {
  return {
    entry,
    ideasPerRow: mechanic.ideasPerRow,
    passSeconds: mechanic.passSeconds,
    silent,
    voiceOpen: false,
    groups: groups
      .filter((members) => members.length > 0)
      .map((members) => ({
        members: [...members],
        pass: 0,
        passedAt: now,
        sheets: members.map(() => []),
        passes: members.length,
      })),
  };
}

export const passesOf = (group: GroupSheets): number => group.passes ?? group.members.length;
export const groupDone = (group: GroupSheets): boolean => group.pass >= passesOf(group);
export const sheetPassDone = (pass: SheetPass): boolean => pass.groups.every(groupDone);

/** The sheet (index in `sheets`, its number less one) at place `place` of the group's round. */
export const sheetAt = (group: GroupSheets, place: number): number => group.order?.[place] ?? place;

/**
 * Where `author` is: their group's index and the sheet they hold now (index in the group's `sheets`,
 * its number less one; null once the group is done).
 */
export function heldSheet(pass: SheetPass, author: string): { group: number; sheet: number | null } | null {
  const group = pass.groups.findIndex((g) => g.members.includes(author));
  if (group < 0) return null;
  const g = pass.groups[group]!;
  if (groupDone(g)) return { group, sheet: null };
  const place = g.members.findIndex((_, k) => sheetHolder(g.members, k, g.pass) === author);
  return { group, sheet: place < 0 ? null : sheetAt(g, place) };
}

/**
 * Someone arriving while the sheets go round joins the group `mates` (their group in the run) are in,
 * or else the smallest group still writing, with a blank sheet of their own. They go last in the round
 * and their sheet goes in at place `members - pass`, which is exactly the place they hold at this pass:
 * every sheet stays in the hands it is in, and from now on the sheets pass round one more person. The
 * new sheet takes the next free number (it is added after the others; only the round's `order` says
 * where it travels), so no other sheet's number changes. The group still runs its first size's number
 * of passes, so no sheet travels all the way round to anyone twice. Unchanged when they already have
 * a group or none is still writing (after the last pass there is no sheet to give).
 */
export function joinSheetPass(pass: SheetPass, joiner: string, mates: readonly string[]): SheetPass {
  if (pass.groups.some((g) => g.members.includes(joiner))) return pass;
  const together = new Set(mates);
  let at = pass.groups.findIndex((g) => g.members.some((member) => together.has(member)));
  if (at < 0) {
    const writing = pass.groups.flatMap((g, i) => (groupDone(g) ? [] : [i]));
    const smallest = placeLateJoiner(
      writing.map((i) => pass.groups[i]!.members),
      { id: joiner, organisation: "" },
      () => "",
      { mix: false },
    );
    at = smallest < 0 ? -1 : writing[smallest]!;
  }
  const group = pass.groups[at];
  if (!group || groupDone(group)) return pass;
  const slot = group.members.length - group.pass;
  const blank: GroupSheets["sheets"][number] = Array.from({ length: group.pass }, () => null);
  const order = group.order ?? group.sheets.map((_, s) => s);
  const joined: GroupSheets = {
    ...group,
    passes: passesOf(group),
    members: [...group.members, joiner],
    sheets: [...group.sheets, blank],
    order: [...order.slice(0, slot), group.sheets.length, ...order.slice(slot)],
  };
  return { ...pass, groups: pass.groups.map((g, i) => (i === at ? joined : g)) };
}

/** Rows written at the current pass, of how many sheets. */
export function groupProgress(group: GroupSheets): { written: number; sheets: number } {
  if (groupDone(group)) return { written: group.sheets.length, sheets: group.sheets.length };
  return { written: group.sheets.filter((rows) => rows[group.pass]).length, sheets: group.sheets.length };
}

function passGroup(pass: SheetPass, index: number, now: number): SheetPass {
  const groups = pass.groups.map((g, i) =>
    i === index && !groupDone(g)
      ? {
          ...g,
          pass: g.pass + 1,
          passedAt: now,
          // A row nobody wrote stays an empty place, so later rows keep their pass's index.
          sheets: g.sheets.map((rows) => (rows.length > g.pass ? rows : [...rows, null])),
        }
      : g,
  );
  return { ...pass, groups };
}

/**
 * `author` writes (or rewrites, until the pass) their row on the sheet they hold: `sheet` (its number
 * less one) and `row` are what the sender saw, so writing on a sheet not held or on an earlier row is refused.
 */
export function writeRow(
  pass: SheetPass,
  author: string,
  sheet: number,
  row: number,
  ideas: readonly string[],
  now: number,
): SheetPassResult {
  const where = heldSheet(pass, author);
  if (!where) return refuse("methods.sheetPass.notInGroup");
  const group = pass.groups[where.group]!;
  if (where.sheet === null) return refuse("methods.sheetPass.done");
  if (row < group.pass) return refuse("methods.sheetPass.readOnly");
  if (row !== group.pass || sheet !== where.sheet) return refuse("methods.sheetPass.notYours");
  if (ideas.length !== pass.ideasPerRow) return refuse("methods.sheetPass.badIdeas");
  const clean = ideas.map((idea) => idea.trim());
  if (clean.some((idea) => idea.length > SHEET_IDEA_MAX) || clean.every((idea) => idea === "")) {
    return refuse("methods.sheetPass.badIdeas");
  }
  const written: SheetPass = {
    ...pass,
    groups: pass.groups.map((g, i) =>
      i === where.group
        ? {
            ...g,
            sheets: g.sheets.map((rows, s) =>
              s === sheet ? [...rows.slice(0, row), { author, ideas: clean }, ...rows.slice(row + 1)] : rows,
            ),
          }
        : g,
    ),
  };
  const progress = groupProgress(written.groups[where.group]!);
  // Every sheet holder has written: the sheets move on without waiting for the clock.
  return { ok: true, pass: progress.written === progress.sheets ? passGroup(written, where.group, now) : written };
}

/** The facilitator's "Pass now" for one group; `from` is the pass the sender saw, so a doubled press passes once. */
export function passNow(pass: SheetPass, group: number, from: number, now: number): SheetPassResult {
  const g = pass.groups[group];
  if (!g) return refuse("methods.sheetPass.noGroup");
  if (groupDone(g) || g.pass !== from) return refuse("methods.stale");
  return { ok: true, pass: passGroup(pass, group, now) };
}

/** The server's clock: every group whose pass has run `passSeconds` passes; the same pass when none is due. */
export function passDue(pass: SheetPass, now: number): SheetPass {
  let next = pass;
  pass.groups.forEach((g, i) => {
    if (!groupDone(g) && now - g.passedAt >= pass.passSeconds * 1000) next = passGroup(next, i, now);
  });
  return next;
}

export function setVoiceOpen(pass: SheetPass, open: boolean): SheetPassResult {
  if (!pass.silent) return refuse("methods.sheetPass.notSilent");
  return { ok: true, pass: { ...pass, voiceOpen: open } };
}

/** Whose voices are off now: every group member while the step is silent and its voice not opened. */
export function hushedMembers(pass: SheetPass): string[] {
  return pass.silent && !pass.voiceOpen ? pass.groups.flatMap((g) => g.members) : [];
}

/**
 * Which sheets the run calls for. Each Brainwriting step keeps sheets of its own, named by its entry,
 * so a plan with two Brainwriting steps keeps both. `kept` are the sheets there are now: Back before a
 * step drops its sheets (`drop`, their entries); the step just entered hands out fresh ones (`put`: one
 * sheet per member of each of its groups) unless it has some already, and while its sheets go round,
 * anyone the run has placed in a group of the step since gets a blank sheet in that group's round
 * (`put` again). `put` is null when nothing is to be stored.
 */
export function sheetPassesFor(kept: readonly SheetPass[], run: MethodsRun): { drop: number[]; put: SheetPass | null } {
  const last = run.entries.length - 1;
  const drop = kept.flatMap((pass) => (pass.entry > last ? [pass.entry] : []));
  const entry = run.entries[last];
  if (!entry) return { drop, put: null };
  const current = kept.find((pass) => pass.entry === last);
  if (current) {
    let next = current;
    for (const uid of entry.groups.flat()) next = joinSheetPass(next, uid, groupOf(run, uid));
    return { drop, put: next === current ? null : next };
  }
  const step = run.plan?.steps[entry.step];
  if (step?.mechanic?.kind !== "sheetPass") return { drop, put: null };
  return { drop, put: startSheetPass(last, step.mechanic, entry.groups, step.silent, entry.startedAt) };
}

/** The sheets people see: the latest step's that has some (after its step they are only read). */
export function shownSheetPass<T extends Pick<SheetPass, "entry">>(passes: readonly T[]): T | null {
  return passes.reduce<T | null>((shown, pass) => (!shown || pass.entry > shown.entry ? pass : shown), null);
}

/** Every idea a group wrote, sheet by sheet and row by row (blank ones left out), with its writer. */
export function groupIdeas(group: GroupSheets): { text: string; author: string }[] {
  return group.sheets.flatMap((rows) =>
    rows.flatMap((row) =>
      (row?.ideas ?? []).map((idea) => idea.trim()).flatMap((text) => (text ? [{ text, author: row!.author }] : [])),
    ),
  );
}

/** A sheet as shown and exported: its rows' ideas, oldest first, no authors (empty places left out). */
export const sheetRows = (rows: GroupSheets["sheets"][number]): string[][] =>
  rows.flatMap((row) => (row ? [row.ideas] : []));

/**
 * One Brainwriting step's sheets as the exports carry them: the step (its place in the plan from 1, and
 * its title) and each group's sheets in number order, each sheet's rows oldest first, each row's ideas
 * (blanks kept in place); never authors.
 */
export interface ExportSheetStep {
  n: number;
  step: string;
  groups: string[][][][];
}

export const exportSheets = (pass: SheetPass): string[][][][] =>
  pass.groups.map((group) => group.sheets.map(sheetRows));

const ideasSchema = z.array(z.string());
export const sheetPassViewSchema = z.object({
  ideasPerRow: z.number().int(),
  passSeconds: z.number().int(),
  silent: z.boolean(),
  voiceOpen: z.boolean(),
  /** The receiver's group's pass (0-based) and number of passes; null for someone in no group. */
  pass: z.number().int().nullable(),
  passes: z.number().int().nullable(),
  /** Server time (ms) when the receiver's group passes by the clock; null when done or in no group. */
  passEndsAt: z.number().nullable(),
  /** The sheet the receiver holds: its number (1-based), the rows above theirs (read-only) and their row. */
  held: z
    .object({
      sheet: z.number().int(),
      row: z.number().int(),
      above: z.array(ideasSchema),
      mine: ideasSchema.nullable(),
    })
    .nullable(),
  /** Once the receiver's group is done: every sheet of it, in full. */
  sheets: z.array(z.array(ideasSchema)).nullable(),
  /**
   * The receiver takes part in the step but holds no sheet and never will: they arrived after their
   * group's last pass.
   */
  noSheet: z.boolean(),
  /** Facilitators: each group's pass and rows written at it. */
  progress: z
    .array(
      z.object({
        pass: z.number().int(),
        passes: z.number().int(),
        written: z.number().int(),
        sheets: z.number().int(),
      }),
    )
    .nullable(),
});
export type SheetPassView = z.infer<typeof sheetPassViewSchema>;

/**
 * What one person may see: the sheet they hold with the rows above theirs; never who wrote what.
 * `placed`: the run has the viewer in a group of this step (a participant, not a facilitator watching).
 */
export function sheetPassViewFor(
  pass: SheetPass,
  viewer: string,
  facilitator: boolean,
  current = true,
  placed = false,
): SheetPassView {
  const where = heldSheet(pass, viewer);
  const group = where ? pass.groups[where.group]! : null;
  const done = group !== null && (groupDone(group) || !current);
  const sheet = where?.sheet ?? null;
  const rows = group && sheet !== null ? group.sheets[sheet]! : [];
  return {
    ideasPerRow: pass.ideasPerRow,
    passSeconds: pass.passSeconds,
    // Silence and the facilitator's controls belong to the step; after it only the sheets remain.
    silent: pass.silent && current,
    voiceOpen: pass.voiceOpen,
    pass: group ? Math.min(group.pass, passesOf(group)) : null,
    passes: group ? passesOf(group) : null,
    passEndsAt: group && !done ? group.passedAt + pass.passSeconds * 1000 : null,
    held:
      group && sheet !== null && !done
        ? {
            sheet: sheet + 1,
            row: group.pass,
            above: sheetRows(rows.slice(0, group.pass)),
            mine: rows[group.pass]?.ideas ?? null,
          }
        : null,
    sheets: group && done ? group.sheets.map(sheetRows) : null,
    noSheet: current && placed && !facilitator && group === null,
    progress:
      facilitator && current
        ? pass.groups.map((g) => ({ pass: g.pass, passes: passesOf(g), ...groupProgress(g) }))
        : null,
  };
}
