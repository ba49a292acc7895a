import type { Client, Room } from "@colyseus/core";
import type { StoredRecord } from "../storage/store";
import type { ClientMessage, ClientMessageName, ErrorCode } from "../../shared/protocol";
import type { Permission } from "../../shared/session/roles";
import type { PersonState } from "../../shared/people/state";
import type { SessionState } from "../../shared/session/state";
import type { Bucket, RateLimit } from "./rate-limit";
import type { SessionServices } from "../session/services";
import type { MoveBudget } from "../../shared/movement/rules";
import type { ScreenFile } from "../screen/records";
import type { ZoneShape } from "../../shared/zones/membership";

/** What the room lends commands and modules: the state, the clock and a few verbs. */
export interface RoomApi {
  readonly state: SessionState;
  readonly services: SessionServices;
  /** The room's clock: timers made on it stop with the room (never use a raw setTimeout in a room). */
  readonly clock: Room["clock"];
  /** Every connected client, e.g. to send to a chosen few or to fill their StateView. */
  readonly clients: Iterable<Client>;
  /**
   * Coaches watching, by session id. A coach has no place in `state.people` (no avatar, nothing
   * participants' state would carry); only the count is public (`state.coaching.coaches`).
   */
  readonly coaches: ReadonlyMap<string, PersonState>;
  /** Stores a document record for this session; resolves once it is durable. */
  saveRecord(record: StoredRecord): Promise<void>;
  deleteRecord(kind: string, id: string): Promise<void>;
  /** Stores and deletes several records all at once or not at all; resolves once durable. */
  writeRecords(put: readonly StoredRecord[], remove: readonly { kind: string; id: string }[]): Promise<void>;
  /** Tells every module that the server accepted a new position for a person. */
  personMoved(id: string): void;
  /** Tells every module that a person's zone changed. */
  personChangedZone(id: string, from: string, to: string): void;
  /** Tells every module that a person's role changed. */
  personChangedRole(id: string, from: string, to: string): void;
  /** Tells every module that a zone was added, moved or removed; resolves when they have stored their changes. */
  zoneLayoutChanged(id: string, before: ZoneShape | null, after: ZoneShape | null): Promise<void>;
  /** Asks every module whether a person may step to (x, z) metres; the first refusal wins. */
  checkMove(id: string, x: number, z: number): MoveRefusal | undefined;
  /** Looks up a connected client by session id. */
  clientById(id: string): Client | undefined;
  /** Moves a person on the server's authority and tells their client to follow. */
  placePerson(id: string, x: number, z: number, yaw?: number): void;
  /** Closes one person's connection after telling them why. */
  removePerson(id: string, reason: "ended" | "removed"): void;
  /** Sends a coach away, saying their link was withdrawn. */
  dismissCoach(id: string): void;
  /** Closes every connection (the session has ended, or is being deleted); resolves when the room is gone. */
  closeAll(reason?: "ended" | "deleted"): Promise<void>;
  /**
   * Every screen up right now, from all capabilities: a person's session id → those who must neither
   * see nor hear them (see RoomModule.screens).
   */
  screens(): ReadonlyMap<string, ReadonlySet<string>>;
  /** Everyone hushed right now, from all capabilities: session ids nobody hears (see RoomModule.hushed). */
  hushed(): ReadonlySet<string>;
  /** A capability put a screen up or took it down, or hushed or unhushed people: movement and voice apply it at once. */
  screensChanged(): void;
  /** Something happened to the session outside the room (see RoomModule.onNotice). */
  notice(notice: RoomNotice): void;
}

export interface CommandContext {
  room: RoomApi;
  client: Client;
  /** The sender's presence record. */
  person: PersonState;
  /** The sender's server-only data. */
  privateData: ClientPrivate;
  /** Server time, ms. */
  now: number;
}

/** A command either succeeds (nothing to say) or is refused with a reason the client can translate. */
export type CommandOutcome = void | { error: ErrorCode; detail?: string };

/**
 * A message a client may send, as data: the room registers every command in a loop and runs the
 * same checks for all of them (rate, shape, role) before `run` sees a validated payload.
 */
export interface Command<N extends ClientMessageName = ClientMessageName> {
  name: N;
  /** Who may send it; refused with `forbidden` otherwise. */
  permission: Permission;
  rate: RateLimit;
  /**
   * Past the rate: `reject` answers with `rate_limited`; `drop` ignores quietly
   * (for streams such as poses, where the next message supersedes this one anyway).
   */
  overRate: "reject" | "drop";
  run(ctx: CommandContext, payload: ClientMessage<N>): CommandOutcome | Promise<CommandOutcome>;
}

/** Identity function that keeps the payload type tied to the message name. */
export function defineCommand<N extends ClientMessageName>(command: Command<N>): Command<N> {
  return command;
}

export type AnyCommand = { [N in ClientMessageName]: Command<N> }[ClientMessageName];

/** What the server keeps about one connection, never sent to anyone (Colyseus' client.userData). */
export interface ClientPrivate {
  buckets: Map<string, Bucket>;
  /** When this client was last told it is rate limited, so a flood gets one reply a second, not one each. */
  lastRateNoticeAt: number;
  /** How far this person may still walk right now (see shared/movement/rules.ts). */
  movement: MoveBudget;
  /**
   * Who this person is within the session, stable across reconnections and server restarts
   * (derived from the browser's person key; see server/session/secrets.ts).
   */
  uid: string;
}

/** Why a capability stopped a step, and which zone did. */
export interface MoveRefusal {
  reason: "zone_locked" | "zone_full" | "seated";
  zone: string;
}

/** What the HTTP side tells a session's room; plain data, as it may travel between processes. */
export type RoomNotice = { kind: "screen.fileAdded"; file: ScreenFile } | { kind: "coaching.linkRevoked" };
