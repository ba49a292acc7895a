import type { PersonSnap, RecordChange, TimelineItem } from "./log";

export interface ReplayPerson {
  name: string;
  role: string;
  color: number;
  /** "" is the plenary. */
  zone: string;
  /** Centimetres, like the room's poses. */
  x: number;
  z: number;
  hand: boolean;
  /** The meeting room they sat in (hybrid), "" when remote. */
  room: string;
}

/** The room as the log says it was at one moment. */
export interface ReplayState {
  at: number;
  /** False before the first start, after a stop, or past the size bound: nothing is known then. */
  recording: boolean;
  /** Records by kind, then id (data as the log keeps it, see loggedRecord). */
  records: Map<string, Map<string, Record<string, unknown>>>;
  people: Map<number, ReplayPerson>;
  /** Reactions in the last few seconds before `at`, newest last. */
  reactions: { p: number; k: string; at: number }[];
}

/** A loaded log with what seeking needs precomputed: where each start is. */
export interface PreparedTimeline {
  items: readonly TimelineItem[];
  /** Indices of the `start` events, in order. */
  starts: number[];
  from: number;
  to: number;
}

/** How long a reaction stays in the picture. */
export const REACTION_SHOWN_MS = 4000;

export function prepareTimeline(items: readonly TimelineItem[]): PreparedTimeline {
  const starts: number[] = [];
  items.forEach((item, index) => {
    if (item.e === "start") starts.push(index);
  });
  return { items, starts, from: items[0]?.at ?? 0, to: items.at(-1)?.at ?? 0 };
}

function applyRecords(records: ReplayState["records"], changes: readonly RecordChange[]): void {
  for (const [kind, id, data] of changes) {
    let byId = records.get(kind);
    if (!byId) records.set(kind, (byId = new Map()));
    if (data === null) byId.delete(id);
    else byId.set(id, data);
  }
}

function personFrom(snap: PersonSnap): [number, ReplayPerson] {
  const [p, name, role, color, zone, x, z, hand, room] = snap;
  return [p, { name, role, color, zone, x, z, hand: hand === 1, room: room ?? "" }];
}

/**
 * The state at time `t` (server ms): the last start at or before t, then every event up to t. Pure;
 * the same log and t always give the same state. Records are shared with the log, not copied: treat
 * them as read-only.
 */
export function stateAt(timeline: PreparedTimeline, t: number): ReplayState {
  const state: ReplayState = { at: t, recording: false, records: new Map(), people: new Map(), reactions: [] };
  const { items, starts } = timeline;
  // The last start at or before t (starts are in writing order, and time never runs backwards between them).
  let lo = 0;
  let hi = starts.length - 1;
  let from = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[starts[mid]!]!.at <= t) {
      from = starts[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (from < 0) return state;
  for (let i = from; i < items.length; i++) {
    const item = items[i]!;
    if (item.at > t) break;
    switch (item.e) {
      case "start":
        state.recording = true;
        state.records = new Map();
        state.people = new Map();
        applyRecords(state.records, item.snap.records);
        for (const person of item.snap.people) state.people.set(...personFrom(person));
        break;
      case "stop":
      case "full":
        state.recording = false;
        return state;
      case "rec":
        applyRecords(state.records, item.r);
        break;
      case "join":
        state.people.set(...personFrom(item.p));
        break;
      case "leave":
        state.people.delete(item.p);
        break;
      case "zone": {
        const person = state.people.get(item.p);
        if (person) person.zone = item.z;
        break;
      }
      case "room":
        for (const p of item.p) {
          const person = state.people.get(p);
          if (person) person.room = item.r;
        }
        break;
      case "pos":
        for (let k = 0; k + 2 < item.d.length; k += 3) {
          const person = state.people.get(item.d[k]!);
          if (!person) continue;
          person.x += item.d[k + 1]!;
          person.z += item.d[k + 2]!;
        }
        break;
      case "hand": {
        const person = state.people.get(item.p);
        if (person) person.hand = item.up === 1;
        break;
      }
      case "react":
        if (t - item.at < REACTION_SHOWN_MS) state.reactions.push({ p: item.p, k: item.k, at: item.at });
        break;
    }
  }
  return state;
}
