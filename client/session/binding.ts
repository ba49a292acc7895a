import type { StateCallbackStrategy } from "@colyseus/schema";
import type { Room } from "@colyseus/sdk";
import type { ClientMessageInput, ClientMessageName, ServerMessage, ServerMessageName } from "../../shared/protocol";
import type { SessionState } from "../../shared/session/state";
import type { Presence } from "../avatars/presence";
import type { PoseTable } from "../../shared/movement/poses-message";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's first parameter is the server room class, which the client must not import
export type SessionRoom = Room<any, SessionState>;

/**
 * One live connection to a session room: the only place that talks to Colyseus. It mirrors the
 * room's slow-changing state into the session store, poses into `presence`, and offers typed sends.
 */
export interface SessionConnection {
  readonly room: SessionRoom;
  readonly presence: Presence;
  /** The full poses of the people near us (the `movement.poses` messages); read with currentPose. */
  readonly nearPoses: PoseTable;
  send<N extends ClientMessageName>(name: N, payload: ClientMessageInput<N>): void;
  on<N extends ServerMessageName>(name: N, handler: (message: ServerMessage<N>) => void): () => void;
  leave(): Promise<void>;
}

export interface BindingContext {
  $: StateCallbackStrategy<SessionState>;
  room: SessionRoom;
  connection: SessionConnection;
}

/**
 * The one way a capability follows the room: it mirrors its part of the state into its own store
 * and may return a function that stops it. Every capability's binding is listed in
 * session/state-bindings.ts; this file holds only the contract, so the bindings import it without
 * importing that list back (no import cycle between session/ and the capabilities).
 */
export type StateBinding = (context: BindingContext) => void | (() => void);
