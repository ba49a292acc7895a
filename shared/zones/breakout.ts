import type { Circle } from "../space/layout";
import type { Random } from "../random";
import { intBelow } from "../random";
import { zoneSeats } from "./seats";
import type { Placement } from "./gather";

/**
 * A breakout, as pure rules: groups are sent out to zones (each to its own zone, within its
 * capacity), and later recalled (see gather.ts). "Breakout" is the capability's one name in code: the
 * message is `zones.send`, the facilitator's button says "Send to zones".
 *
 * `sendProblems` is the one check of a send-out: the server refuses by it, and the facilitator's
 * panel and the VR menu use it to say why the button is not ready.
 */

/** What the checks need of a zone. */
export interface SendZone {
  id: string;
  /** Most participants; 0 = no limit. */
  capacity: number;
}

/** A zone people can be sent to: where it lies as well. */
export interface BreakoutZone extends SendZone, Circle {}

export interface BreakoutPerson {
  id: string;
  role: string;
  name: string;
  /**
   * Sitting at a hybrid table (or serving as its room device): their table is their group, and a
   * send-out cannot take them from their seat, so they are never in a breakout group.
   */
  atTable?: boolean;
}

/** Who a breakout groups: the participants walking the lab (those at tables stay with their table). */
export function breakoutCandidates<P extends { role: string; atTable?: boolean }>(people: readonly P[]): P[] {
  return people.filter((person) => person.role === "participant" && !person.atTable);
}

/** What the checks read: the zones and the people here now. */
export interface SendContext {
  zones: readonly SendZone[];
  people: readonly BreakoutPerson[];
}

export interface BreakoutContext extends SendContext {
  zones: readonly BreakoutZone[];
}

export interface BreakoutGroup {
  zone: string;
  people: readonly string[];
  /** The group's own task, instead of the common one. */
  task?: string;
}

/**
 * The most one send may carry in tasks and people's ids together (UTF-8 bytes): a kibibyte under
 * MAX_MESSAGE_BYTES, which leaves room for the message's framing (names, lengths) with 16 groups.
 * With 500 people out (about 5 KB of ids) there is still room for 10 KB of tasks.
 */
export const SEND_TASK_BYTES = 15 * 1024;

const utf8 = new TextEncoder();

export type SendProblem =
  | { code: "no_group" }
  | { code: "zone_missing"; zone: string }
  | { code: "zone_twice"; zone: string }
  | { code: "person_missing"; person: string }
  | { code: "observer"; person: string }
  | { code: "person_twice"; person: string }
  | { code: "at_table"; person: string }
  | { code: "over_capacity"; zone: string; capacity: number }
  | { code: "tasks_too_long"; bytes: number };

/**
 * Everything wrong with sending these groups, in the order met (group by group): a zone that does not
 * exist or is used twice, a person who is not here, is an observer, sits at a table or is in two groups, or a group
 * larger than its zone's capacity. The facilitator's send overrides a zone's lock (it is their
 * decision), never its capacity. Empty means the send may go.
 */
export function sendProblems(ctx: SendContext, groups: readonly BreakoutGroup[], commonTask = ""): SendProblem[] {
  const problems: SendProblem[] = [];
  if (groups.length === 0) problems.push({ code: "no_group" });
  const zones = new Map(ctx.zones.map((zone) => [zone.id, zone]));
  const people = new Map(ctx.people.map((person) => [person.id, person]));
  const seenZones = new Set<string>();
  const seenPeople = new Set<string>();
  for (const group of groups) {
    const zone = zones.get(group.zone);
    if (!zone) problems.push({ code: "zone_missing", zone: group.zone });
    else if (seenZones.has(group.zone)) problems.push({ code: "zone_twice", zone: group.zone });
    seenZones.add(group.zone);
    for (const id of group.people) {
      const person = people.get(id);
      if (!person) problems.push({ code: "person_missing", person: id });
      else if (person.role === "observer") problems.push({ code: "observer", person: id });
      else if (person.atTable) problems.push({ code: "at_table", person: id });
      else if (seenPeople.has(id)) problems.push({ code: "person_twice", person: id });
      seenPeople.add(id);
    }
    if (zone && zone.capacity > 0 && group.people.length > zone.capacity) {
      problems.push({ code: "over_capacity", zone: zone.id, capacity: zone.capacity });
    }
  }
  const texts = [commonTask, ...groups.flatMap((group) => [group.task ?? "", ...group.people])];
  const bytes = texts.reduce((sum, text) => sum + utf8.encode(text).length + 1, 0);
  if (bytes > SEND_TASK_BYTES) problems.push({ code: "tasks_too_long", bytes });
  return problems;
}

/** A send-out's problem as the server's refusal. */
export function sendRefusal(problem: SendProblem): {
  error: "not_found" | "invalid_payload" | "zone_full";
  detail?: string;
} {
  switch (problem.code) {
    case "no_group":
      return { error: "invalid_payload", detail: "no group" };
    case "zone_missing":
      return { error: "not_found", detail: problem.zone };
    case "zone_twice":
      return { error: "invalid_payload", detail: "zone twice" };
    case "person_missing":
      return { error: "not_found", detail: "person" };
    case "observer":
      return { error: "invalid_payload", detail: "observer" };
    case "person_twice":
      return { error: "invalid_payload", detail: "person twice" };
    case "at_table":
      return { error: "invalid_payload", detail: "seated at a table" };
    case "over_capacity":
      return { error: "zone_full", detail: problem.zone };
    case "tasks_too_long":
      return { error: "invalid_payload", detail: "tasks too long" };
  }
}

export interface SendInput {
  groups: readonly BreakoutGroup[];
  task?: string;
  seconds?: number;
}

/** What a send-out does, for the server to apply. */
export interface BreakoutPlan {
  /** Where each person sent goes. */
  placements: Placement[];
  /** The zones that receive a group: their ready flag is lowered, task and countdown set when given. */
  zones: string[];
  /** Each receiving zone's task (the group's own, else the common one); a zone without one keeps its task. */
  tasks: Map<string, string>;
  seconds?: number;
  /** The send-out as kept for the session's record (exports list them), by the names people had. */
  record: {
    id: string;
    at: number;
    seconds: number | null;
    task: string | null;
    groups: { zone: string; people: string[]; task?: string }[];
  };
}

/** A record id: the time, then a random part so two sends in one millisecond do not collide. */
function recordId(now: number, random: Random): string {
  return `${now.toString(36)}-${intBelow(random, 1 << 30).toString(36)}`;
}

/** Sends groups out: refused with the first problem, or the plan that moves everyone to their zone's spots. */
export function planBreakout(
  ctx: BreakoutContext & { now: number; random: Random },
  input: SendInput,
): { error: ReturnType<typeof sendRefusal> } | BreakoutPlan {
  const [problem] = sendProblems(ctx, input.groups, input.task);
  if (problem) return { error: sendRefusal(problem) };
  const zones = new Map(ctx.zones.map((zone) => [zone.id, zone]));
  const names = new Map(ctx.people.map((person) => [person.id, person.name]));
  const placements: Placement[] = [];
  for (const group of input.groups) {
    const seats = zoneSeats(zones.get(group.zone)!, group.people.length);
    group.people.forEach((id, i) => placements.push({ id, ...seats[i]! }));
  }
  const tasks = new Map<string, string>();
  for (const group of input.groups) {
    const task = group.task ?? input.task;
    if (task !== undefined) tasks.set(group.zone, task);
  }
  return {
    placements,
    zones: input.groups.map((group) => group.zone),
    tasks,
    ...(input.seconds !== undefined ? { seconds: input.seconds } : {}),
    record: {
      id: recordId(ctx.now, ctx.random),
      at: ctx.now,
      seconds: input.seconds ?? null,
      task: input.task ?? null,
      groups: input.groups.map((group) => ({
        zone: group.zone,
        people: group.people.map((id) => names.get(id) ?? ""),
        ...(group.task !== undefined ? { task: group.task } : {}),
      })),
    },
  };
}

// --- the facilitator's draft, before it is sent ---

/** The part of the facilitator's draft that decides what is sent. */
export interface SendDraft {
  /** Person ids per group; null before the first "Form groups". */
  groups: readonly (readonly string[])[] | null;
  /** The zone each group goes to, by index. */
  zoneIds: readonly string[];
  /** A group's own task ("" = the common one). */
  ownTasks: readonly string[];
  task: string;
  minutes: number;
}

/** What "Send to zones" sends for a draft: the groups with their zones and own tasks, the common task and time. */
export interface PreparedSend {
  groups: { zone: string; people: string[]; task?: string }[];
  task?: string;
  seconds: number;
}

/** A draft checked against the room now: what would be sent, and what stops it. */
export interface DraftCheck {
  /** Groups beyond the number of zones (the panel offers to add zones). */
  missingZones: number;
  problems: SendProblem[];
  /** The send, when there is nothing in the way. */
  send: PreparedSend | null;
}

/**
 * The draft's groups as they can be sent now. People who have left (or sat down at a hybrid table)
 * since the groups were formed are dropped, and so are empty groups and groups without a zone; what remains is checked by the same
 * `sendProblems` the server refuses by. The facilitator panel's button and the in-VR menu's both send
 * exactly `send`.
 */
export function checkDraft(draft: SendDraft, ctx: SendContext): DraftCheck {
  if (!draft.groups) return { missingZones: 0, problems: [{ code: "no_group" }], send: null };
  // Someone who sat down at a table since the groups were formed stays there: dropped like someone who left.
  const present = new Set(breakoutCandidates(ctx.people).map((person) => person.id));
  const known = new Set(ctx.zones.map((zone) => zone.id));
  const groups = draft.groups.map((group) => group.filter((member) => present.has(member)));
  const missingZones = Math.max(0, groups.length - ctx.zones.length);
  const outgoing = groups
    .map((people, i) => ({ zone: draft.zoneIds[i] ?? "", people, own: draft.ownTasks[i]?.trim() ?? "" }))
    .filter((group) => group.people.length > 0 && known.has(group.zone));
  const groupsToSend = outgoing.map(({ zone, people, own }) => ({ zone, people, ...(own ? { task: own } : {}) }));
  const task = draft.task.trim() ? draft.task : undefined;
  const problems = sendProblems(ctx, groupsToSend, task);
  if (problems.length > 0 || missingZones > 0) return { missingZones, problems, send: null };
  return {
    missingZones,
    problems,
    send: { groups: groupsToSend, ...(task !== undefined ? { task } : {}), seconds: draft.minutes * 60 },
  };
}
