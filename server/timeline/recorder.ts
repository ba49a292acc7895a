import type { PersonState } from "../../shared/people/state";
import {
  eventBytes,
  loggedRecord,
  TIMELINE_LIMITS,
  type PersonSnap,
  type RecordChange,
  type Snapshot,
  type TimelineEvent,
} from "../../shared/timeline/log";
import type { RoomApi } from "../commands/registry";
import { physicalRoomRecord } from "../hybrid/records";
import { placeOf } from "../hybrid/seating";
import type { StoredRecord, TimelineEntry } from "../storage/store";

/**
 * One room's timeline while it is kept: who is which small number, where each was last logged,
 * and the presence events not yet written. Document changes never wait here: they are logged in the
 * transaction that stores them (see `timelineFor`).
 */
export class TimelineRecorder {
  on = false;
  /** Bytes written so far (restored from the log when the room opens). */
  bytes = 0;
  full = false;
  private nextP = 1;
  private readonly numbers = new Map<string, number>();
  /** Last logged position (cm), hand and meeting room ("" remote), by person number. */
  private readonly last = new Map<number, { x: number; z: number; hand: 0 | 1; room: string }>();
  private readonly moved = new Set<string>();
  private pending: TimelineEntry[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private flushQueued = false;

  constructor(private readonly room: RoomApi) {}

  /** Continues numbering after what the log already holds, so a number never means two people. */
  resumeFrom(entries: readonly TimelineEntry[]): void {
    for (const entry of entries) {
      this.bytes += JSON.stringify(entry.data).length + String(entry.at).length + 8;
      const event = entry.data as TimelineEvent;
      const seen = event.e === "join" ? [event.p[0]] : event.e === "start" ? event.snap.people.map((p) => p[0]) : [];
      for (const p of seen) this.nextP = Math.max(this.nextP, p + 1);
    }
    this.full = this.bytes >= TIMELINE_LIMITS.maxBytes;
  }

  numberOf(id: string): number | undefined {
    return this.numbers.get(id);
  }

  private personSnap(id: string, person: PersonState): PersonSnap {
    let p = this.numbers.get(id);
    if (p === undefined) this.numbers.set(id, (p = this.nextP++));
    const hand = person.handRaisedAt > 0 ? 1 : 0;
    const room = placeOf(this.room, id)?.physical.name ?? "";
    this.last.set(p, { x: person.pose.x, z: person.pose.z, hand, room });
    const snap: PersonSnap = [
      p,
      person.name,
      person.role,
      person.color,
      person.zone,
      person.pose.x,
      person.pose.z,
      hand,
    ];
    // Seated at a meeting room's table (the hybrid module seats a joiner before this hears of them).
    if (room) snap.push(room);
    return snap;
  }

  /** Everything as it is now, from the stored records (everything anyone was shown is stored). */
  snapshot(records: readonly StoredRecord[]): Snapshot {
    this.numbers.clear();
    this.last.clear();
    this.moved.clear();
    const changes: RecordChange[] = [];
    for (const record of records) {
      const data = loggedRecord(record.kind, record.data);
      if (data) changes.push([record.kind, record.id, data]);
    }
    const people = [...this.room.state.people.entries()].map(([id, person]) => this.personSnap(id, person));
    return { records: changes, people };
  }

  /** An entry if the log may still take it; past the bound, one `full` entry and then nothing. */
  entry(event: TimelineEvent, at: number): TimelineEntry[] {
    if (!this.on || this.full) return [];
    const size = eventBytes(event, at);
    if (event.e === "pos" && this.bytes + size > TIMELINE_LIMITS.positionsUpToBytes) return [];
    if (this.bytes + size > TIMELINE_LIMITS.maxBytes) {
      this.full = true;
      return [{ at, data: { e: "full" } satisfies TimelineEvent }];
    }
    this.bytes += size;
    return [{ at, data: event }];
  }

  /** Presence events waiting, taken out to ride in a record write (keeping their order before it). */
  takePending(): TimelineEntry[] {
    const taken = this.pending;
    this.pending = [];
    return taken;
  }

  /** A presence event (a join, a zone change, a reaction): written at the end of this turn. */
  push(event: TimelineEvent, at: number): void {
    const entries = this.entry(event, at);
    if (entries.length === 0) return;
    this.pending.push(...entries);
    if (this.flushQueued) return;
    this.flushQueued = true;
    // A microtask, not a timer: with SQLite the write is done before the next patch shows the change.
    queueMicrotask(() => {
      this.flushQueued = false;
      void this.flush();
    });
  }

  /** Writes what is pending, after any earlier write, in order. */
  flush(): Promise<void> {
    const entries = this.takePending();
    if (entries.length === 0) return this.flushing;
    const code = this.room.state.code;
    this.flushing = this.flushing
      .then(() => this.room.services.store.appendTimeline(code, entries))
      .catch((error: unknown) => {
        console.error(`session ${code}: timeline write failed: ${error instanceof Error ? error.message : "?"}`);
      });
    return this.flushing;
  }

  joined(id: string, person: PersonState, at: number): void {
    if (!this.on) return;
    this.push({ e: "join", p: this.personSnap(id, person) }, at);
  }

  left(id: string, at: number): void {
    const p = this.numbers.get(id);
    if (p === undefined) return;
    this.numbers.delete(id);
    this.last.delete(p);
    this.moved.delete(id);
    this.push({ e: "leave", p }, at);
  }

  zoneChanged(id: string, zone: string, at: number): void {
    const p = this.numbers.get(id);
    if (p !== undefined) this.push({ e: "zone", p, z: zone }, at);
  }

  /**
   * `room` events for the people of the meeting rooms these record writes remove ("" : remote from
   * now on) or rename, told before the room's state changes (see timelineFor). One event per room
   * (at most its seats and its device), so a change costs the log a few bytes, whatever happens to it.
   */
  roomChanges(put: readonly StoredRecord[], remove: readonly { kind: string; id: string }[]): TimelineEvent[] {
    const events: TimelineEvent[] = [];
    for (const { kind, id } of remove) {
      if (kind === physicalRoomRecord.kind) events.push(...this.seatedIn(id, ""));
    }
    for (const record of put) {
      if (record.kind === physicalRoomRecord.kind) {
        events.push(...this.seatedIn(record.id, physicalRoomRecord.decode(record).name));
      }
    }
    return events;
  }

  /** The people placed in one meeting room now, as taking part from `name`, when the log says otherwise. */
  private seatedIn(physicalId: string, name: string): TimelineEvent[] {
    const physical = this.room.state.physicalRooms.get(physicalId);
    if (!physical) return [];
    const ids = [...physical.seated.keys(), ...(physical.device ? [physical.device] : [])];
    return this.relabel(ids, () => name);
  }

  /**
   * After a meeting room's change was stored (or failed to be): anyone whose room the log now names
   * wrongly (someone seated there meanwhile; everyone, when the write and its entry were undone) is
   * put right, at the end of this turn like a zone change.
   */
  placesNow(ids: readonly string[], at: number): void {
    if (!this.on) return;
    for (const event of this.relabel(ids, (id) => placeOf(this.room, id)?.physical.name ?? "")) this.push(event, at);
  }

  private relabel(ids: readonly string[], roomOf: (id: string) => string): TimelineEvent[] {
    const byRoom = new Map<string, number[]>();
    for (const id of ids) {
      const p = this.numbers.get(id);
      const last = p === undefined ? undefined : this.last.get(p);
      const room = roomOf(id);
      if (p === undefined || !last || last.room === room) continue;
      last.room = room;
      byRoom.set(room, [...(byRoom.get(room) ?? []), p]);
    }
    return [...byRoom].map(([r, p]) => ({ e: "room", p, r }));
  }

  movedNow(id: string): void {
    if (this.on) this.moved.add(id);
  }

  reacted(id: string, kind: string, at: number): void {
    const p = this.numbers.get(id);
    if (p !== undefined) this.push({ e: "react", p, k: kind }, at);
  }

  /** Once a second: the positions of those who moved, as deltas, and hands raised or lowered. */
  sample(at: number): void {
    if (!this.on) return;
    const d: number[] = [];
    for (const id of this.moved) {
      const p = this.numbers.get(id);
      const person = this.room.state.people.get(id);
      const last = p === undefined ? undefined : this.last.get(p);
      if (p === undefined || !person || !last) continue;
      const dx = person.pose.x - last.x;
      const dz = person.pose.z - last.z;
      if (dx === 0 && dz === 0) continue;
      d.push(p, dx, dz);
      last.x = person.pose.x;
      last.z = person.pose.z;
    }
    this.moved.clear();
    if (d.length > 0) this.push({ e: "pos", d }, at);
    for (const [id, person] of this.room.state.people) {
      const p = this.numbers.get(id);
      const last = p === undefined ? undefined : this.last.get(p);
      if (p === undefined || !last) continue;
      const hand = person.handRaisedAt > 0 ? 1 : 0;
      if (hand === last.hand) continue;
      last.hand = hand;
      this.push({ e: "hand", p, up: hand }, at);
    }
  }
}

const recorders = new WeakMap<RoomApi, TimelineRecorder>();

export function recorderOf(room: RoomApi): TimelineRecorder {
  let recorder = recorders.get(room);
  if (!recorder) recorders.set(room, (recorder = new TimelineRecorder(room)));
  return recorder;
}

/**
 * The timeline entries that go into the same transaction as these record writes: presence events
 * still pending (so the log keeps the order things happened in), then the change itself. Empty while
 * the timeline is off; the room's write verbs call this (server/session/room.ts).
 */
export function timelineFor(
  room: RoomApi,
  put: readonly StoredRecord[],
  remove: readonly { kind: string; id: string }[],
  now: number,
): TimelineEntry[] {
  const recorder = recorders.get(room);
  if (!recorder?.on) return [];
  const changes: RecordChange[] = [];
  for (const record of put) {
    const data = loggedRecord(record.kind, record.data);
    if (data) changes.push([record.kind, record.id, data]);
  }
  for (const { kind, id } of remove) if (loggedRecord(kind, {})) changes.push([kind, id, null]);
  const entries = recorder.takePending();
  if (changes.length > 0) entries.push(...recorder.entry({ e: "rec", r: changes }, now));
  // A meeting room removed or renamed: its people's room changes with it, in this same write.
  for (const event of recorder.roomChanges(put, remove)) entries.push(...recorder.entry(event, now));
  return entries;
}

/**
 * These people's meeting room may have changed just now (their room was removed or renamed): the
 * log follows, for anyone the change's own write left wrong (see TimelineRecorder.placesNow).
 */
export function timelinePlaces(room: RoomApi, ids: readonly string[], now: number): void {
  recorders.get(room)?.placesNow(ids, now);
}

/** A person reacted (thumbs up, applause, heart): on the timeline when it is kept. */
export function timelineReaction(room: RoomApi, id: string, kind: string, now: number): void {
  recorders.get(room)?.reacted(id, kind, now);
}
