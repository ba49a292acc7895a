/**
 * What private zones cost the server. With any `.view()` field in the state, Colyseus encodes each
 * patch once for everyone (the shared pass) and then once more per client for the private parts it
 * may see (the view pass). This measures both for a plenary of N people walking at 20 Hz, with four
 * zones whose work (task, countdown, 50 chat lines) is visible to their members and the facilitators.
 *
 *   npm run bench:zones            (150 people, 200 patches)
 *   npm run bench:zones -- 60 400  (60 people, 400 patches)
 */
import { Encoder, StateView } from "@colyseus/schema";
import { growQuietly } from "../../server/session/serializer";
import { PersonState } from "../../shared/people/state";
import { SessionState } from "../../shared/session/state";
import { ChatMessageState } from "../../shared/chat/state";
import { chatKey } from "../../shared/chat/history";
import { LAB } from "../../shared/space/layout";
import { buildZone } from "../../server/zones/commands";

const people = Number(process.argv[2] ?? 150);
const ticks = Number(process.argv[3] ?? 200);
const FACILITATORS = 2;

const state = new SessionState();
LAB.breakoutAreas.forEach((area, i) => {
  const zone = buildZone(area.id, {
    name: "",
    letter: String.fromCharCode(65 + i),
    x: area.x,
    z: area.z,
    radius: area.radius,
    color: "#5b8def",
    capacity: 0,
    locked: false,
    task: "Map the current service path. Who is involved? Where does it get stuck?",
  });
  for (let line = 0; line < 50; line++) {
    const message = new ChatMessageState();
    message.author = "p0";
    message.name = "Somebody";
    message.text = `A chat line of ordinary length, number ${line}`;
    message.at = Date.now();
    zone.work.chat.set(chatKey(line), message);
  }
  state.zones.set(area.id, zone);
});
const zoneIds = [...state.zones.keys()];
for (let i = 0; i < people; i++) {
  const person = new PersonState();
  person.name = `Person ${i}`;
  person.role = i < FACILITATORS ? "facilitator" : "participant";
  // Four fifths out in the zones, the rest in the plenary.
  person.zone = i % 5 === 4 ? "" : zoneIds[i % 4]!;
  person.pose.x = i;
  person.pose.y = 160;
  state.people.set(`p${i}`, person);
}

const encoder = new Encoder(state);
// Grown like the server's encoder (server/session/serializer.ts), without a warning per growth.
growQuietly(encoder);
const views = [...state.people.values()].map((person) => {
  const view = new StateView();
  for (const zone of state.zones.values()) {
    if (person.role === "facilitator" || person.zone === zone.id) view.add(zone);
  }
  return view;
});

// Every client's first full state.
let it = { offset: 0 };
encoder.encodeAll(it);
const sharedFull = it.offset;
let fullBytes = 0;
for (const view of views) fullBytes += encoder.encodeAllView(view, sharedFull, { offset: sharedFull }).length;
encoder.discardChanges();

let sharedMs = 0;
let viewMs = 0;
let sharedBytes = 0;
let viewBytes = 0;
let seq = 50;
for (let tick = 0; tick < ticks; tick++) {
  for (const person of state.people.values()) person.pose.x = (person.pose.x + 1) % 3000;
  // A chat line in one zone every tenth patch, a countdown change every fiftieth.
  if (tick % 10 === 0) {
    const zone = state.zones.get(zoneIds[tick % 4]!)!;
    const message = new ChatMessageState();
    message.author = "p3";
    message.name = "Person 3";
    message.text = `Another line ${tick}`;
    message.at = Date.now();
    zone.work.chat.set(chatKey(seq++), message);
    zone.work.chat.delete([...zone.work.chat.keys()].sort()[0]!);
  }
  if (tick % 50 === 0) for (const zone of state.zones.values()) zone.work.timer.remainingMs = 600_000 - tick;
  it = { offset: 1 };
  let start = performance.now();
  encoder.encode(it);
  sharedMs += performance.now() - start;
  const shared = it.offset;
  sharedBytes += shared;
  start = performance.now();
  for (const view of views) viewBytes += encoder.encodeView(view, shared, it).length - shared;
  viewMs += performance.now() - start;
  encoder.discardChanges();
}

const perTick = (ms: number) => (ms / ticks).toFixed(3);
console.log(`${people} people (${FACILITATORS} facilitators), 4 zones with 50 chat lines each, ${ticks} patches`);
console.log(`first full state: ${Math.round(fullBytes / people)} bytes per client on average`);
console.log(`shared pass:   ${perTick(sharedMs)} ms per patch, ${Math.round(sharedBytes / ticks)} bytes`);
console.log(
  `view passes:   ${perTick(viewMs)} ms per patch for all ${people} clients, ${(viewBytes / ticks / people).toFixed(1)} extra bytes per client`,
);
console.log(`at 20 patches a second: ${((((sharedMs + viewMs) / ticks) * 20) / 10).toFixed(1)} % of one core`);
