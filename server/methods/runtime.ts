import { randomInt } from "node:crypto";
import type { Client } from "@colyseus/core";
import type { MethodsState } from "../../shared/protocol";
import type { Person } from "../../shared/methods/grouping";
import { currentStep, currentStepEndsAt, emptyRun, groupOf, type MethodsRun } from "../../shared/methods/run";
import type { RoomApi } from "../commands/registry";
import type { ClientPrivate } from "../commands/dispatch";
import { placeOf } from "../hybrid/seating";
import { METHODS_RUN_ID, methodsRunRecord } from "./records";
import { zonesShortOf } from "./arrange";
import { glassScreens, hiddenFrom } from "./troika";
import { troikaPartOf } from "../../shared/methods/troika";
import { cardPassViewFor } from "../../shared/methods/card-pass";
import { cardPassForRun, cardPassOf, commitCardPass, passIsCurrent } from "./card-pass";
import { sheetPassViewFor } from "../../shared/methods/sheet-pass";
import { sheetPassOf, sheetPasses, sheetsAreCurrent, syncSheetPasses } from "./sheet-pass";
import { marketNow, marketViewFor } from "../../shared/methods/marketplace";
import { marketOf, markets, syncMarkets } from "./marketplace";
import { kanbanViewFor } from "../../shared/methods/kanban";
import { kanbanIsCurrent, kanbanOf, syncKanbans } from "./kanban";
import { stagesFor } from "./stages";

const runs = new WeakMap<RoomApi, MethodsRun>();

export const newSeed = () => randomInt(0, 2 ** 31);

export function runOf(room: RoomApi): MethodsRun {
  let run = runs.get(room);
  if (!run) {
    run = emptyRun(newSeed());
    runs.set(room, run);
  }
  return run;
}

const uidOf = (client: Client) => (client.userData as ClientPrivate | undefined)?.uid;

/** Participants present now, by their stable uid: the people a step groups (facilitators run it, observers watch). */
export function presentParticipants(room: RoomApi): Person[] {
  const out: Person[] = [];
  for (const client of room.clients) {
    const person = room.state.people.get(client.sessionId);
    const uid = uidOf(client);
    if (!person || !uid || person.role !== "participant") continue;
    const place = placeOf(room, client.sessionId);
    // A room device is equipment (the room's microphone and speaker), not a member of any group.
    if (place?.seat === "device") continue;
    out.push({ id: uid, organisation: person.organisation, ...(place ? { table: place.physical.id } : {}) });
  }
  return out;
}

/** What one person is told: facilitators get the plan; everyone gets the current step and their group. */
export function stateFor(room: RoomApi, run: MethodsRun, client: Client): MethodsState {
  const person = room.state.people.get(client.sessionId);
  const step = currentStep(run);
  const group = new Set(groupOf(run, uidOf(client) ?? ""));
  const members: MethodsState["group"] = [];
  for (const other of room.clients) {
    const uid = uidOf(other);
    const them = room.state.people.get(other.sessionId);
    if (uid && them && group.has(uid)) members.push({ id: other.sessionId, name: them.name });
  }
  return {
    plan: person?.role === "facilitator" ? run.plan : null,
    step,
    steps: run.plan?.steps.length ?? 0,
    current: run.plan && step >= 0 ? run.plan.steps[step]! : null,
    startedAt: run.entries.at(-1)?.startedAt ?? null,
    endsAt: currentStepEndsAt(run),
    zonesShort: person?.role === "facilitator" ? zonesShortOf(room) : null,
    group: members,
    troika: troikaFor(room, run, client),
    cardPass: cardPassFor(room, run, client),
    sheetPass: sheetPassFor(room, run, client),
    market: marketFor(room, run, client),
    kanban: kanbanFor(room, run, client),
    stages: stagesFor(room, run, client),
  };
}

function kanbanFor(room: RoomApi, run: MethodsRun, client: Client): MethodsState["kanban"] {
  const board = kanbanOf(room);
  return board && kanbanViewFor(board, uidOf(client) ?? "", kanbanIsCurrent(board, run));
}

function sheetPassFor(room: RoomApi, run: MethodsRun, client: Client): MethodsState["sheetPass"] {
  const pass = sheetPassOf(room);
  if (!pass) return null;
  const facilitator = room.state.people.get(client.sessionId)?.role === "facilitator";
  // After the step, each group keeps its full sheets to read (cluster and vote follow).
  const uid = uidOf(client) ?? "";
  return sheetPassViewFor(pass, uid, facilitator, sheetsAreCurrent(pass, run), groupOf(run, uid).length > 0);
}

function marketFor(room: RoomApi, run: MethodsRun, client: Client): MethodsState["market"] {
  const market = marketOf(room);
  return market && marketViewFor(market, marketNow(market, run), uidOf(client) ?? "");
}

function cardPassFor(room: RoomApi, run: MethodsRun, client: Client): MethodsState["cardPass"] {
  const pass = cardPassOf(room);
  // A pass left behind unrevealed (the facilitator moved on while cards were being written) is not shown.
  if (!pass || (!passIsCurrent(pass, run) && pass.phase !== "done")) return null;
  return cardPassViewFor(pass, uidOf(client) ?? "", room.state.people.get(client.sessionId)?.role === "facilitator");
}

function troikaFor(room: RoomApi, run: MethodsRun, client: Client): MethodsState["troika"] {
  const part = troikaPartOf(run, uidOf(client) ?? "");
  if (!part) return null;
  return { ...part, hidden: hiddenFrom(glassScreens(room, run), client.sessionId) };
}

export function tell(room: RoomApi, client: Client): void {
  client.send("methods.state", stateFor(room, runOf(room), client));
}

/** Tells the people with these uids (except `skip`). */
export function tellUids(room: RoomApi, uids: readonly string[], skip?: Client): void {
  const wanted = new Set(uids);
  for (const client of room.clients) {
    const uid = uidOf(client);
    if (client !== skip && uid && wanted.has(uid)) tell(room, client);
  }
}

export function tellEveryone(room: RoomApi): void {
  for (const client of room.clients) tell(room, client);
}

export function tellFacilitators(room: RoomApi): void {
  for (const client of room.clients) {
    if (room.state.people.get(client.sessionId)?.role === "facilitator") tell(room, client);
  }
}

/**
 * Makes `next` the run: in memory at once (so a second Next is checked against it), then stored, and
 * only then told to anyone. When storing fails the run goes back to what it was.
 */
export async function commitRun(room: RoomApi, next: MethodsRun, now: number): Promise<boolean> {
  const before = runOf(room);
  runs.set(room, next);
  try {
    await room.saveRecord(methodsRunRecord.encode(METHODS_RUN_ID, next, now));
  } catch (error) {
    console.error("methods run not saved:", error instanceof Error ? error.message : error);
    if (runs.get(room) === next) runs.set(room, before);
    return false;
  }
  // A 25/10 step just entered starts its card pass; Back before it (or a new plan) drops the pass.
  // Should that fail to store, the step stands and the facilitator can go back and forth again.
  const pass = cardPassOf(room);
  const wanted = cardPassForRun(pass, next);
  if (wanted !== pass) await commitCardPass(room, wanted, now);
  // Likewise each Brainwriting step hands out sheets of its own, and Back before it drops them.
  await sheetPasses.queue(room, () => syncSheetPasses(room, runOf(room), now));
  // Open Space: each marketplace's posting step opens a grid of its own, Back before it drops it (the
  // earlier one shows again as it was); each slot step puts its topics on their zones' tasks.
  await markets.queue(room, () => syncMarkets(room, runOf(room), now));
  // Lean Coffee: each of its steps ends the dot vote and queues the voted topics on a board of its own;
  // Back before the step drops that board and opens the vote again.
  await syncKanbans(room, () => runOf(room), now);
  tellEveryone(room);
  // A Troika step may put the one-way glass up or take it down, a silent step hush its groups:
  // movement and voice apply it now.
  room.screensChanged();
  return true;
}

export function restoreRun(room: RoomApi, run: MethodsRun): void {
  runs.set(room, run);
}
