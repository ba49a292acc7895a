import type { TimelineItem } from "./log";
import type { ReplayState } from "./replay";
import { PLENARY_TIMER_ID, remainingAt, type TimerValue } from "../timers/timer";

/** A moment worth jumping to on the debrief's timeline. */
export type Marker =
  | { kind: "start" | "stop"; at: number }
  | { kind: "step"; at: number; step: number; title: string }
  | { kind: "observation"; at: number; id: string; author: string; text: string };

interface RunData {
  plan?: { steps?: { title?: string }[] } | null;
  entries?: { step?: number }[];
}

/** Steps started (Next, Back), observations written, and where the timeline was switched on and off. */
export function markersOf(items: readonly TimelineItem[]): Marker[] {
  const markers: Marker[] = [];
  let lastStep = -1;
  const seen = new Set<string>();
  for (const item of items) {
    if (item.e === "start" || item.e === "stop") markers.push({ kind: item.e, at: item.at });
    const changes = item.e === "rec" ? item.r : item.e === "start" ? item.snap.records : [];
    for (const [kind, id, data] of changes) {
      if (kind === "methods.run" && data) {
        const run = data as RunData;
        const step = run.entries?.at(-1)?.step ?? -1;
        if (step !== lastStep && item.e === "rec" && step >= 0) {
          markers.push({ kind: "step", at: item.at, step, title: run.plan?.steps?.[step]?.title ?? "" });
        }
        lastStep = step;
      }
      if (kind === "coaching.observation" && data && item.e === "rec" && !seen.has(id)) {
        seen.add(id);
        markers.push({
          kind: "observation",
          at: typeof data.at === "number" ? data.at : item.at,
          id,
          author: String(data.author ?? ""),
          text: String(data.text ?? ""),
        });
      }
    }
  }
  return markers;
}

export interface BoardView {
  id: string;
  title: string;
  preset: string;
  zoneId: string;
  notes: {
    id: string;
    text: string;
    authorName: string;
    anonymous: boolean;
    hidden: boolean;
    clusterId: string;
    color: number;
    /** Dots in the board's latest ended vote, or null when no vote had ended by then. */
    dots: number | null;
  }[];
  clusters: { id: string; title: string }[];
}

/** The boards at a moment as lists, in the boards' own order and each board's notes top to bottom. */
export function boardsOf(state: ReplayState): BoardView[] {
  const boards = [...(state.records.get("board")?.entries() ?? [])]
    .map(([id, b]) => ({ id, b }))
    .sort((a, b) => Number(a.b.order ?? 0) - Number(b.b.order ?? 0) || a.id.localeCompare(b.id));
  const notes = [...(state.records.get("note")?.entries() ?? [])];
  const clusters = [...(state.records.get("cluster")?.entries() ?? [])];
  const votes = [...(state.records.get("vote")?.values() ?? [])];
  /** The results of each board's latest ended vote, by note id, as the room showed them then. */
  const dotsOn = (boardId: string) => {
    const ended = votes
      .filter((v) => v.boardId === boardId && Array.isArray(v.results))
      .sort((a, b) => Number(b.endedAt ?? 0) - Number(a.endedAt ?? 0))[0];
    if (!ended) return null;
    return new Map((ended.results as { noteId: string; count: number }[]).map((r) => [r.noteId, r.count]));
  };
  return boards.map(({ id, b }) => ({
    id,
    title: String(b.title ?? ""),
    preset: String(b.preset ?? "custom"),
    zoneId: String(b.zoneId ?? ""),
    notes: notes
      .filter(([, n]) => n.boardId === id)
      .sort(([ia, a], [ib, b2]) => Number(a.y) - Number(b2.y) || Number(a.x) - Number(b2.x) || ia.localeCompare(ib))
      .map(([noteId, n]) => ({
        id: noteId,
        text: String(n.text ?? ""),
        authorName: String(n.authorName ?? ""),
        anonymous: n.anonymous === true,
        hidden: n.hidden === true,
        clusterId: String(n.clusterId ?? ""),
        color: Number(n.color ?? 0),
        dots: dotsOn(id)?.get(noteId) ?? (dotsOn(id) ? 0 : null),
      })),
    clusters: clusters
      .filter(([, c]) => c.boardId === id)
      .map(([clusterId, c]) => ({ id: clusterId, title: String(c.title ?? "") })),
  }));
}

/**
 * A countdown as the room showed it at the replayed moment, worked out from the stored timer (time
 * left at a server instant) and the moment, exactly as every screen did live. Undefined when idle.
 */
export interface ReplayClock {
  status: "running" | "paused" | "done";
  remainingMs: number;
}

export function clockAt(timer: unknown, at: number): ReplayClock | undefined {
  if (typeof timer !== "object" || timer === null) return undefined;
  const value = timer as TimerValue;
  if (value.status !== "running" && value.status !== "paused" && value.status !== "done") return undefined;
  const remainingMs = remainingAt(value, at);
  // The server settles a finished countdown at its next tick; the moment itself already shows it up.
  return { status: value.status === "running" && remainingMs === 0 ? "done" : value.status, remainingMs };
}

/** The plenary's countdown at the replayed moment (stored as its own timer record). */
export function plenaryClockOf(state: ReplayState): ReplayClock | undefined {
  return clockAt(state.records.get("timer")?.get(PLENARY_TIMER_ID), state.at);
}

/** A zone as the log recorded it (no lock or capacity: the replay draws where zones were, and their clocks). */
export interface ReplayZone {
  id: string;
  name: string;
  letter: string;
  /** Metres, like the zones' layout. */
  x: number;
  z: number;
  radius: number;
  color: string;
  clock: ReplayClock | undefined;
}

export function zonesOf(state: ReplayState): ReplayZone[] {
  return [...(state.records.get("zone")?.entries() ?? [])].map(([id, zone]) => ({
    id,
    name: String(zone.name ?? ""),
    letter: String(zone.letter ?? ""),
    x: Number(zone.x ?? 0),
    z: Number(zone.z ?? 0),
    radius: Number(zone.radius ?? 1),
    color: String(zone.color ?? ""),
    clock: clockAt(zone.timer, state.at),
  }));
}

/**
 * Every zone's last known name (or letter) over the whole log, so figures about a zone the
 * facilitator has since removed still say which zone they were.
 */
export function zoneNamesIn(items: readonly TimelineItem[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const item of items) {
    const changes = item.e === "rec" ? item.r : item.e === "start" ? item.snap.records : [];
    for (const [kind, id, data] of changes) {
      if (kind !== "zone" || !data) continue;
      const name = String(data.name ?? "") || String(data.letter ?? "");
      if (name) names.set(id, name);
    }
  }
  return names;
}
