import type { StateCallbackStrategy } from "@colyseus/schema";
import type { SessionState } from "../../shared/session/state";
import type { SessionConnection, SessionRoom } from "./connection";
import { bindZones } from "../zones/bind";
import { bindChat } from "../chat/bind";
import { bindServerClock } from "../timers/server-clock";

export interface BindingContext {
  $: StateCallbackStrategy<SessionState>;
  room: SessionRoom;
  connection: SessionConnection;
}

/** Mirrors part of the room into a capability's store; may return a function that stops it. */
export type StateBinding = (context: BindingContext) => void | (() => void);

/** Every capability's binding, run once per connection (session/connection.ts). */
export const stateBindings: readonly StateBinding[] = [bindZones, bindChat, bindServerClock];
