import { Callbacks, Client, type Room } from "@colyseus/sdk";
import {
  PROTOCOL_VERSION,
  SESSION_ROOM,
  ERROR_CODES,
  type ClientMessageInput,
  type ClientMessageName,
  type ErrorCode,
  type JoinOptions,
  type Role,
  type ServerMessage,
  type ServerMessageName,
} from "../../shared/protocol";
import type { PersonState } from "../../shared/people/state";
import type { SessionState } from "../../shared/session/state";
import { Presence } from "../avatars/presence";
import { showToast } from "../ui/toast-store";
import { sessionStoreActions, useSessionStore, type PersonView } from "./session-store";
import { personKey } from "./profile";
import { resetBoards, syncBoards } from "../boards/sync";
import { syncScreen } from "../screen/screen-store";
import { stateBindings } from "./state-bindings";
import { joinPatiently } from "../../shared/session/join-retry";

export type JoinProfile = Omit<JoinOptions, "protocol">;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's first parameter is the server room class, which the client must not import
export type SessionRoom = Room<any, SessionState>;

/**
 * One live connection to a session room: the only place that talks to Colyseus. It mirrors the
 * room's slow-changing state into the session store, poses into `presence`, and offers typed sends.
 */
export interface SessionConnection {
  readonly room: SessionRoom;
  readonly presence: Presence;
  send<N extends ClientMessageName>(name: N, payload: ClientMessageInput<N>): void;
  on<N extends ServerMessageName>(name: N, handler: (message: ServerMessage<N>) => void): () => void;
  leave(): Promise<void>;
}

function personView(id: string, person: PersonState): PersonView {
  return {
    id,
    name: person.name,
    color: person.color,
    role: person.role as Role,
    connected: person.connected,
    zone: person.zone ?? "",
    organisation: person.organisation ?? "",
    handRaisedAt: person.handRaisedAt ?? 0,
    following: person.following ?? "",
    inVR: person.inVR,
    joinedAt: person.joinedAt,
  };
}

/** Turns a refused join into one of our error codes (the server puts the code in the message). */
export function joinErrorCode(error: unknown): ErrorCode | "network" {
  const message = error instanceof Error ? error.message : String(error);
  return (ERROR_CODES as readonly string[]).includes(message) ? (message as ErrorCode) : "network";
}

function serverEndpoint(): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`;
}

export async function connectToSession(profile: JoinProfile): Promise<SessionConnection> {
  const client = new Client(serverEndpoint());
  const room: SessionRoom = await joinPatiently(() =>
    client.joinOrCreate<SessionState>(SESSION_ROOM, {
      personKey: personKey(),
      ...profile,
      protocol: PROTOCOL_VERSION,
    } satisfies JoinOptions),
  );
  const presence = new Presence();
  const $ = Callbacks.get(room);
  let leaving = false;

  useSessionStore.setState({ selfId: room.sessionId, status: "connected" });
  resetBoards();

  // The group's work (boards, screen) is mirrored once per patch, after all of its changes arrived.
  room.onStateChange((state) => {
    const self = state.people?.get(room.sessionId);
    if (!self) return;
    syncBoards(state, room.sessionId, self.role === "facilitator", self.zone);
    syncScreen(state);
  });

  $.listen("title", (title) => useSessionStore.setState({ title }));
  $.onAdd("people", (person, id) => {
    sessionStoreActions.upsertPerson(personView(id, person));
    $.onChange(person, () => sessionStoreActions.upsertPerson(personView(id, person)));
    presence.receive(id, person.pose, performance.now());
    $.onChange(person.pose, () => presence.receive(id, person.pose, performance.now()));
    // Hands change in the same patch as the head; both halves report, the buffer keeps the latest.
    const receiveHands = () => presence.receiveHands(id, person.hands, performance.now());
    $.onChange(person.hands.left, receiveHands);
    $.onChange(person.hands.right, receiveHands);
  });
  $.onRemove("people", (_person, id) => {
    sessionStoreActions.removePerson(id);
    presence.forget(id);
  });

  room.onMessage("error", (error: ServerMessage<"error">) => {
    // Movement corrections are silent: the view snaps back, which says enough.
    if (error.code === "rate_limited" && error.command === "movement.pose") return;
    showToast({ key: `errors.${error.code}` });
  });
  room.onMessage("session.closed", ({ reason }: ServerMessage<"session.closed">) => {
    useSessionStore.setState({ closedReason: reason });
  });
  room.onDrop(() => useSessionStore.setState({ status: "reconnecting" }));
  room.onReconnect(() => {
    useSessionStore.setState({ status: "connected" });
    showToast({ key: "status.reconnected" });
  });
  const connection: SessionConnection = {
    room,
    presence,
    send(name, payload) {
      room.send(name, payload);
    },
    on(name, handler) {
      return room.onMessage(name, handler as (message: unknown) => void);
    },
    async leave() {
      leaving = true;
      await room.leave(true);
    },
  };
  // Each capability mirrors its part of the state into its own store (zones, chat, the server clock).
  const unbind = stateBindings.map((bind) => bind({ $, room, connection }));

  room.onLeave(() => {
    for (const stop of unbind) stop?.();
    const { closedReason } = useSessionStore.getState();
    useSessionStore.setState({ status: "closed", closedReason: closedReason ?? (leaving ? "left" : "failed") });
  });

  return connection;
}
