import { z } from "zod";
import { TOPIC_TITLE_MAX } from "./marketplace-limits";
import type { MethodsRun } from "./run";

/**
 * Open Space's marketplace as pure rules: a grid of `slots` time slots by the room's first `zones`
 * zones; whoever posts a topic into a free cell convenes it (one topic a cell, one topic a slot per
 * convener: nobody holds two sessions at once); conveners move or withdraw their own topics, a
 * facilitator any; each topic names a note-taker (the convener by default; anyone standing in its zone
 * takes it over, or a facilitator names one). Nobody is grouped: people walk to the topics they like.
 * The marketplace step itself is for posting; each marketplace step after it runs the next slot. A
 * plan may hold several Open Spaces (a morning's and an afternoon's): each keeps a grid of its own,
 * named by the step that opened it (`marketOpenings`).
 */

export { TOPIC_TITLE_MAX };

const uid = z.string().max(64);
const name = z.string().max(64);

export const topicSchema = z.object({
  id: z.string().max(16),
  slot: z.number().int().min(0).max(7),
  zone: z.string().max(64),
  title: z.string().min(1).max(TOPIC_TITLE_MAX),
  convener: uid,
  /** Display names as they were when set, so the harvest and the export outlive the people leaving. */
  convenerName: name,
  noteTaker: uid,
  noteTakerName: name,
});
export type Topic = z.infer<typeof topicSchema>;

export const marketSchema = z.object({
  /** The run entry whose step opened the marketplace; Back past it drops the marketplace. */
  entry: z.number().int().min(0),
  slots: z.number().int().min(1).max(8),
  /** The grid's columns: zone ids with their letters, fixed when the marketplace opened. */
  zones: z.array(z.object({ id: z.string().max(64), letter: z.string().max(4) })).max(16),
  topics: z.array(topicSchema).max(8 * 16),
  /** Counter for topic ids (never reused, so a stale move cannot hit a newer topic). */
  next: z.number().int().min(0),
});
export type Market = z.infer<typeof marketSchema>;

export type MarketResult = { ok: true; market: Market } | { ok: false; key: string };
const refuse = (key: string): MarketResult => ({ ok: false, key });

export interface Person {
  uid: string;
  name: string;
}

/** Who acts: a facilitator may move anyone's topic and name any note-taker; `zone` is where they stand. */
export interface Actor extends Person {
  facilitator: boolean;
  zone: string;
}

export function openMarket(
  entry: number,
  mechanic: { slots: number; zones: number },
  zones: readonly { id: string; letter: string }[],
): Market {
  return { entry, slots: mechanic.slots, zones: zones.slice(0, mechanic.zones), topics: [], next: 0 };
}

/**
 * The run entries that open a marketplace of their own. A marketplace step runs the next slot of the
 * marketplace before it while that one still has a slot to run and no harvest has closed it (a break
 * between slots keeps it); otherwise it opens a new one. So a plan with a morning and an afternoon
 * Open Space (each a posting step and its slot steps) keeps two marketplaces.
 */
export function marketOpenings(run: MethodsRun): number[] {
  const openings: number[] = [];
  let open: { left: number } | null = null;
  run.entries.forEach((entry, i) => {
    const mechanic = run.plan?.steps[entry.step]?.mechanic;
    if (mechanic?.kind === "harvest") open = null;
    if (mechanic?.kind !== "marketplace") return;
    if (open && open.left > 0) {
      open.left--;
      return;
    }
    open = { left: mechanic.slots };
    openings.push(i);
  });
  return openings;
}

/**
 * Which marketplaces the run calls for. Each marketplace is named by the entry that opened it (the
 * steps run in plan order, so the entry is the step): `have` are the entries with one now. Back before
 * a marketplace's opening drops it (`drop`), and an opening just entered opens one (`open`) unless it
 * has one already. A marketplace is only ever dropped by Back: one whose entry no longer opens one
 * (the plan edited during the run) keeps its topics.
 */
export function marketsFor(have: readonly number[], run: MethodsRun): { drop: number[]; open: number | null } {
  const openings = marketOpenings(run);
  const last = run.entries.length - 1;
  const drop = have.filter((entry) => entry > last);
  const open = openings.at(-1) === last && !have.includes(last) ? last : null;
  return { drop, open };
}

/** The marketplace people see and post on: the latest one opened (after its steps it is only read). */
export function shownMarket<T extends Pick<Market, "entry">>(markets: readonly T[]): T | null {
  return markets.reduce<T | null>((shown, market) => (!shown || market.entry > shown.entry ? market : shown), null);
}

/** The entries that are the marketplace's: from its opening up to the next marketplace's opening. */
function spanOf(market: Market, run: MethodsRun): { until: number } {
  const next = marketOpenings(run).find((entry) => entry > market.entry);
  return { until: next ?? run.entries.length };
}

/**
 * Which slot runs now: -1 at the posting step, k while the k-th marketplace step after it runs, and
 * `closed` once a step that is not a marketplace step is on (the harvest), or a later marketplace has
 * opened: nothing changes then.
 */
export function marketNow(market: Market, run: MethodsRun): { slot: number; closed: boolean } {
  const isMarket = (step: number) => run.plan?.steps[step]?.mechanic?.kind === "marketplace";
  const last = run.entries.length - 1;
  const { until } = spanOf(market, run);
  const entry = run.entries[last];
  const ran = countSlots(market, run);
  if (!entry || last >= until || last < market.entry || !isMarket(entry.step)) {
    return { slot: Math.min(market.slots, ran) - 1, closed: true };
  }
  return { slot: Math.min(market.slots - 1, ran - 1), closed: false };
}

/** The marketplace steps after the posting one, so far: each ran one slot. */
function countSlots(market: Market, run: MethodsRun): number {
  return run.entries
    .slice(market.entry + 1, spanOf(market, run).until)
    .filter((entry) => run.plan?.steps[entry.step]?.mechanic?.kind === "marketplace").length;
}

/** When each slot that ran ran: from its step's start to the next step's start (`until` null: still on). */
export function slotWindows(market: Market, run: MethodsRun): { slot: number; from: number; until: number | null }[] {
  const out: { slot: number; from: number; until: number | null }[] = [];
  const { until } = spanOf(market, run);
  for (let i = market.entry + 1; i < until && out.length < market.slots; i++) {
    const entry = run.entries[i]!;
    if (run.plan?.steps[entry.step]?.mechanic?.kind !== "marketplace") continue;
    out.push({ slot: out.length, from: entry.startedAt, until: run.entries[i + 1]?.startedAt ?? null });
  }
  return out;
}

export function topicAt(market: Market, slot: number, zone: string): Topic | undefined {
  return market.topics.find((topic) => topic.slot === slot && topic.zone === zone);
}

/** A cell a topic may go to: on the grid, free, not a slot already over, and the convener free then. */
function checkCell(
  market: Market,
  now: { slot: number; closed: boolean },
  slot: number,
  zone: string,
  convener: string,
  moving?: string,
): string | null {
  if (now.closed) return "methods.market.closed";
  if (!Number.isInteger(slot) || slot < 0 || slot >= market.slots || !market.zones.some((z) => z.id === zone)) {
    return "methods.market.noCell";
  }
  if (slot < now.slot) return "methods.market.pastSlot";
  const there = topicAt(market, slot, zone);
  if (there && there.id !== moving) return "methods.market.taken";
  const busy = market.topics.some((t) => t.slot === slot && t.convener === convener && t.id !== moving);
  if (busy) return "methods.market.busy";
  return null;
}

/** A title as stored: single spaces, trimmed; null if empty or too long (the headset keyboard checks the same). */
export function cleanTitle(title: string): string | null {
  const clean = title.replace(/\s+/g, " ").trim();
  return clean.length === 0 || clean.length > TOPIC_TITLE_MAX ? null : clean;
}

/** Posts a topic into a free cell; the poster convenes it and takes its notes until someone takes over. */
export function postTopic(
  market: Market,
  now: { slot: number; closed: boolean },
  by: Person,
  cell: { slot: number; zone: string; title: string },
): MarketResult {
  const title = cleanTitle(cell.title);
  if (!title) return refuse("methods.market.badTitle");
  const wrong = checkCell(market, now, cell.slot, cell.zone, by.uid);
  if (wrong) return refuse(wrong);
  const topic: Topic = {
    id: `t${market.next + 1}`,
    slot: cell.slot,
    zone: cell.zone,
    title,
    convener: by.uid,
    convenerName: by.name,
    noteTaker: by.uid,
    noteTakerName: by.name,
  };
  return { ok: true, market: { ...market, topics: [...market.topics, topic], next: market.next + 1 } };
}

function ownTopic(market: Market, by: Actor, id: string): Topic | string {
  const topic = market.topics.find((t) => t.id === id);
  if (!topic) return "methods.market.noTopic";
  if (topic.convener !== by.uid && !by.facilitator) return "methods.market.notYours";
  return topic;
}

/** Moves a topic to another free cell: its convener, or a facilitator. A session already running stays put. */
export function moveTopic(
  market: Market,
  now: { slot: number; closed: boolean },
  by: Actor,
  id: string,
  cell: { slot: number; zone: string },
): MarketResult {
  const topic = ownTopic(market, by, id);
  if (typeof topic === "string") return refuse(topic);
  if (!now.closed && topic.slot < now.slot) return refuse("methods.market.pastSlot");
  const wrong = checkCell(market, now, cell.slot, cell.zone, topic.convener, topic.id);
  if (wrong) return refuse(wrong);
  const topics = market.topics.map((t) => (t === topic ? { ...t, slot: cell.slot, zone: cell.zone } : t));
  return { ok: true, market: { ...market, topics } };
}

/** Takes a topic off the grid: its convener, or a facilitator; not once its slot is over. */
export function withdrawTopic(
  market: Market,
  now: { slot: number; closed: boolean },
  by: Actor,
  id: string,
): MarketResult {
  const topic = ownTopic(market, by, id);
  if (typeof topic === "string") return refuse(topic);
  if (now.closed) return refuse("methods.market.closed");
  if (topic.slot < now.slot) return refuse("methods.market.pastSlot");
  return { ok: true, market: { ...market, topics: market.topics.filter((t) => t !== topic) } };
}

/**
 * Names the topic's note-taker: anyone takes it over for themselves while standing in the topic's
 * zone (or as its convener); a facilitator names anyone.
 */
export function setNoteTaker(
  market: Market,
  now: { slot: number; closed: boolean },
  by: Actor,
  id: string,
  taker: Person,
): MarketResult {
  const topic = market.topics.find((t) => t.id === id);
  if (!topic) return refuse("methods.market.noTopic");
  if (now.closed) return refuse("methods.market.closed");
  if (!by.facilitator) {
    if (taker.uid !== by.uid) return refuse("methods.market.notYours");
    if (topic.convener !== by.uid && by.zone !== topic.zone) return refuse("methods.market.notInZone");
  }
  const topics = market.topics.map((t) =>
    t === topic ? { ...t, noteTaker: taker.uid, noteTakerName: taker.name } : t,
  );
  return { ok: true, market: { ...market, topics } };
}

export const marketViewSchema = z.object({
  slots: z.number().int(),
  zones: z.array(z.object({ id: z.string(), letter: z.string() })),
  /** The slot running now (-1 while posting); `closed` once the marketplace is over. */
  slot: z.number().int(),
  closed: z.boolean(),
  topics: z.array(
    z.object({
      id: z.string(),
      slot: z.number().int(),
      zone: z.string(),
      title: z.string(),
      convener: z.string(),
      noteTaker: z.string(),
      /** The receiver convenes it / takes its notes. */
      mine: z.boolean(),
      taking: z.boolean(),
    }),
  ),
});
export type MarketView = z.infer<typeof marketViewSchema>;

/** The grid as everyone sees it: topics are public, people by name only (never their ids). */
export function marketViewFor(market: Market, now: { slot: number; closed: boolean }, viewer: string): MarketView {
  return {
    slots: market.slots,
    zones: market.zones,
    slot: now.slot,
    closed: now.closed,
    topics: market.topics.map((t) => ({
      id: t.id,
      slot: t.slot,
      zone: t.zone,
      title: t.title,
      convener: t.convenerName,
      noteTaker: t.noteTakerName,
      mine: t.convener === viewer,
      taking: t.noteTaker === viewer,
    })),
  };
}

/** The topics running in `slot`, by zone: what each zone's task says while it runs. */
export function slotTasks(market: Market, slot: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const zone of market.zones) out.set(zone.id, topicAt(market, slot, zone.id)?.title ?? "");
  return out;
}

/**
 * Whether the harvest step the run is on closes this marketplace: no harvest ran since it opened (a
 * later harvest, a World Café's say, gathers its own tables, not an Open Space closed earlier).
 */
export function harvestsMarket(market: Market, run: MethodsRun): boolean {
  const isHarvest = (step: number) => run.plan?.steps[step]?.mechanic?.kind === "harvest";
  const last = run.entries.length - 1;
  if (last <= market.entry || !isHarvest(run.entries[last]!.step)) return false;
  return !run.entries.slice(market.entry + 1, last).some((entry) => isHarvest(entry.step));
}

/**
 * What the harvest gathers of an Open Space: each topic of a slot that ran, with the window its notes
 * were written in on its zone's board, titled "A · topic · note-taker" (the letter reads the same in
 * every language), in slot then zone order.
 */
export function harvestTopics(
  market: Market,
  run: MethodsRun,
): { zone: string; title: string; window: { from: number; until: number | null } }[] {
  const windows = slotWindows(market, run);
  const order = new Map(market.zones.map((z, i) => [z.id, i]));
  return market.topics
    .filter((t) => windows[t.slot])
    .sort((a, b) => a.slot - b.slot || (order.get(a.zone) ?? 0) - (order.get(b.zone) ?? 0))
    .map((t) => {
      const letter = market.zones.find((z) => z.id === t.zone)?.letter ?? "";
      const { from, until } = windows[t.slot]!;
      return { zone: t.zone, title: `${letter} · ${t.title} · ${t.noteTakerName}`, window: { from, until } };
    });
}

/** One Open Space topic as the session's export keeps it: where and when, who, and its session's notes. */
export interface ExportTopic {
  /** 1-based. */
  slot: number;
  zone: string;
  title: string;
  convener: string;
  noteTaker: string;
  notes: string[];
}

/** One marketplace in the export: the step that opened it (`n` 1-based) and its topics. */
export interface ExportMarketStep {
  n: number;
  step: string;
  topics: ExportTopic[];
}

/**
 * Every topic on the grid for the export, in slot then zone order, each with the revealed notes
 * written on its zone's board while its slot ran (none for a slot that never ran).
 */
export function exportTopics(
  market: Market,
  run: MethodsRun | null,
  notesOn: (zone: string, from: number, until: number | null) => string[],
): ExportTopic[] {
  const windows = run ? slotWindows(market, run) : [];
  const order = new Map(market.zones.map((z, i) => [z.id, i]));
  return [...market.topics]
    .sort((a, b) => a.slot - b.slot || (order.get(a.zone) ?? 0) - (order.get(b.zone) ?? 0))
    .map((t) => {
      const window = windows[t.slot];
      return {
        slot: t.slot + 1,
        zone: market.zones.find((z) => z.id === t.zone)?.letter ?? "",
        title: t.title,
        convener: t.convenerName,
        noteTaker: t.noteTakerName,
        notes: window ? notesOn(t.zone, window.from, window.until) : [],
      };
    });
}
