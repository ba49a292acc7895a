import type { Client } from "@colyseus/core";
import { NEAR_TAG, type PersonState } from "../../shared/people/state";
import type { PoseState } from "../../shared/movement/state";
import { coarsePose, EVERYONE_NEAR, INTEREST, nearSetFor, type InterestPerson } from "../../shared/movement/interest";
import {
  assemblePosesMessage,
  encodeFarPoses,
  POSES_MESSAGE,
  poseEntry,
  type SlotPose,
} from "../../shared/movement/poses-message";
import { cmToMetres, POSITION_STEPS_PER_METRE } from "../../shared/movement/pose-codec";
import type { RoomApi } from "../commands/registry";

/**
 * Applies the interest rule (shared/movement/interest.ts) to each client: the people near it reach
 * it at the full rate, their pose in the `movement.poses` message (sendPoses) and, for people in
 * VR, their hands through its StateView (NEAR_TAG); everyone else only as the coarse `farPose`,
 * refreshed here at a low rate and sent in the same message.
 */

/** Whose full pose each client currently receives, by client session id; one table per room. */
const nearByRoom = new WeakMap<RoomApi, Map<string, Set<string>>>();
/**
 * The room's screens (RoomApi.screens) as last read: a screened person's session id → who must not
 * see them. Read at every recomputation and when a screen changes, not at every step anyone takes.
 */
const screensByRoom = new WeakMap<RoomApi, ReadonlyMap<string, ReadonlySet<string>>>();

function readScreens(room: RoomApi): ReadonlyMap<string, ReadonlySet<string>> {
  const screens = room.screens();
  screensByRoom.set(room, screens);
  return screens;
}

/** Takes out of a near set everyone screened from its viewer: not even their full pose reaches them. */
function withoutScreened(near: Set<string>, viewer: string, screens: ReadonlyMap<string, ReadonlySet<string>>) {
  for (const [id, from] of screens) if (from.has(viewer)) near.delete(id);
  return near;
}

function nearTable(room: RoomApi): Map<string, Set<string>> {
  let table = nearByRoom.get(room);
  if (!table) {
    table = new Map();
    nearByRoom.set(room, table);
  }
  return table;
}

/** Everyone as the rule sees them, and by id (each client's own entry is looked up once per recomputation). */
interface InterestPeople {
  all: InterestPerson[];
  byId: Map<string, InterestPerson>;
}

function interestPeople(room: RoomApi): InterestPeople {
  const people: InterestPeople = { all: [], byId: new Map() };
  for (const [id, person] of room.state.people) {
    const entry = {
      id,
      x: cmToMetres(person.pose.x),
      z: cmToMetres(person.pose.z),
      zone: person.zone,
      role: person.role,
    };
    people.all.push(entry);
    people.byId.set(id, entry);
  }
  return people;
}

/** The near set of one client: a person by the rule, a coach (no place in the room) only the facilitators. */
function nearFor(room: RoomApi, id: string, people: InterestPeople, previous: ReadonlySet<string>) {
  const rule = room.services.interestManagement === false ? EVERYONE_NEAR : INTEREST;
  const viewer = people.byId.get(id);
  if (viewer) return nearSetFor(viewer, people.all, previous, rule);
  return new Set(people.all.filter((p) => p.role === "facilitator" || rule === EVERYONE_NEAR).map((p) => p.id));
}

/**
 * Whose hands each client's StateView holds (NEAR_TAG), by client session id; one table per room.
 * Hands are added only for people in VR: a desktop person has none, and adding everyone near to
 * the view as the near sets shift was a tenth of the server's work at 500 walkers. So a client
 * holds someone's hands exactly while they are near and in VR, as a late joiner would.
 */
const handsShownByRoom = new WeakMap<RoomApi, Map<string, Set<string>>>();

function handsShown(room: RoomApi, clientId: string): Set<string> {
  let table = handsShownByRoom.get(room);
  if (!table) {
    table = new Map();
    handsShownByRoom.set(room, table);
  }
  let shown = table.get(clientId);
  if (!shown) {
    shown = new Set();
    table.set(clientId, shown);
  }
  return shown;
}

/** Puts `person`'s hands into `client`'s view, or takes them out. */
function showHands(room: RoomApi, client: Client, id: string, person: PersonState, show: boolean): void {
  const view = client.view;
  if (!view) return;
  const shown = handsShown(room, client.sessionId);
  if (show && !shown.has(id)) {
    view.add(person, NEAR_TAG);
    shown.add(id);
  } else if (!show && shown.has(id)) {
    view.remove(person, NEAR_TAG);
    shown.delete(id);
  }
}

/** Brings one client's view in step with its near set; returns the set now applied. */
function applyNear(room: RoomApi, client: Client, next: Set<string>, previous: ReadonlySet<string>): Set<string> {
  const { people } = room.state;
  for (const id of previous) {
    const person = people.get(id);
    if (person && !next.has(id)) showHands(room, client, id, person, false);
  }
  for (const id of next) {
    const person = people.get(id);
    if (!person) next.delete(id);
    else if (!previous.has(id) && person.inVR) showHands(room, client, id, person, true);
  }
  return next;
}

/** Someone entered or left VR: whoever has them near receives their hands from now on, or no longer. */
export function handsFollowVR(room: RoomApi, id: string): void {
  const person = room.state.people.get(id);
  if (!person) return;
  for (const [clientId, near] of nearTable(room)) {
    const client = near.has(id) ? room.clientById(clientId) : undefined;
    if (client) showHands(room, client, id, person, person.inVR);
  }
}

/** Each client's turn in the spread-out recomputation (see INTEREST.recomputeTurns), by session id; one table per room. */
const turnsByRoom = new WeakMap<RoomApi, { next: number; now: number; of: Map<string, number> }>();

function turns(room: RoomApi) {
  let table = turnsByRoom.get(room);
  if (!table) {
    table = { next: 0, now: 0, of: new Map() };
    turnsByRoom.set(room, table);
  }
  return table;
}

/**
 * Recomputes every client's near set: when screens change (at once, for everyone), and through
 * refreshInterestTurn a share at a time (a few times a second: people walk at most a few metres in that time).
 */
export function refreshInterest(room: RoomApi, only?: (sessionId: string) => boolean): void {
  const table = nearTable(room);
  const people = interestPeople(room);
  const screens = readScreens(room);
  for (const client of room.clients) {
    if (only && !only(client.sessionId)) continue;
    const previous = table.get(client.sessionId) ?? new Set<string>();
    const near = withoutScreened(nearFor(room, client.sessionId, people, previous), client.sessionId, screens);
    table.set(client.sessionId, applyNear(room, client, near, previous));
  }
}

/**
 * Recomputes the near sets of the clients whose turn it is: called every recomputeMs / recomputeTurns,
 * so each client's comes round every recomputeMs, and no patch carries everyone's recomputation.
 * Clients take turns in the order they joined (a newcomer's set is computed at once by joinInterest).
 */
export function refreshInterestTurn(room: RoomApi): void {
  const table = turns(room);
  const now = table.now;
  table.now = (now + 1) % INTEREST.recomputeTurns;
  refreshInterest(room, (id) => (table.of.get(id) ?? 0) === now);
}

/**
 * A newcomer sees themselves and whoever is near in their very first state, and is in the near
 * people's views at once (not only at the next recomputation).
 */
export function joinInterest(room: RoomApi, client: Client): void {
  const person = room.state.people.get(client.sessionId);
  if (person) writeFarPose(person);
  const table = nearTable(room);
  const people = interestPeople(room);
  const screens = readScreens(room);
  const turn = turns(room);
  turn.of.set(client.sessionId, turn.next);
  turn.next = (turn.next + 1) % INTEREST.recomputeTurns;
  const mine = withoutScreened(nearFor(room, client.sessionId, people, new Set()), client.sessionId, screens);
  const near = applyNear(room, client, mine, new Set());
  table.set(client.sessionId, near);
  if (!person) return;
  for (const id of near) {
    const other = room.clientById(id);
    const theirs = table.get(id);
    if (!other?.view || !theirs || theirs.has(client.sessionId)) continue;
    if (screens.get(client.sessionId)?.has(id)) continue;
    if (person.inVR) showHands(room, other, client.sessionId, person, true);
    theirs.add(client.sessionId);
  }
}

/** Forgets a person who left: their own near set, and their place in everyone else's. */
export function leaveInterest(room: RoomApi, id: string): void {
  const table = nearTable(room);
  table.delete(id);
  for (const near of table.values()) near.delete(id);
  const shown = handsShownByRoom.get(room);
  shown?.delete(id);
  for (const ids of shown?.values() ?? []) ids.delete(id);
  turns(room).of.delete(id);
  // Their slot leaves the others' poses messages at the next send (it is no longer among the people).
  sentPoses(room).sent.delete(id);
}

/** What each client last received of the poses; one table per room. */
interface SentPoses {
  /** By client session id: the people whose full pose it holds, and their slots (to say when they go). */
  sent: Map<string, Map<string, number>>;
  /** Each person's pose as last sent, x y z yaw pitch, to send only the poses that changed. */
  last: WeakMap<PersonState, Int32Array>;
  /** Each person's coarse pose as last sent, likewise. */
  lastFar: WeakMap<PersonState, Int32Array>;
}

const sentPosesByRoom = new WeakMap<RoomApi, SentPoses>();

function sentPoses(room: RoomApi): SentPoses {
  let table = sentPosesByRoom.get(room);
  if (!table) {
    table = { sent: new Map(), last: new WeakMap(), lastFar: new WeakMap() };
    sentPosesByRoom.set(room, table);
  }
  return table;
}

/** Sends the next message as a full one (a reconnected page may have missed some). */
export function resendPoses(room: RoomApi, id: string): void {
  sentPoses(room).sent.delete(id);
}

/** Whether a pose changed since the last send; remembers it as sent. */
function poseChanged(lastSent: WeakMap<PersonState, Int32Array>, person: PersonState, pose: PoseState): boolean {
  // `| 0`: a field never set reads undefined; it is sent as 0 and must compare as 0.
  const [x, y, z, yaw, pitch] = [pose.x | 0, pose.y | 0, pose.z | 0, pose.yaw | 0, pose.pitch | 0];
  let last = lastSent.get(person);
  if (!last) {
    last = new Int32Array(5);
    lastSent.set(person, last);
  } else if (last[0] === x && last[1] === y && last[2] === z && last[3] === yaw && last[4] === pitch) return false;
  last[0] = x;
  last[1] = y;
  last[2] = z;
  last[3] = yaw;
  last[4] = pitch;
  return true;
}

/**
 * Before each patch: every client receives the full poses of its near set that changed, of whoever
 * became near, the slots of whoever stopped being near, and every coarse pose that changed (all of
 * them in a client's first message). A client with nothing to hear gets no message.
 */
export function sendPoses(room: RoomApi): void {
  const table = sentPoses(room);
  const { people } = room.state;
  // Each person once per tick: whether their pose changed, and their message entry, made the first
  // time a client needs it and then copied into every other near client's message.
  const tick = new Map<string, PoseThisTick>();
  const farChanged: SlotPose[] = [];
  // Without interest management everyone is near: the coarse poses would only add bytes.
  const withFar = room.services.interestManagement !== false;
  for (const [id, person] of people) {
    const changed = poseChanged(table.last, person, person.pose);
    tick.set(id, { slot: person.slot, pose: person.pose, changed, entry: undefined });
    if (withFar && poseChanged(table.lastFar, person, person.farPose)) {
      farChanged.push({ slot: person.slot, pose: person.farPose });
    }
  }
  const farPart = encodeFarPoses(farChanged);
  // Everyone's coarse pose, for a client's first message; made only when one is due.
  let farAllPart: Uint8Array | undefined;
  const everyonesFar = () =>
    encodeFarPoses(
      withFar ? Array.from(people.values(), (person) => ({ slot: person.slot, pose: person.farPose })) : [],
    );
  const nearSets = nearTable(room);
  // Sent at once, before the timers and the patches: the poses are what must not wait. (Held back
  // to leave in one write with the patch, they saved little CPU and added 12 ms to the median move-to-seen
  // at 200 walkers.) Newest client first, the order in which Colyseus then sends the patches.
  const clients = [...room.clients];
  for (let i = clients.length - 1; i >= 0; i--) {
    const client = clients[i]!;
    const near = nearSets.get(client.sessionId);
    if (!near) continue;
    let sent = table.sent.get(client.sessionId);
    const full = sent === undefined;
    if (!sent) {
      sent = new Map();
      table.sent.set(client.sessionId, sent);
    }
    const entries: Uint8Array[] = [];
    const gone: number[] = [];
    for (const [id, slot] of sent) {
      if (near.has(id) && tick.has(id)) continue;
      gone.push(slot);
      sent.delete(id);
    }
    for (const id of near) {
      const person = tick.get(id);
      if (!person) continue;
      const known = sent.has(id);
      if (full || !known || person.changed) entries.push((person.entry ??= poseEntry(person.slot, person.pose)));
      if (!known) sent.set(id, person.slot);
    }
    if (full) {
      farAllPart ??= everyonesFar();
      client.sendBytes(POSES_MESSAGE, assemblePosesMessage(full, entries, gone, farAllPart));
    } else if (entries.length > 0 || gone.length > 0 || farChanged.length > 0) {
      client.sendBytes(POSES_MESSAGE, assemblePosesMessage(full, entries, gone, farPart));
    }
  }
}

/** One person as sendPoses sees them in one tick. */
interface PoseThisTick {
  slot: number;
  pose: PoseState;
  /** Their full pose changed since the last tick. */
  changed: boolean;
  /** Their message entry (poseEntry), once a client needed it this tick. */
  entry: Uint8Array | undefined;
}

/** Copies the rounded pose into `farPose`, field by field only where it changed: an unchanged field costs nothing. */
export function writeFarPose(person: PersonState): void {
  const coarse = coarsePose(person.pose);
  const far = person.farPose;
  if (far.x !== coarse.x) far.x = coarse.x;
  if (far.y !== coarse.y) far.y = coarse.y;
  if (far.z !== coarse.z) far.z = coarse.z;
  if (far.yaw !== coarse.yaw) far.yaw = coarse.yaw;
  if (far.pitch !== coarse.pitch) far.pitch = coarse.pitch;
}

/** After an accepted move: a jump reaches everyone at once (see INTEREST.farJump), a step waits for the refresh. */
export function farPoseAfterMove(room: RoomApi, id: string, person: PersonState): void {
  if (room.services.interestManagement === false) return;
  // Someone behind a screen is not shown moving, even coarsely, to anyone (see refreshFarPoses).
  if (screensByRoom.get(room)?.has(id)) return;
  const { pose, farPose } = person;
  const jump = INTEREST.farJump * POSITION_STEPS_PER_METRE;
  if (Math.abs(pose.x - farPose.x) > jump || Math.abs(pose.z - farPose.z) > jump) writeFarPose(person);
}

/** Whose coarse pose the next refreshFarPoses turn writes, counting through the people; one per room. */
const farTurnByRoom = new WeakMap<RoomApi, number>();

/**
 * Refreshes the coarse pose of a share of the people (every INTEREST.farPoseMs / farPoseTurns), so
 * that each person's is refreshed every farPoseMs: all at once made one message in ten carry 500
 * coarse poses to every client.
 */
export function refreshFarPoses(room: RoomApi): void {
  // Without interest management everyone has the full pose: the coarse copy would only add bytes.
  if (room.services.interestManagement === false) return;
  const turn = farTurnByRoom.get(room) ?? 0;
  farTurnByRoom.set(room, (turn + 1) % INTEREST.farPoseTurns);
  // The coarse pose goes to everyone, so it cannot be kept from a few: while someone is screened
  // (Troika's client listening behind the one-way glass, for a few minutes) it stays as it was.
  const screens = screensByRoom.get(room);
  let i = 0;
  for (const [id, person] of room.state.people) {
    if (i++ % INTEREST.farPoseTurns === turn && !screens?.has(id)) writeFarPose(person);
  }
}
