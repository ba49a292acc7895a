import type { Client } from "@colyseus/core";
import { clientMessages, type ErrorCode, type ServerMessage } from "../../shared/protocol";
import { hasPermission } from "../../shared/session/roles";
import type { PersonState } from "../../shared/people/state";
import type { AnyCommand, ClientPrivate, Command, CommandOutcome, RoomApi } from "./registry";
import { fullBucket, take } from "./rate-limit";
import { freshBudget } from "../../shared/movement/rules";

// Kept importable from here, where it is made (newClientPrivate).
export type { ClientPrivate } from "./registry";

/** Per-connection data that only the server sees; Colyseus carries it over a reconnection. */

export function newClientPrivate(now: number, uid: string): ClientPrivate {
  return { buckets: new Map(), lastRateNoticeAt: -Infinity, movement: freshBudget(now), uid };
}

export function sendError(client: Client, error: ServerMessage<"error">): void {
  client.send("error", error);
}

/**
 * A message type as it may be logged or echoed: the type is client data, so it is never coerced
 * (an object's own `toString` may throw) and never longer than a name needs.
 */
export function describeMessageType(type: unknown): string {
  if (typeof type === "string") return type.slice(0, 60);
  if (typeof type === "number") return String(type);
  return `(${typeof type})`;
}

/**
 * What a fault may say in the log: the error's class and where it was thrown. Not its message,
 * which can quote the payload (people's notes and names stay out of server logs).
 */
export function describeFault(error: unknown): string {
  if (!(error instanceof Error)) return `non-error ${typeof error}`;
  const where = error.stack
    ?.split("\n")
    .slice(1)
    .find((line) => !line.includes("node_modules") && !line.includes("node:"));
  return `${error.name}${where ? ` ${where.trim()}` : ""}`;
}

function describeIssue(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return "invalid";
  const path = first.path.map(String).join(".");
  return (path ? `${path}: ` : "") + first.message.slice(0, 80);
}

/**
 * Runs one incoming message through the checks every command shares, in the order that costs
 * least for hostile input: rate, then shape, then role, then the command itself.
 */
export async function dispatch(
  command: AnyCommand,
  room: RoomApi,
  client: Client,
  privateData: ClientPrivate,
  person: PersonState | undefined,
  raw: unknown,
  now: number,
): Promise<CommandOutcome> {
  const refuse = (error: ErrorCode, detail?: string): CommandOutcome => {
    sendError(client, { code: error, command: command.name, ...(detail ? { detail } : {}) });
    return { error, ...(detail ? { detail } : {}) };
  };

  const bucket = privateData.buckets.get(command.name) ?? fullBucket(command.rate, now);
  const verdict = take(bucket, command.rate, now);
  privateData.buckets.set(command.name, verdict.bucket);
  if (!verdict.allowed) {
    if (command.overRate === "drop") return { error: "rate_limited" };
    if (now - privateData.lastRateNoticeAt < 1000) return { error: "rate_limited" };
    privateData.lastRateNoticeAt = now;
    return refuse("rate_limited");
  }

  if (!person) return refuse("not_found");

  const parsed = clientMessages[command.name].safeParse(raw);
  if (!parsed.success) return refuse("invalid_payload", describeIssue(parsed.error.issues));

  if (!hasPermission(person.role, command.permission)) return refuse("forbidden");

  // The registry guarantees the payload type matches the name; TypeScript cannot see through the union.
  const outcome = await (command as Command).run({ room, client, person, privateData, now }, parsed.data as never);
  if (outcome && "error" in outcome) return refuse(outcome.error, outcome.detail);
  return undefined;
}
