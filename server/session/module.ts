import type { Client } from "@colyseus/core";
import type { PersonState } from "../../shared/people/state";
import type { ZoneShape } from "../../shared/zones/membership";
import type { AnyCommand, MoveRefusal, RoomApi, RoomNotice } from "../commands/registry";
import type { StoredRecord } from "../storage/store";
import type { ErrorCode, JoinOptions, Role } from "../../shared/protocol";

// The room's contract types live with RoomApi; kept importable from here for the modules.
export type { MoveRefusal, RoomNotice } from "../commands/registry";

/**
 * A capability's server side, as data the session room loops over: its commands, and the moments
 * of a room's life it wants to hear about. The room itself stays a thin shell (server/session/room.ts).
 */
export interface RoomModule {
  name: string;
  commands?: readonly AnyCommand[];
  /** Record kinds this module persists and restores (see server/storage/records.ts). */
  recordKinds?: readonly string[];
  /** When the room is created: set up initial state, timers on `room.clock`. */
  setup?(room: RoomApi): void | Promise<void>;
  /** After setup, with this module's stored records for the session (after a restart, say). */
  restore?(room: RoomApi, records: readonly StoredRecord[]): void | Promise<void>;
  /** Before a person joins: may this capability refuse the join options (a physical room that does not exist)? */
  checkJoin?(room: RoomApi, options: JoinOptions, role: Role): ErrorCode | undefined;
  onJoin?(room: RoomApi, client: Client, person: PersonState): void;
  /** A coach joined (they are not in `state.people`; see RoomApi.coaches): show them what they may see. */
  onCoachJoin?(room: RoomApi, client: Client, coach: PersonState): void;
  /** A coach left (or was dismissed); they were never in `people`, so `onLeave` is not called for them. */
  onCoachLeave?(room: RoomApi, id: string): void;
  /** A dropped connection came back (its StateView is carried over and may need refreshing). */
  onReconnect?(room: RoomApi, client: Client, person: PersonState): void;
  /** Just before each state patch goes out (20 a second): for what is sent beside it, in step with it. */
  beforePatch?(room: RoomApi): void;
  /** The person left for good (not a dropped connection waiting to reconnect). */
  onLeave?(room: RoomApi, id: string): void;
  /** The server accepted a new position for a person (a step, a teleport or a server move). */
  onPersonMoved?(room: RoomApi, id: string, person: PersonState): void;
  /** The person's zone changed ("" is the plenary): update what they may see and hear. */
  onPersonZoneChanged?(room: RoomApi, id: string, from: string, to: string): void;
  /** The person's role changed (a co-facilitator promoted or stepped back): update what they may see. */
  onPersonRoleChanged?(room: RoomApi, id: string, from: string, to: string): void;
  /**
   * A facilitator added (`before` null), moved or resized, or removed (`after` null) a zone: things
   * that belong to the zone (its board) follow it. Memberships are already updated.
   */
  onZoneLayoutChanged?(room: RoomApi, id: string, before: ZoneShape | null, after: ZoneShape | null): Promise<void>;
  /**
   * A person asks to step to (x, z) (metres) and the movement rules allow it: may this capability
   * refuse it (a locked or full zone)? Server moves (send-out, summon) are not asked.
   */
  checkMove?(room: RoomApi, id: string, person: PersonState, x: number, z: number): MoveRefusal | undefined;
  /**
   * Something happened to the session outside its room (an HTTP upload, say), possibly on another
   * server process: the room hears of it here, wherever it runs (server/scaleout/room-calls.ts).
   */
  onNotice?(room: RoomApi, notice: RoomNotice): void;
  /**
   * Screens this capability puts up right now: a person's session id → the session ids of those who
   * must neither see nor hear them (Troika's one-way glass). Movement and voice honour every screen.
   */
  screens?(room: RoomApi): ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * People whose voice nobody hears right now, by session id (Brainwriting's silent writing). Only
   * voice honours it; they are still seen. Changes are announced like screens (RoomApi.screensChanged).
   */
  hushed?(room: RoomApi): ReadonlySet<string>;
  /** Some capability's screens changed (see RoomApi.screensChanged): apply them now, not at the next tick. */
  onScreensChanged?(room: RoomApi): void;
  onDispose?(room: RoomApi): void | Promise<void>;
}
