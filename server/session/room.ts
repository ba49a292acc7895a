import {
  CloseCode,
  OnMessageException,
  Room,
  SchemaSerializer,
  type Client,
  type RoomException,
  type Serializer,
} from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { SESSION_ROOM, joinOptionsSchema, type JoinOptions, type Role } from "../../shared/protocol";
import { PersonState } from "../../shared/people/state";
import { SessionState } from "../../shared/session/state";
import { spawnPoint } from "../../shared/space/layout";
import { quantisePosition, quantiseYaw } from "../../shared/movement/pose-codec";
import { freshBudget } from "../../shared/movement/rules";
import { roomModules } from "../modules";
import type { SessionClaim, SessionStore, StoredRecord } from "../storage/store";
import {
  describeFault,
  describeMessageType,
  dispatch,
  newClientPrivate,
  sendError,
  type ClientPrivate,
} from "../commands/dispatch";
import type { RoomApi } from "../commands/registry";
import type { ZoneShape } from "../../shared/zones/membership";
import type { MoveRefusal, RoomNotice } from "./module";
import type { SessionServices } from "./services";
import { personUid, secretMatches } from "./secrets";
import { JoinRefusal, joinRefusal } from "./join-errors";
import { SessionSerializer } from "./serializer";
import { leastWornColor } from "../../shared/avatars/palette";
import { timelineFor } from "../timeline/recorder";

interface SessionAuth {
  role: Role;
  options: JoinOptions;
}

type SessionClient = Client<{ userData: ClientPrivate; auth: SessionAuth }>;

export interface SessionRoomOptions {
  code: string;
  services: SessionServices;
}

/** Seconds an eye height may default to when a client has not sent a pose yet. */
const DEFAULT_EYE_CM = 160;
/** Abuse ceiling: more messages than this in a second closes the connection (Colyseus enforces it). */
const FLOOD_MESSAGES_PER_SECOND = 120;

/** Close codes after which a client may return to its seat: lost network, no close frame, or a server hint. */
const RECONNECTABLE_CLOSE_CODES = new Set<number>([1005, 1006, CloseCode.MAY_TRY_RECONNECT]);

/**
 * One Colyseus room per session code. The room only wires things together: joining and leaving
 * here, every client message through the command registry (server/commands), the rules in shared/.
 */
/**
 * The session's claim, waiting a little while it is held: the holder is usually a room of ours
 * still closing (its last person just left, or a join was refused). Still held after that, it is
 * another process's open room, and the joiner is told to retry (the client does, and finds it).
 */
async function claimPatiently(store: SessionStore, code: string): Promise<SessionClaim | undefined> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const claim = await store.claimSession(code);
    if (claim) return claim;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

export class SessionRoom extends Room<{ state: SessionState; client: SessionClient }> implements RoomApi {
  override state = new SessionState();
  // No Colyseus limit on purpose: the matchmaker skips a full (locked) room and would open a second
  // room for the same code, splitting the session in two. onAuth refuses past services.maxPeople.
  override maxClients = Infinity;
  override maxMessagesPerSecond = FLOOD_MESSAGES_PER_SECOND;
  services!: SessionServices;
  private joinCount = 0;
  readonly coaches = new Map<string, PersonState>();
  /** This process's hold on the session: no other room may open it meanwhile. */
  private claim: SessionClaim | undefined;

  /** Colyseus makes a SchemaSerializer whenever the state is set; ours sends large states whole. */
  override setSerializer(serializer: Serializer<SessionState>): void {
    super.setSerializer(serializer instanceof SchemaSerializer ? new SessionSerializer<SessionState>() : serializer);
  }

  override async onCreate(options: SessionRoomOptions): Promise<void> {
    this.services = options.services;
    const record = await this.services.store.getSession(options.code);
    if (!record) throw joinRefusal("session_not_found");
    if (record.endedAt !== null) throw joinRefusal("session_ended");
    const claim = await claimPatiently(this.services.store, record.code);
    if (!claim) throw joinRefusal("session_busy");
    this.claim = claim;
    this.state.code = record.code;
    this.state.title = record.title;
    this.setMetadata({ code: record.code });
    this.services.rooms.set(record.code, this);

    for (const module of roomModules) await module.setup?.(this);
    const stored = await this.services.store.loadRecords(record.code);
    for (const module of roomModules) {
      if (!module.restore) continue;
      const kinds = new Set(module.recordKinds ?? []);
      await module.restore(
        this,
        stored.filter((r) => kinds.has(r.kind)),
      );
    }

    for (const command of roomModules.flatMap((module) => module.commands ?? [])) {
      // Returned, not awaited: a rejection reaches onUncaughtException, which Colyseus wires around
      // every handler once the room defines it.
      this.onMessage(command.name, (client: SessionClient, raw: unknown) =>
        this.inTurn(() =>
          dispatch(
            command,
            this,
            client,
            client.userData!,
            this.state.people.get(client.sessionId) ?? this.coaches.get(client.sessionId),
            raw,
            this.services.now(),
          ),
        ),
      );
    }
    // Colyseus calls this for a type nobody registered, as (client, type, payload). A message whose
    // type is literally "*" arrives here too, but as (client, payload): so `type` is untrusted data.
    this.onMessage("*", (client: SessionClient, type: unknown) => {
      sendError(client, { code: "unknown_message", command: describeMessageType(type) });
    });
  }

  /**
   * Runs commands one after another. With a networked store a write takes a round trip, and a
   * second command must not apply (and show) its change before the first one's is stored: nobody
   * may see a change that a crash could still lose. With SQLite a write is already synchronous.
   */
  private inTurn<T>(run: () => Promise<T> | T): Promise<T> {
    const result = this.commandTurn.then(run);
    this.commandTurn = result.catch(() => undefined);
    return result;
  }
  private commandTurn: Promise<unknown> = Promise.resolve();

  /**
   * Whatever a handler, a timer or a hook throws ends here instead of taking the process (and every
   * other session on it) down. The log says where and in which session, never what the payload said.
   */
  override onUncaughtException(error: RoomException, methodName: string): void {
    const cause = error.cause ?? error;
    // A refused join is an answer, not a fault (onAuth throws it on purpose).
    if (cause instanceof JoinRefusal) return;
    const type = error instanceof OnMessageException ? describeMessageType(error.type) : undefined;
    console.error(
      `session ${this.state.code}: ${methodName}${type !== undefined ? ` "${type}"` : ""} failed: ${describeFault(cause)}`,
    );
    if (error instanceof OnMessageException && error.client) {
      sendError(error.client, {
        code: "invalid_payload",
        ...(type !== undefined ? { command: type } : {}),
        detail: "server",
      });
    }
  }

  override async onAuth(_client: SessionClient, rawOptions: unknown): Promise<SessionAuth> {
    const raw = rawOptions as Record<string, unknown> | undefined;
    // Check the protocol first: an old page must be told to reload, not that its name is wrong.
    if (raw?.protocol !== joinOptionsSchema.shape.protocol.value) throw joinRefusal("protocol_mismatch");
    const parsed = joinOptionsSchema.safeParse(raw);
    if (!parsed.success) throw joinRefusal("invalid_join");
    const options = parsed.data;
    if (options.code !== this.state.code) throw joinRefusal("session_not_found");
    if (this.state.ended) throw joinRefusal("session_ended");
    if (this.clients.length >= this.services.maxPeople) throw joinRefusal("session_full");

    let role: Role = options.observer ? "observer" : "participant";
    if (options.facilitatorSecret !== undefined) {
      const record = await this.services.store.getSession(this.state.code);
      if (!record || !secretMatches(options.facilitatorSecret, record.facilitatorHash)) {
        throw joinRefusal("forbidden");
      }
      role = "facilitator";
    } else if (options.coachSecret !== undefined) {
      const hash = await this.services.store.getCoachHash(this.state.code);
      if (!hash || !secretMatches(options.coachSecret, hash)) throw joinRefusal("forbidden");
      role = "coach";
    }
    for (const module of roomModules) {
      const refusal = module.checkJoin?.(this, options, role);
      if (refusal) throw joinRefusal(refusal);
    }
    return { role, options };
  }

  override onJoin(client: SessionClient): void {
    // onAuth always returns auth data; Colyseus types it as optional for rooms without onAuth.
    const { role, options } = client.auth!;
    const now = this.services.now();
    client.userData = newClientPrivate(now, personUid(this.state.code, options.personKey, client.sessionId));
    // Every client gets a view from the start, so modules can show it private data (zone-only, own notes).
    client.view = new StateView();
    if (role === "coach") {
      this.joinCoach(client, options);
      return;
    }
    const order = this.joinCount++;
    const spawn = spawnPoint(order);
    const person = new PersonState();
    // Unique while the person is here: 65536 joins later the first ones have long left.
    person.slot = order % 65536;
    person.name = options.name;
    person.color = options.color ?? leastWornColor(Array.from(this.state.people.values(), (p) => p.color));
    person.role = role;
    person.organisation = options.organisation ?? "";
    person.joinedAt = now;
    person.pose.x = quantisePosition(spawn.x);
    person.pose.y = DEFAULT_EYE_CM;
    person.pose.z = quantisePosition(spawn.z);
    person.pose.yaw = quantiseYaw(spawn.yaw);
    // Every field set: an unset one reads undefined, which sendPoses would send as a change every patch.
    person.pose.pitch = 0;
    this.state.people.set(client.sessionId, person);
    for (const module of roomModules) module.onJoin?.(this, client, person);
  }

  override onDrop(client: SessionClient, code?: number): void {
    // Only a network failure keeps the seat. A closed tab (1001) or a connection the server closed
    // for abuse (4002) is not coming back.
    if (code === undefined || !RECONNECTABLE_CLOSE_CODES.has(code)) {
      this.forgetPerson(client.sessionId);
      client.view?.dispose();
      return;
    }
    const person = this.state.people.get(client.sessionId);
    if (person) person.connected = false;
    this.allowReconnection(client, this.services.reconnectSeconds);
  }

  override onBeforePatch(): void {
    for (const module of roomModules) module.beforePatch?.(this);
  }

  override onReconnect(client: SessionClient): void {
    const person = this.state.people.get(client.sessionId);
    if (!person) return;
    person.connected = true;
    for (const module of roomModules) module.onReconnect?.(this, client, person);
  }

  override onLeave(client: SessionClient): void {
    this.forgetPerson(client.sessionId);
    // Frees the view's slot at once (rather than at garbage collection) with its visibility bits cleared.
    client.view?.dispose();
  }

  override async onDispose(): Promise<void> {
    if (this.services.rooms.get(this.state.code) === this) this.services.rooms.delete(this.state.code);
    // Let the next room open the session as soon as the last command's write is done: tearing
    // down voice takes most of a second and stores nothing.
    await this.commandTurn;
    await this.claim?.release();
    for (const module of roomModules) await module.onDispose?.(this);
  }

  /** A coach watches without a place in the room: no avatar, nothing in `people`, only a count everyone sees. */
  private joinCoach(client: SessionClient, options: JoinOptions): void {
    const coach = new PersonState();
    coach.name = options.name;
    coach.color = options.color ?? 0;
    coach.role = "coach";
    coach.joinedAt = this.services.now();
    this.coaches.set(client.sessionId, coach);
    this.countCoaches();
    for (const module of roomModules) module.onCoachJoin?.(this, client, coach);
  }

  /**
   * Everyone in the room sees the count, and so does the join page, which may be served by another
   * process: the room listing carries it there (server/scaleout/room-calls.ts).
   */
  private countCoaches(): void {
    this.state.coaching.coaches = this.coaches.size;
    void this.setMetadata({ ...this.metadata, coaches: this.coaches.size });
  }

  private forgetPerson(id: string): void {
    if (this.coaches.delete(id)) {
      this.countCoaches();
      for (const module of roomModules) module.onCoachLeave?.(this, id);
      return;
    }
    if (!this.state.people.has(id)) return;
    this.state.people.delete(id);
    for (const module of roomModules) module.onLeave?.(this, id);
  }

  // --- RoomApi: the verbs commands and modules may use ---

  saveRecord(record: StoredRecord): Promise<void> {
    return this.writeRecords([record], []);
  }

  deleteRecord(kind: string, id: string): Promise<void> {
    return this.writeRecords([], [{ kind, id }]);
  }

  writeRecords(put: readonly StoredRecord[], remove: readonly { kind: string; id: string }[]): Promise<void> {
    // While the debrief timeline is kept, the change's entry is written in the same transaction.
    const timeline = timelineFor(this, put, remove, this.services.now());
    if (timeline.length === 0 && put.length === 1 && remove.length === 0) {
      return this.services.store.saveRecord(this.state.code, put[0]!);
    }
    if (timeline.length === 0 && put.length === 0 && remove.length === 1) {
      return this.services.store.deleteRecord(this.state.code, remove[0]!.kind, remove[0]!.id);
    }
    return this.services.store.writeRecords(this.state.code, put, remove, timeline);
  }

  personMoved(id: string): void {
    const person = this.state.people.get(id);
    if (!person) return;
    for (const module of roomModules) module.onPersonMoved?.(this, id, person);
  }

  personChangedZone(id: string, from: string, to: string): void {
    for (const module of roomModules) module.onPersonZoneChanged?.(this, id, from, to);
  }

  screens(): ReadonlyMap<string, ReadonlySet<string>> {
    const all = new Map<string, Set<string>>();
    for (const module of roomModules) {
      for (const [id, from] of module.screens?.(this) ?? []) {
        const merged = all.get(id) ?? new Set<string>();
        for (const viewer of from) merged.add(viewer);
        all.set(id, merged);
      }
    }
    return all;
  }

  hushed(): ReadonlySet<string> {
    const all = new Set<string>();
    for (const module of roomModules) for (const id of module.hushed?.(this) ?? []) all.add(id);
    return all;
  }

  screensChanged(): void {
    for (const module of roomModules) module.onScreensChanged?.(this);
  }

  personChangedRole(id: string, from: string, to: string): void {
    for (const module of roomModules) module.onPersonRoleChanged?.(this, id, from, to);
  }

  async zoneLayoutChanged(id: string, before: ZoneShape | null, after: ZoneShape | null): Promise<void> {
    for (const module of roomModules) await module.onZoneLayoutChanged?.(this, id, before, after);
  }

  checkMove(id: string, x: number, z: number): MoveRefusal | undefined {
    const person = this.state.people.get(id);
    if (!person) return undefined;
    for (const module of roomModules) {
      const refusal = module.checkMove?.(this, id, person, x, z);
      if (refusal) return refusal;
    }
    return undefined;
  }

  clientById(id: string): SessionClient | undefined {
    return this.clients.getById(id);
  }

  placePerson(id: string, x: number, z: number, yaw?: number): void {
    const person = this.state.people.get(id);
    if (!person) return;
    person.pose.x = quantisePosition(x);
    person.pose.z = quantisePosition(z);
    if (yaw !== undefined) person.pose.yaw = quantiseYaw(yaw);
    const client = this.clientById(id);
    if (client?.userData) client.userData.movement = freshBudget(this.services.now());
    client?.send("movement.corrected", {
      x: person.pose.x,
      z: person.pose.z,
      reason: "moved_by_server",
      ...(yaw !== undefined ? { yaw: person.pose.yaw } : {}),
    });
    this.personMoved(id);
  }

  /** A coach whose link was withdrawn: told why, then let go (they hold no place in the room). */
  dismissCoach(id: string): void {
    const client = this.clientById(id);
    if (!client) return;
    client.send("session.closed", { reason: "coach_revoked" });
    client.leave(CloseCode.CONSENTED);
  }

  removePerson(id: string, reason: "ended" | "removed"): void {
    const client = this.clientById(id);
    this.forgetPerson(id);
    if (!client) return;
    client.send("session.closed", { reason });
    client.leave(CloseCode.CONSENTED);
  }

  /** See RoomModule.onNotice: called here directly, or through Colyseus' presence from another process. */
  notice(notice: RoomNotice): void {
    for (const module of roomModules) module.onNotice?.(this, notice);
  }

  closeAll(reason: "ended" | "deleted" = "ended"): Promise<void> {
    // Nothing may be written for a session that is being deleted, not even by a late message.
    if (reason === "deleted") this.state.ended = true;
    for (const client of [...this.clients]) {
      client.send("session.closed", { reason });
    }
    return this.disconnect(CloseCode.CONSENTED);
  }
}

export { SESSION_ROOM, JoinRefusal };
