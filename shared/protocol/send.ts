import type { ClientMessageInput, ClientMessageName } from "./index";

/** Anything that can send a room message: the SDK's Room in the browser and in tests. */
export interface MessageSender {
  send(type: string, payload?: unknown): void;
}

/** Sends a client message with its payload type checked against the protocol. */
export function sendCommand<N extends ClientMessageName>(
  room: MessageSender,
  name: N,
  payload: ClientMessageInput<N>,
): void {
  room.send(name, payload);
}
