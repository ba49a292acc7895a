/**
 * What the debrief timeline costs: the log's size and the replay's seek time for a simulated
 * workshop (60 people, 90 minutes by default), written through the real recorder
 * (server/timeline/recorder.ts) into a real SQLite store on an injected clock, so 90 minutes take
 * seconds. Goals, printed beside the figures: under 20 MB, under 200 ms to seek.
 *
 *   npm run bench:timeline             (60 people, 90 minutes)
 *   npm run bench:timeline -- 150 120  (150 people, 120 minutes)
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { PersonState } from "../../shared/people/state";
import { SessionState } from "../../shared/session/state";
import { SqliteSessionStore } from "../../server/storage/sqlite-store";
import { recorderOf, timelineFor, timelineReaction } from "../../server/timeline/recorder";
import { noteRecord } from "../../server/boards/records";
import { observationRecord } from "../../server/coaching/records";
import { methodsRunRecord } from "../../server/methods/records";
import type { RoomApi } from "../../server/commands/registry";
import type { StoredRecord } from "../../server/storage/store";
import { prepareTimeline, stateAt } from "../../shared/timeline/replay";
import { boardsOf } from "../../shared/timeline/markers";
import type { TimelineItem } from "../../shared/timeline/log";
import { mulberry32 } from "../../shared/random";

const PEOPLE = Number(process.argv[2] ?? 60);
const MINUTES = Number(process.argv[3] ?? 90);
const SEEKS = 50;
const CODE = "BEN-CHM-ARK";

const dir = mkdtempSync(join(tmpdir(), "yhteistila-bench-timeline-"));
const store = new SqliteSessionStore(join(dir, "bench.db"));
const random = mulberry32(20261206);
let now = 1_765_000_000_000;

await store.createSession({
  code: CODE,
  title: "Bench",
  facilitatorHash: "0".repeat(64),
  createdAt: now,
  endedAt: null,
});
const state = new SessionState();
state.code = CODE;
// Only what the recorder touches: the state, the store and the clock (the room's own verbs are not needed).
const room = { state, services: { store, now: () => now } } as unknown as RoomApi;

const ZONES = ["ne", "nw", "se", "sw", "e", "w"];
const ids: string[] = [];
for (let i = 0; i < PEOPLE; i++) {
  const person = new PersonState();
  person.name = `Osallistuja ${i + 1}`;
  person.role = i === 0 ? "facilitator" : "participant";
  person.pose.x = Math.round((random() - 0.5) * 1600);
  person.pose.z = Math.round((random() - 0.5) * 1600);
  const id = `p${i.toString(36).padStart(8, "0")}`;
  state.people.set(id, person);
  ids.push(id);
}

async function write(put: StoredRecord[]): Promise<void> {
  const entries = timelineFor(room, put, [], now);
  await store.writeRecords(CODE, put, [], entries);
}

const recorder = recorderOf(room);
recorder.on = true;
await store.appendTimeline(CODE, recorder.entry({ e: "start", snap: recorder.snapshot([]) }, now));

const started = performance.now();
const seconds = MINUTES * 60;
const steps = 6;
const notes: { id: string; boardId: string; x: number; y: number; text: string; author: string }[] = [];
const plan = {
  id: "plan",
  title: "Bench plan",
  template: null,
  steps: Array.from({ length: steps }, (_, i) => ({ title: `Step ${i + 1}` })),
};
for (let s = 0; s < seconds; s++) {
  now += 1000;
  const step = Math.floor((s / seconds) * steps);
  if (s % Math.floor(seconds / steps) === 0) {
    await write([
      methodsRunRecord.encode(
        "run",
        {
          plan,
          seed: 1,
          entries: Array.from({ length: step + 1 }, (_, k) => ({
            step: k,
            startedAt: now,
            groups: [],
            from: null,
            extendedSeconds: 0,
          })),
        } as never,
        now,
      ),
    ]);
    // Half the steps send everyone out to zones, the others bring them back.
    for (const [k, id] of ids.entries()) {
      const zone = step % 2 === 1 ? ZONES[k % ZONES.length]! : "";
      state.people.get(id)!.zone = zone;
      recorder.zoneChanged(id, zone, now);
    }
  }
  // About 40 % of people move in a given second (people talk more than they walk).
  for (const id of ids) {
    if (random() > 0.4) continue;
    const pose = state.people.get(id)!.pose;
    pose.x = Math.max(-1600, Math.min(1600, pose.x + Math.round((random() - 0.5) * 120)));
    pose.z = Math.max(-1600, Math.min(1600, pose.z + Math.round((random() - 0.5) * 120)));
    recorder.movedNow(id);
  }
  // Notes: about 8 per person over the workshop, some moved later; hands and reactions now and then.
  if (random() < (PEOPLE * 8) / seconds) {
    const author = ids[Math.floor(random() * ids.length)]!;
    const note = {
      id: `n${notes.length}`,
      boardId: `b${step % 4}`,
      x: Math.floor(random() * 600),
      y: Math.floor(random() * 300),
      text: `Idea number ${notes.length}: a sentence of ordinary length about the service path`,
      author,
    };
    notes.push(note);
    await write([noteRecord.encode(note.id, noteDoc(note), now)]);
  }
  if (notes.length > 0 && random() < 0.1) {
    const note = notes[Math.floor(random() * notes.length)]!;
    note.x = Math.floor(random() * 600);
    await write([noteRecord.encode(note.id, noteDoc(note), now)]);
  }
  if (random() < 0.05) {
    const person = state.people.get(ids[Math.floor(random() * ids.length)]!)!;
    person.handRaisedAt = person.handRaisedAt > 0 ? 0 : now;
  }
  if (random() < 0.05) timelineReaction(room, ids[Math.floor(random() * ids.length)]!, "heart", now);
  if (random() < 0.008) {
    await write([
      observationRecord.encode(`o${s}`, { at: now, author: "Coach", text: "Group B silent for 4 min" }, now),
    ]);
  }
  recorder.sample(now);
  await recorder.flush();
}
const recordedMs = performance.now() - started;

function noteDoc(note: (typeof notes)[number]) {
  return {
    id: note.id,
    boardId: note.boardId,
    text: note.text,
    color: 0,
    x: note.x,
    y: note.y,
    clusterId: "",
    authorUid: note.author,
    authorName: "Somebody",
    hidden: false,
    anonymous: false,
    createdAt: now,
    updatedAt: now,
  };
}

const loadStarted = performance.now();
const entries = await store.loadTimeline(CODE);
const items = entries.map((e) => ({ ...(e.data as object), at: e.at }) as TimelineItem);
const timeline = prepareTimeline(items);
const loadMs = performance.now() - loadStarted;
const jsonBytes = entries.reduce((sum, e) => sum + JSON.stringify(e.data).length + String(e.at).length + 8, 0);
const responseBytes = JSON.stringify({ items }).length;
await store.close();
const dbBytes =
  statSync(join(dir, "bench.db")).size + (statSync(join(dir, "bench.db-wal"), { throwIfNoEntry: false })?.size ?? 0);

const times: number[] = [];
for (let i = 0; i < SEEKS; i++) {
  const t = timeline.from + random() * (timeline.to - timeline.from);
  const began = performance.now();
  const at = stateAt(timeline, t);
  boardsOf(at);
  times.push(performance.now() - began);
}
// The worst case: the very end, which replays every entry since the start.
const endBegan = performance.now();
stateAt(timeline, timeline.to);
const endMs = performance.now() - endBegan;
times.sort((a, b) => a - b);
rmSync(dir, { recursive: true, force: true });

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
const counts = new Map<string, number>();
for (const item of items) counts.set(item.e, (counts.get(item.e) ?? 0) + 1);
console.log(`Timeline of a simulated workshop: ${PEOPLE} people, ${MINUTES} minutes (${notes.length} notes)`);
console.log(`  entries: ${items.length} (${[...counts].map(([k, n]) => `${k} ${n}`).join(", ")})`);
console.log(`  log size (entries as stored): ${mb(jsonBytes)} MB   goal < 20 MB`);
console.log(`  SQLite file with the log:     ${mb(dbBytes)} MB`);
console.log(`  debrief download (JSON):      ${mb(responseBytes)} MB`);
console.log(`  load + prepare:               ${loadMs.toFixed(1)} ms`);
console.log(
  `  seek (${SEEKS} random moments): median ${times[Math.floor(SEEKS / 2)]!.toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms; at the end ${endMs.toFixed(2)} ms   goal < 200 ms`,
);
console.log(`  (writing 90 simulated minutes took ${(recordedMs / 1000).toFixed(1)} s of real time)`);
